using MimeKit;
using PraTracker.Data.Correspondence;
using PraTracker.Jobs.Email;

namespace PraTracker.Jobs.Correspondence;

/// <summary>Reads what matching and filing need out of a parsed message.</summary>
public static class MailFacts
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
            MailBody.TextOf(message),
            message.Headers.Contains(HeaderId.Date) ? message.Date : null);
    }

    /// <summary>Why a message cannot be filed as it is, or null: the two headers every message must have (RFC 5322).</summary>
    public static string? Malformed(MimeMessage message) =>
        message.From.Mailboxes.Any() || message.Headers.Contains(HeaderId.Date)
            ? null
            : "It has neither a From nor a Date header, so it is not a well-formed e-mail.";

    private static string? Empty(string? text) => string.IsNullOrWhiteSpace(text) ? null : text;
}
