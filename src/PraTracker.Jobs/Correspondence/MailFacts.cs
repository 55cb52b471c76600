using System.Net;
using System.Text.RegularExpressions;
using MimeKit;
using PraTracker.Data.Correspondence;

namespace PraTracker.Jobs.Correspondence;

/// <summary>Reads what matching and filing need out of a parsed message.</summary>
public static partial class MailFacts
{
    /// <summary>Headers a mail server or forwarder writes the address a message was delivered to in.</summary>
    private static readonly string[] DeliveryHeaders = ["Delivered-To", "X-Original-To", "Envelope-To", "X-Envelope-To"];

    public static IncomingFacts From(MimeMessage message)
    {
        var recipients = message.To.Mailboxes.Concat(message.Cc.Mailboxes).Select(m => m.Address)
            .Concat(DeliveryHeaders.SelectMany(h => message.Headers.Where(x => x.Field.Equals(h, StringComparison.OrdinalIgnoreCase)).Select(x => x.Value.Trim())))
            .Where(a => a.Length > 0)
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .ToList();
        return new IncomingFacts(
            Empty(message.MessageId),
            Empty(message.InReplyTo),
            [.. message.References],
            message.From.Mailboxes.FirstOrDefault()?.Address,
            recipients,
            Empty(message.Subject?.Trim()),
            TextOf(message),
            message.Headers.Contains(HeaderId.Date) ? message.Date : null);
    }

    /// <summary>Why a message cannot be filed as it is, or null: the two headers every message must have (RFC 5322).</summary>
    public static string? Malformed(MimeMessage message) =>
        message.From.Mailboxes.Any() || message.Headers.Contains(HeaderId.Date)
            ? null
            : "It has neither a From nor a Date header, so it is not a well-formed e-mail.";

    /// <summary>The message's text: its plain-text part, or its HTML part with the tags taken out.</summary>
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

    private static string? Empty(string? text) => string.IsNullOrWhiteSpace(text) ? null : text;

    [GeneratedRegex(@"<\s*(br|/p|/div|/li|/tr|/h\d)\b[^>]*>", RegexOptions.IgnoreCase, matchTimeoutMilliseconds: 2000)]
    private static partial Regex BlockEnd();

    [GeneratedRegex(@"<[^>]*>", RegexOptions.None, matchTimeoutMilliseconds: 2000)]
    private static partial Regex Tag();
}
