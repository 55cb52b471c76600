using System.Text.RegularExpressions;

namespace PraTracker.Web.Components.Shared;

/// <summary>Words for enum values on screen: AwaitingClarification reads "Awaiting clarification".</summary>
public static partial class Labels
{
    public static string Of<T>(T value) where T : struct, Enum
    {
        var words = WordBoundary().Replace(value.ToString(), " $1").ToLowerInvariant();
        return char.ToUpperInvariant(words[0]) + words[1..];
    }

    public static string Of<T>(T? value) where T : struct, Enum => value is { } v ? Of(v) : "";

    [GeneratedRegex("(?<!^)([A-Z])")]
    private static partial Regex WordBoundary();
}
