namespace PraTracker.Data.Documents.Mentions;

/// <summary>
/// The other names of a vendor, product or agency ("Clearview", "LAPD"), kept one per line and looked for in released
/// documents as the name is.
/// </summary>
public static class Aliases
{
    public const int MaxLength = 2000;
    public const int MaxAliasLength = 200;

    /// <summary>The aliases written one per line (commas are kept: "Spokeo, Inc." is one name).</summary>
    public static IReadOnlyList<string> Split(string? aliases) =>
        string.IsNullOrWhiteSpace(aliases)
            ? []
            : [.. aliases.Split('\n').Select(a => a.Trim()).Where(a => a.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase)];

    /// <summary>The aliases as stored: trimmed, one per line, repeats and the name itself left out; null when none.</summary>
    public static string? Normalise(string? aliases, string name)
    {
        var kept = Split(aliases).Where(a => !a.Equals(name.Trim(), StringComparison.OrdinalIgnoreCase)).ToList();
        return kept.Count == 0 ? null : string.Join('\n', kept);
    }

    /// <summary>Why the aliases cannot be saved, or null.</summary>
    public static string? Problem(string? aliases)
    {
        if (aliases is { Length: > MaxLength })
        {
            return $"Other names can be at most {MaxLength} characters in all.";
        }

        return Split(aliases).FirstOrDefault(a => a.Length > MaxAliasLength) is { } tooLong
            ? $"\"{tooLong[..40]}…\" is longer than {MaxAliasLength} characters; write one name per line."
            : null;
    }
}
