namespace PraTracker.Data.Correspondence;

/// <summary>The words just before a place in a message, within its clause: where "not", "if" or "by" changes what follows.</summary>
internal static class Clause
{
    /// <summary>
    /// Up to <paramref name="reach"/> characters before <paramref name="index"/>, from the end of the last clause
    /// (a full stop, a comma, a colon... or a blank line), with line breaks read as spaces since e-mail wraps lines anywhere.
    /// </summary>
    public static string Before(string text, int index, int reach)
    {
        var before = text[Math.Max(0, index - reach)..index];
        var blankLine = before.LastIndexOf("\n\n", StringComparison.Ordinal);
        var boundary = Math.Max(before.LastIndexOfAny(['.', '!', '?', ';', ':', ',']), blankLine < 0 ? -1 : blankLine + 1);
        return before[(boundary + 1)..].Replace('\n', ' ').Replace('\t', ' ');
    }

    /// <summary>Up to <paramref name="reach"/> characters from <paramref name="index"/>, to the end of the clause.</summary>
    public static string After(string text, int index, int reach)
    {
        var after = text[index..Math.Min(text.Length, index + reach)];
        var blankLine = after.IndexOf("\n\n", StringComparison.Ordinal);
        var end = after.IndexOfAny(['.', '!', '?', ';', ':', ',']);
        end = end < 0 ? blankLine : blankLine < 0 ? end : Math.Min(end, blankLine);
        return (end < 0 ? after : after[..end]).Replace('\n', ' ').Replace('\t', ' ');
    }
}
