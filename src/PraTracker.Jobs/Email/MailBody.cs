using System.Net;
using System.Text.RegularExpressions;
using MimeKit;

namespace PraTracker.Jobs.Email;

/// <summary>The body every e-mail of the app has: the same words as plain text and as HTML.</summary>
public static partial class MailBody
{
    public static MimeEntity Of(string text, string html)
    {
        var body = new BodyBuilder { TextBody = text, HtmlBody = html }.ToMessageBody();

        // Quoted-printable keeps the bodies 7-bit, so no relay on the way can mangle a "§" or a "·".
        foreach (var part in body is Multipart parts ? parts.OfType<TextPart>() : body is TextPart single ? [single] : [])
        {
            part.ContentTransferEncoding = ContentEncoding.QuotedPrintable;
        }

        return body;
    }

    /// <summary>A received message's text as a reader sees it: its plain-text part, or its HTML part with the tags taken out.</summary>
    public static string? TextOf(MimeMessage message)
    {
        if (message.TextBody is { Length: > 0 } text)
        {
            return text;
        }

        if (message.HtmlBody is not { Length: > 0 } html)
        {
            return null;
        }

        var withBreaks = BlockEnd().Replace(html, "\n");
        return WebUtility.HtmlDecode(Tag().Replace(withBreaks, "")).Trim();
    }

    [GeneratedRegex(@"<\s*(br|/p|/div|/li|/tr|/h\d)\b[^>]*>", RegexOptions.IgnoreCase, matchTimeoutMilliseconds: 2000)]
    private static partial Regex BlockEnd();

    [GeneratedRegex(@"<[^>]*>", RegexOptions.None, matchTimeoutMilliseconds: 2000)]
    private static partial Regex Tag();
}
