using System.Net;
using System.Text;
using MailKit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using MimeKit;
using MimeKit.Utils;
using PraTracker.Data.Correspondence;
using PraTracker.Data.Database;
using PraTracker.Data.Documents;
using PraTracker.Data.Identity;
using PraTracker.Jobs.Email;

namespace PraTracker.Jobs.Correspondence;

/// <summary>What sending a letter did: the problems that stopped it, or the message recorded on the request.</summary>
public sealed record SendResult(IReadOnlyList<string> Errors, Guid? EmailId)
{
    public bool Succeeded => Errors.Count == 0;

    public static SendResult Refused(params string[] errors) => new(errors, null);
}

/// <summary>
/// Sends a letter to an agency through the configured SMTP server: from the organisation's address, with the
/// request's own reply address, its reference in the subject, and the text as both plain text and HTML. The
/// message is kept byte for byte in the document store and on the request's timeline.
/// </summary>
public sealed class LetterSender(
    SmtpSettings smtp,
    SmtpMailer mailer,
    CorrespondenceSettings settings,
    IDbContextFactory<PraTrackerDbContext> dbFactory,
    IDocumentFileStore store,
    OrganisationClock clock,
    ILogger<LetterSender> logger)
{
    public async Task<SendResult> SendAsync(LetterDraft draft, string? userId, CancellationToken ct = default)
    {
        var errors = LetterDrafts.Validate(draft, address => MailboxAddress.TryParse(address, out var parsed) && parsed.Address.Contains('@', StringComparison.Ordinal));
        if (errors.Count > 0)
        {
            return new SendResult(errors, null);
        }

        if (!smtp.Enabled)
        {
            return SendResult.Refused("E-mail is off: set Smtp:Host (see the operations guide) to send letters from the app.");
        }

        var message = Compose(draft);
        byte[] raw;
        using (var buffer = new MemoryStream())
        {
            await message.WriteToAsync(FormatOptions.Default, buffer, ct);
            raw = buffer.ToArray();
        }

        StoredFile stored;
        using (var content = new MemoryStream(raw, writable: false))
        {
            stored = await store.SaveAsync(content, Math.Max(raw.LongLength, 1), ct: ct);
        }

        Guid emailId;
        await using (var db = (await dbFactory.CreateDbContextAsync(ct)).ViewAs(Viewer.System))
        {
            var letter = new OutgoingLetter(draft, message.From.ToString(), message.ReplyTo.ToString(), message.MessageId!, message.Date, stored.Sha256, stored.SizeBytes);
            var (id, refused) = await OutgoingMail.BeginAsync(db, letter, userId, clock.UtcNow, ct);
            if (refused is not null)
            {
                return SendResult.Refused(refused);
            }

            emailId = id!.Value;
        }

        try
        {
            await mailer.SendAsync(message, ct);
        }
        catch (Exception failure) when (failure is IOException or ServiceNotConnectedException or ProtocolException or CommandException
            or System.Net.Sockets.SocketException or MailKit.Security.AuthenticationException or InvalidOperationException)
        {
            logger.LogWarning(failure, "Letter {EmailId} for {Reference} was not sent.", emailId, draft.Reference);
            await using var db = (await dbFactory.CreateDbContextAsync(CancellationToken.None)).ViewAs(Viewer.System);
            await OutgoingMail.FailAsync(db, emailId, $"The mail server did not take it: {failure.Message}", CancellationToken.None);
            return new SendResult([$"The letter was not sent: the mail server said \"{failure.Message}\". Nothing was logged; try again or check Smtp:* settings."], emailId);
        }

        // Sent: from here the record must be written even if the caller has gone.
        await using (var db = (await dbFactory.CreateDbContextAsync(CancellationToken.None)).ViewAs(Viewer.System))
        {
            var logged = await OutgoingMail.CompleteAsync(db, emailId, userId, clock.UtcNow, clock.Today, CancellationToken.None);
            if (!logged.Succeeded)
            {
                logger.LogError("Letter {EmailId} for {Reference} was sent but not logged: {Errors}", emailId, draft.Reference, string.Join(" ", logged.Errors));
                return new SendResult([$"The letter was sent, but logging it failed: {string.Join(" ", logged.Errors)} Log it on the timeline by hand."], emailId);
            }
        }

        logger.LogInformation("Letter {EmailId} ({Purpose}) for {Reference} sent to {To}.", emailId, draft.Purpose, draft.Reference, draft.To);
        return new SendResult([], emailId);
    }

    /// <summary>The message as it will leave; From is the organisation's address, Reply-To the request's own.</summary>
    public MimeMessage Compose(LetterDraft draft)
    {
        var from = MailboxAddress.Parse(smtp.From);
        var message = new MimeMessage();
        message.From.Add(from);
        message.To.Add(MailboxAddress.Parse(draft.To.Trim()));
        message.ReplyTo.Add(MailboxAddress.Parse(settings.ReplyToFor(draft.Reference)));
        message.Subject = draft.Subject.Trim();
        message.Date = clock.UtcNow;
        var domain = from.Address[(from.Address.LastIndexOf('@') + 1)..];
        message.MessageId = MimeUtils.GenerateMessageId(domain.Length > 0 ? domain : "pratracker.local");
        if (draft.InReplyTo is { Length: > 0 } original)
        {
            message.InReplyTo = original;
            message.References.Add(original);
        }

        message.Body = MailBody.Of(draft.Body, Html(draft.Body));
        return message;
    }

    /// <summary>The letter's text as simple HTML: a paragraph per blank-line-separated block, line breaks kept.</summary>
    public static string Html(string text)
    {
        var html = new StringBuilder("<!DOCTYPE html><html><body style=\"font-family: Georgia, serif; font-size: 15px; line-height: 1.5; max-width: 42em\">");
        foreach (var paragraph in text.Replace("\r\n", "\n", StringComparison.Ordinal).Split("\n\n", StringSplitOptions.RemoveEmptyEntries))
        {
            html.Append("<p>").Append(string.Join("<br>", paragraph.Split('\n').Select(WebUtility.HtmlEncode))).Append("</p>");
        }

        return html.Append("</body></html>").ToString();
    }
}
