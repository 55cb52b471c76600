using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace PraTracker.Data.Correspondence;

/// <summary>The part of an e-mail reply the agency wrote now, and what was left out to get it.</summary>
internal sealed record ReplyText(string Text, IReadOnlyList<string> Notes)
{
    /// <summary>How much of a message is read; agency replies that matter say what they do in the first page.</summary>
    public const int MaxExamined = 20_000;

    private const int MaxSubject = 1_000;

    /// <summary>Footers on government e-mail ("confidential ... exempt from disclosure") would otherwise read as a denial.</summary>
    private static readonly Regex ConfidentialityNotice = new(
        @"intended recipient|confidentiality notice|privileged and confidential|confidential and privileged|privileged or confidential",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.NonBacktracking);

    private static readonly Regex OriginalMessage = new(
        @"^-{2,}\s*original message\s*-{2,}",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.NonBacktracking);

    /// <summary>
    /// The subject and the new part of the body: the earlier messages a reply quotes (the attorney's own request,
    /// full of "fee" and "exempt") are cut, and so is a confidentiality footer.
    /// </summary>
    public static ReplyText Read(string? subject, string? body)
    {
        var notes = new List<string>();
        subject ??= "";
        body ??= "";
        if (subject.Length > MaxSubject)
        {
            subject = subject[..MaxSubject];
        }

        if (body.Length > MaxExamined)
        {
            body = body[..MaxExamined];
            notes.Add(string.Create(CultureInfo.InvariantCulture, $"reads only the first {MaxExamined:N0} characters of the message"));
        }

        var lines = body.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n').Split('\n');
        var kept = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < lines.Length; i++)
        {
            if (StartsEarlierMessage(lines, i))
            {
                quoted = true;
                break;
            }

            if (lines[i].TrimStart().StartsWith('>'))
            {
                quoted = true;
                continue;
            }

            kept.Append(lines[i]).Append('\n');
        }

        if (quoted)
        {
            notes.Add("leaves out the quoted earlier message");
        }

        var paragraphs = kept.ToString().Split("\n\n");
        var withoutNotice = paragraphs.Where(p => !ConfidentialityNotice.IsMatch(p)).ToList();
        if (withoutNotice.Count < paragraphs.Length)
        {
            notes.Add("leaves out a confidentiality notice");
        }

        return new ReplyText(subject + "\n\n" + string.Join("\n\n", withoutNotice), notes);
    }

    /// <summary>Where a mail client starts quoting: "On ... wrote:" (maybe wrapped), Outlook's header block, or its "Original Message" line.</summary>
    private static bool StartsEarlierMessage(string[] lines, int i)
    {
        var line = lines[i].Trim();
        if (OriginalMessage.IsMatch(line))
        {
            return true;
        }

        if (line.StartsWith("On ", StringComparison.OrdinalIgnoreCase))
        {
            return line.EndsWith("wrote:", StringComparison.OrdinalIgnoreCase)
                || (i + 1 < lines.Length && lines[i + 1].TrimEnd().EndsWith("wrote:", StringComparison.OrdinalIgnoreCase));
        }

        if (line.StartsWith("From:", StringComparison.OrdinalIgnoreCase))
        {
            for (var next = i + 1; next < Math.Min(lines.Length, i + 5); next++)
            {
                var header = lines[next].TrimStart();
                if (header.StartsWith("Sent:", StringComparison.OrdinalIgnoreCase) || header.StartsWith("Date:", StringComparison.OrdinalIgnoreCase))
                {
                    return true;
                }
            }
        }

        return false;
    }
}
