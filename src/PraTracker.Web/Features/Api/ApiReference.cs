using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using PraTracker.Web.Endpoints.Api;

namespace PraTracker.Web.Features.Api;

/// <summary>A parameter of an API operation: its name, where it goes (query or path), its type, and what it means.</summary>
public sealed record ApiParameterReference(string Name, string In, string Type, bool Required, string? Description);

/// <summary>One operation of the public API as its reference page lists it.</summary>
public sealed record ApiOperationReference(
    string Method, string Path, string Group, string? Summary, string? Description, IReadOnlyList<ApiParameterReference> Parameters)
{
    /// <summary>A curl line that calls the operation on the app at <paramref name="baseUrl"/>; ids are left for the reader to fill in.</summary>
    public string CurlExample(string baseUrl)
    {
        var path = Path;
        foreach (var parameter in Parameters.Where(p => p.In == "path"))
        {
            path = path.Replace($"{{{parameter.Name}}}", $"<{parameter.Name}>", StringComparison.Ordinal);
        }

        var query = Parameters.Any(p => p.Name == "pageSize") ? "?pageSize=10" : "";
        return $"curl \"{baseUrl.TrimEnd('/')}{path}{query}\"";
    }
}

/// <summary>
/// The public API's operations read from the app's own OpenAPI document, in process, so the reference page lists what
/// the app serves and never a list written by hand.
/// </summary>
public sealed class ApiReference([FromKeyedServices(PublicApiEndpoints.DocumentName)] IOpenApiDocumentProvider documents, IConfiguration configuration)
{
    private IReadOnlyList<ApiOperationReference>? _operations;

    /// <summary>How many calls a minute one address may make, as configured.</summary>
    public int RequestsPerMinute => configuration.GetValue(Security.RateLimits.ApiPerMinuteKey, Security.RateLimits.ApiDefaultPerMinute);

    public async Task<IReadOnlyList<ApiOperationReference>> OperationsAsync(CancellationToken ct = default) =>
        _operations ??= Operations(await documents.GetOpenApiDocumentAsync(ct));

    /// <summary>Every operation of a document, grouped by its first tag, in the document's order within a group.</summary>
    public static IReadOnlyList<ApiOperationReference> Operations(OpenApiDocument document) =>
        [.. (document.Paths ?? [])
            .SelectMany(path => (path.Value.Operations ?? []).Select(operation => new ApiOperationReference(
                operation.Key.Method,
                path.Key,
                operation.Value.Tags?.FirstOrDefault()?.Name ?? "Other",
                operation.Value.Summary,
                operation.Value.Description,
                [.. (operation.Value.Parameters ?? []).Select(Parameter)])))
            .GroupBy(o => o.Group)
            .SelectMany(group => group)];

    private static ApiParameterReference Parameter(IOpenApiParameter parameter) => new(
        parameter.Name ?? "",
        parameter.In?.ToString().ToLowerInvariant() ?? "",
        TypeOf(parameter.Schema),
        parameter.Required,
        parameter.Description);

    private static string TypeOf(IOpenApiSchema? schema)
    {
        if (schema?.Type is not { } type)
        {
            return "any";
        }

        var names = Enum.GetValues<JsonSchemaType>().Where(t => t != JsonSchemaType.Null && type.HasFlag(t)).Select(t => t.ToString().ToLowerInvariant());
        var name = string.Join(" or ", names);
        return schema.Format is { Length: > 0 } format ? $"{name} ({format})" : name;
    }
}
