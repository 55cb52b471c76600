using Microsoft.EntityFrameworkCore;
using PraTracker.Data.Database;
using PraTracker.Data.Deadlines;
using PraTracker.Data.Requests;

namespace PraTracker.Data.Correspondence;

/// <summary>A letter as it is about to leave: the draft, its headers, and its bytes already kept in the document store.</summary>
public sealed record OutgoingLetter(LetterDraft Draft, string From, string ReplyTo, string MessageId, DateTimeOffset Date, string RawSha256, long RawSizeBytes);

/// <summary>
/// Keeps the record of the letters the app sends, in three steps around the SMTP conversation: the message is
/// recorded as sending before it leaves (so a crash mid-send shows, and a second send of the same follow-up is
/// refused by the unique deadline), then marked sent with its timeline event, or marked failed with the reason.
/// </summary>
public static class OutgoingMail
{
    /// <summary>The refusal of a second request letter on one request.</summary>
    public const string AlreadySent = "This request was already sent by e-mail; send a follow-up instead.";

    public static async Task<(Guid? EmailId, string? Error)> BeginAsync(
        PraTrackerDbContext db, OutgoingLetter letter, string? userId, DateTimeOffset now, CancellationToken ct = default)
    {
        var draft = letter.Draft;
        if (draft.Purpose == LetterPurpose.Request
            && await db.EmailMessages.AnyAsync(m => m.RequestId == draft.RequestId && m.Purpose == LetterPurpose.Request && (m.Status == MailStatus.Sent || m.Status == MailStatus.Sending), ct))
        {
            return (null, AlreadySent);
        }

        var email = new EmailMessage
        {
            Direction = MailDirection.Outgoing,
            Status = MailStatus.Sending,
            Purpose = draft.Purpose,
            RequestId = draft.RequestId,
            ForDeadlineId = draft.ForDeadlineId,
            MessageId = letter.MessageId,
            InReplyTo = draft.InReplyTo,
            References = draft.InReplyTo,
            FromAddress = letter.From,
            ToAddresses = draft.To.Trim(),
            ReplyToAddress = letter.ReplyTo,
            Subject = draft.Subject.Trim(),
            TextBody = draft.Body,
            Date = letter.Date.ToUniversalTime(),
            ProcessedAt = now,
            RawSha256 = letter.RawSha256,
            RawSizeBytes = letter.RawSizeBytes,
            HandledByUserId = userId,
        };
        db.EmailMessages.Add(email);
        try
        {
            await db.SaveChangesAsync(ct);
            return (email.Id, null);
        }
        catch (DbUpdateException) when (draft.ForDeadlineId is not null)
        {
            // The unique deadline: someone (or the automatic follow-up) sent it first.
            db.Entry(email).State = EntityState.Detached;
            return (null, "A follow-up for this deadline has already been sent.");
        }
    }

    /// <summary>
    /// Marks the letter sent and logs it on the timeline: the request filed (with its sent and received dates, so
    /// the deadlines start), the follow-up, or the appeal.
    /// </summary>
    public static async Task<TimelineResult> CompleteAsync(
        PraTrackerDbContext db, Guid emailId, string? userId, DateTimeOffset now, DateOnly today, CancellationToken ct = default)
    {
        var email = await db.EmailMessages.Include(m => m.ForDeadline).SingleAsync(m => m.Id == emailId, ct);
        var (kind, summary) = email.Purpose switch
        {
            LetterPurpose.FollowUp => (RequestEventKind.FollowUp, email.ForDeadline is { } missed
                ? $"Follow-up sent by e-mail: {DeadlineKindNames.Of(missed.Kind).ToLowerInvariant()} was due {missed.DueOn:yyyy-MM-dd}."
                : "Follow-up sent by e-mail."),
            LetterPurpose.Appeal => (RequestEventKind.Appeal, "Appeal sent by e-mail."),
            _ => (RequestEventKind.Filed, "Request sent by e-mail to the agency's records address."),
        };
        return await RequestTimeline.LogAsync(db, email.RequestId!.Value, new RequestEventInput(kind, today, summary), userId, now, today, ct,
            alongside: (request, sent) =>
            {
                email.Status = MailStatus.Sent;
                email.RequestEvent = sent;
                // The body is for staff only; the public timeline of a public request shows the summary.
                sent.Body = $"Sent to {email.ToAddresses} as Message-ID <{email.MessageId}>.";
                if (email.Purpose == LetterPurpose.Request)
                {
                    // E-mail arrives the day it is sent: received = sent unless the attorney corrects it.
                    request.SentOn ??= today;
                    request.ReceivedOn ??= request.SentOn;
                    request.Method ??= SubmissionMethod.Email;
                }
            });
    }

    /// <summary>Records why a letter did not leave; the deadline it answered is free for another attempt.</summary>
    public static async Task FailAsync(PraTrackerDbContext db, Guid emailId, string reason, CancellationToken ct = default)
    {
        var email = await db.EmailMessages.SingleAsync(m => m.Id == emailId, ct);
        email.Status = MailStatus.SendFailed;
        email.StatusReason = reason.Length > 2000 ? reason[..2000] : reason;
        email.ForDeadlineId = null;
        await db.SaveChangesAsync(ct);
    }
}
