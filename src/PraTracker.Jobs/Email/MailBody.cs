using MimeKit;

namespace PraTracker.Jobs.Email;

/// <summary>The body every e-mail of the app has: the same words as plain text and as HTML.</summary>
public static class MailBody
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
}
