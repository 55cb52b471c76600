namespace PraTracker.Data.Database;

/// <summary>How forms' free text is stored: trimmed, and null rather than blank.</summary>
public static class InputText
{
    public static string? TrimmedOrNull(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
