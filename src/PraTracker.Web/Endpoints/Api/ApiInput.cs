using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using PraTracker.Data.Database;

namespace PraTracker.Web.Endpoints.Api;

/// <summary>The page asked for: 1-based page number and page size, as the API counts them.</summary>
public sealed record ApiPaging(int Page, int PageSize)
{
    public const int DefaultPageSize = 25;
    public const int MaxPageSize = 100;

    public PageRequest ToPageRequest(string? sortBy = null, bool descending = false) => new(Page - 1, PageSize, sortBy, descending);
}

/// <summary>
/// Reads the query string of an API call, collecting a clear message for each value it cannot take, so that bad input
/// is one 400 problem naming every parameter at fault rather than a silent default. Values arrive as text: the framework's
/// own binding would refuse a bad number with an empty answer.
/// </summary>
public sealed class ApiInput
{
    private readonly Dictionary<string, string[]> _errors = new(StringComparer.Ordinal);

    /// <summary>The 400 problem naming every bad parameter, or null when all were good.</summary>
    public ValidationProblem? Problem => _errors.Count == 0
        ? null
        : TypedResults.ValidationProblem(_errors, title: "Some parameters are not valid.", detail: string.Join(" ", _errors.Values.SelectMany(m => m)));

    public ApiPaging Paging(string? page, string? pageSize)
    {
        var number = Integer("page", page, 1, 1, int.MaxValue, "Give a page number of 1 or more.");
        var size = Integer("pageSize", pageSize, ApiPaging.DefaultPageSize, 1, ApiPaging.MaxPageSize,
            $"Give a page size from 1 to {ApiPaging.MaxPageSize}.");
        if ((long)(number - 1) * size > int.MaxValue)
        {
            Fail("page", "That page lies beyond any list.");
        }

        return new ApiPaging(number, size);
    }

    /// <summary>A sort key from those offered ("name" ascending, "-name" descending), mapped to what the query sorts by.</summary>
    public (string? SortBy, bool Descending) Sort(string? value, IReadOnlyDictionary<string, string> keys)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return (null, false);
        }

        var trimmed = value.Trim();
        var descending = trimmed.StartsWith('-');
        var key = descending ? trimmed[1..] : trimmed;
        if (keys.TryGetValue(key, out var sortBy))
        {
            return (sortBy, descending);
        }

        Fail("sort", $"Sort by one of {string.Join(", ", keys.Keys)}, with a leading - for descending order.");
        return (null, false);
    }

    public Guid? Id(string name, string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        if (Guid.TryParse(value.Trim(), out var id))
        {
            return id;
        }

        Fail(name, $"Give '{name}' as an id such as 0197a2c4-1b2e-7c3d-9e4f-5a6b7c8d9e0f.");
        return null;
    }

    public DateOnly? Date(string name, string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        if (DateOnly.TryParseExact(value.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            return day;
        }

        Fail(name, $"Give '{name}' as a date, yyyy-MM-dd.");
        return null;
    }

    /// <summary>An enum value written as the API writes it: kebab-case, as in "awaiting-clarification".</summary>
    public TEnum? Enum<TEnum>(string name, string? value)
        where TEnum : struct, Enum
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        var wanted = value.Trim();
        foreach (var candidate in System.Enum.GetValues<TEnum>())
        {
            if (string.Equals(NameOf(candidate), wanted, StringComparison.OrdinalIgnoreCase))
            {
                return candidate;
            }
        }

        Fail(name, $"Give '{name}' as one of {string.Join(", ", System.Enum.GetValues<TEnum>().Select(v => NameOf(v)))}.");
        return null;
    }

    /// <summary>Free text, trimmed; null when empty.</summary>
    public string? Text(string name, string? value, int maxLength)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        var trimmed = value.Trim();
        if (trimmed.Length <= maxLength)
        {
            return trimmed;
        }

        Fail(name, $"'{name}' may be at most {maxLength} characters long.");
        return null;
    }

    /// <summary>A US state or territory as its two-letter code.</summary>
    public string? State(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        var trimmed = value.Trim();
        if (trimmed.Length == 2 && trimmed.All(char.IsAsciiLetter))
        {
            return trimmed.ToUpperInvariant();
        }

        Fail("state", "Give 'state' as a two-letter code such as CA.");
        return null;
    }

    /// <summary>How the API writes an enum value, in its JSON and in its parameters.</summary>
    public static string NameOf<TEnum>(TEnum value)
        where TEnum : struct, Enum => JsonNamingPolicy.KebabCaseLower.ConvertName(value.ToString());

    private int Integer(string name, string? value, int fallback, int min, int max, string message)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return fallback;
        }

        if (int.TryParse(value.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number >= min && number <= max)
        {
            return number;
        }

        Fail(name, message);
        return fallback;
    }

    private void Fail(string name, string message) => _errors[name] = [message];
}
