using Microsoft.EntityFrameworkCore;
using PraTracker.Data.Database;
using PraTracker.Data.Documents;
using PraTracker.Data.Requests;

namespace PraTracker.Data.Correspondence;

/// <summary>A message read from one UID of a mailbox folder, with its bytes exactly as the server gave them.</summary>
public sealed record ReceivedMail(string Folder, long UidValidity, long Uid, IncomingFacts Facts, byte[] Raw);

/// <summary>
/// What became of a received message. <see cref="Status"/> is null when it had been recorded before (the same UID,
/// or the same message under another UID). <see cref="DocumentId"/> is the .eml document whose text and attachments
/// are to be extracted next.
/// </summary>
public sealed record MailOutcome(MailStatus? Status, Guid? EmailId, Guid? RequestId, Guid? DocumentId, string? MatchedBy)
{
    public static readonly MailOutcome AlreadyRecorded = new(null, null, null, null, null);
}

/// <summary>
/// Records messages read from the mailbox: files each on its request's timeline (an agency reply waiting to be
/// classified) with the message itself as a private .eml document, or keeps it for the inbox page when no request
/// can be told from it. Each message is recorded once, whatever the number of polls, restarts or renumberings.
/// </summary>
public static class MailFiling
{
    /// <summary>What the timeline says of a filed reply; its sender and subject are shown to staff only.</summary>
    public const string ReplySummary = "Reply received by e-mail; not yet classified.";

    public static async Task<MailOutcome> RecordAsync(
        PraTrackerDbContext db, IDocumentFileStore store, DocumentStorageSettings storage, ReceivedMail mail, DateTimeOffset now, DateOnly today,
        Func<DateTimeOffset, DateOnly> localDate, CancellationToken ct = default)
    {
        if (await AlreadyRecordedAsync(db, mail.Folder, mail.UidValidity, mail.Uid, mail.Facts.MessageId, ct))
        {
            return MailOutcome.AlreadyRecorded;
        }

        StoredFile stored;
        using (var raw = new MemoryStream(mail.Raw, writable: false))
        {
            stored = await store.SaveAsync(raw, Math.Max(storage.MaxFileBytes, mail.Raw.Length), ct: ct);
        }

        // A message without a Message-ID is recognised by its bytes when the folder is renumbered.
        if (mail.Facts.MessageId is null && await db.EmailMessages.AnyAsync(m => m.Direction == MailDirection.Incoming && m.RawSha256 == stored.Sha256, ct))
        {
            return MailOutcome.AlreadyRecorded;
        }

        var email = NewIncoming(mail.Folder, mail.UidValidity, mail.Uid, mail.Facts, now);
        email.RawSha256 = stored.Sha256;
        email.RawSizeBytes = stored.SizeBytes;
        var match = await ReplyMatching.MatchAsync(db, mail.Facts, ct);
        if (match is null)
        {
            email.Status = MailStatus.Unmatched;
            email.StatusReason = "No request's reply address, reference, reply chain or tracking number was found in it.";
            db.EmailMessages.Add(email);
            await db.SaveChangesAsync(ct);
            return new MailOutcome(MailStatus.Unmatched, email.Id, null, null, null);
        }

        return await FileAsync(db, store, storage, email, match, userId: null, now, today, localDate, ct);
    }

    /// <summary>Records a message that could not be read (malformed, too large) with the reason, so the poll moves past it.</summary>
    public static async Task<MailOutcome> QuarantineAsync(
        PraTrackerDbContext db, IDocumentFileStore store, string folder, long uidValidity, long uid, IncomingFacts? facts, byte[]? raw, string reason,
        DateTimeOffset now, CancellationToken ct = default)
    {
        if (await AlreadyRecordedAsync(db, folder, uidValidity, uid, facts?.MessageId, ct))
        {
            return MailOutcome.AlreadyRecorded;
        }

        var email = NewIncoming(folder, uidValidity, uid, facts ?? new IncomingFacts(null, null, [], null, [], null, null, null), now);
        email.Status = MailStatus.Quarantined;
        email.StatusReason = reason.Length > 2000 ? reason[..2000] : reason;
        if (raw is { Length: > 0 })
        {
            using var content = new MemoryStream(raw, writable: false);
            var stored = await store.SaveAsync(content, raw.Length, ct: ct);
            email.RawSha256 = stored.Sha256;
            email.RawSizeBytes = stored.SizeBytes;
        }

        db.EmailMessages.Add(email);
        await db.SaveChangesAsync(ct);
        return new MailOutcome(MailStatus.Quarantined, email.Id, null, null, null);
    }

    /// <summary>Files a message from the inbox on the request an attorney chose.</summary>
    public static async Task<(MailOutcome? Outcome, string? Error)> AssignAsync(
        PraTrackerDbContext db, IDocumentFileStore store, DocumentStorageSettings storage, Guid emailId, Guid requestId, string userId, DateTimeOffset now,
        DateOnly today, Func<DateTimeOffset, DateOnly> localDate, CancellationToken ct = default)
    {
        var email = await db.EmailMessages.SingleOrDefaultAsync(m => m.Id == emailId && m.Direction == MailDirection.Incoming, ct);
        if (email is null)
        {
            return (null, "That message is no longer in the inbox.");
        }

        if (email.Status is not (MailStatus.Unmatched or MailStatus.Dismissed))
        {
            return (null, email.RequestId is null ? "A quarantined message cannot be filed; download it and add what it holds by hand." : "That message is already filed on a request.");
        }

        if (email.RawSha256 is null || !await store.ExistsAsync(email.RawSha256, ct))
        {
            return (null, "The message's file is missing from the document store, so it cannot be filed.");
        }

        if (!await db.Requests.AnyAsync(r => r.Id == requestId, ct))
        {
            return (null, "That request does not exist.");
        }

        var outcome = await FileAsync(db, store, storage, email, new MailMatch(requestId, ReplyMatching.ByHand), userId, now, today, localDate, ct);
        return outcome.Status == MailStatus.Filed ? (outcome, null) : (null, email.StatusReason ?? "The message could not be filed.");
    }

    /// <summary>Sets an inbox message aside as not about any request; it stays recorded, so it is never read again.</summary>
    public static async Task<bool> DismissAsync(PraTrackerDbContext db, Guid emailId, string userId, CancellationToken ct = default)
    {
        var email = await db.EmailMessages.SingleOrDefaultAsync(m => m.Id == emailId && m.Status == MailStatus.Unmatched, ct);
        if (email is null)
        {
            return false;
        }

        email.Status = MailStatus.Dismissed;
        email.HandledByUserId = userId;
        await db.SaveChangesAsync(ct);
        return true;
    }

    // The timeline event, the message's row and its .eml document are saved in one SaveChanges, so one transaction:
    // a crash leaves the message unrecorded (and read again by the next poll), never half-filed.
    private static async Task<MailOutcome> FileAsync(
        PraTrackerDbContext db, IDocumentFileStore store, DocumentStorageSettings storage, EmailMessage email, MailMatch match, string? userId,
        DateTimeOffset now, DateOnly today, Func<DateTimeOffset, DateOnly> localDate, CancellationToken ct)
    {
        var receivedOn = email.Date is { } date && localDate(date) is var day && day <= today ? day : today;
        Document? document;
        Guid? existing;
        await using (var raw = await store.OpenReadAsync(email.RawSha256!, ct))
        {
            string? refused;
            (document, existing, refused) = await DocumentUploads.PrepareAsync(db, store, storage, match.RequestId, FileNameFor(email), raw, userId, now, receivedOn, ct);
            if (refused is not null)
            {
                throw new InvalidOperationException($"The message could not be kept as a document: {refused}");
            }
        }

        var isNew = db.Entry(email).State == EntityState.Detached;
        var logged = await RequestTimeline.LogAsync(
            db, match.RequestId, new RequestEventInput(RequestEventKind.AgencyReply, receivedOn, ReplySummary), userId, now, today, ct,
            alongside: (_, reply) =>
            {
                email.RequestId = match.RequestId;
                email.RequestEvent = reply;
                email.Status = MailStatus.Filed;
                email.StatusReason = null;
                email.MatchedBy = match.How;
                email.HandledByUserId = userId;
                if (document is not null)
                {
                    document.RequestEvent = reply;
                    db.Documents.Add(document);
                    email.Document = document;
                }
                else
                {
                    email.DocumentId = existing;
                }

                if (isNew)
                {
                    db.EmailMessages.Add(email);
                }
            });
        if (!logged.Succeeded)
        {
            throw new InvalidOperationException($"The reply could not be filed on its request: {string.Join(" ", logged.Errors)}");
        }

        return new MailOutcome(MailStatus.Filed, email.Id, match.RequestId, document?.Id, match.How);
    }

    private static async Task<bool> AlreadyRecordedAsync(PraTrackerDbContext db, string folder, long uidValidity, long uid, string? messageId, CancellationToken ct) =>
        await db.EmailMessages.AnyAsync(m => m.ImapFolder == folder && m.ImapUidValidity == uidValidity && m.ImapUid == uid, ct)
        || (messageId is not null && await db.EmailMessages.AnyAsync(m => m.Direction == MailDirection.Incoming && m.MessageId == messageId, ct));

    private static EmailMessage NewIncoming(string folder, long uidValidity, long uid, IncomingFacts facts, DateTimeOffset now) => new()
    {
        Direction = MailDirection.Incoming,
        ImapFolder = folder,
        ImapUidValidity = uidValidity,
        ImapUid = uid,
        MessageId = Cap(facts.MessageId, 998),
        InReplyTo = Cap(facts.InReplyTo, 998),
        References = facts.References.Count == 0 ? null : string.Join(' ', facts.References),
        FromAddress = Cap(facts.From, 500),
        ToAddresses = facts.Recipients.Count == 0 ? null : Cap(string.Join(", ", facts.Recipients), 2000),
        Subject = Cap(facts.Subject, 1000),
        TextBody = facts.Text,
        Date = facts.Date?.ToUniversalTime(),
        ProcessedAt = now,
    };

    private static string FileNameFor(EmailMessage email)
    {
        var subject = DocumentUploads.CleanFileName(email.Subject?.Replace(':', ' ')) ?? "reply";
        var name = $"E-mail {email.Date ?? email.ProcessedAt:yyyy-MM-dd} {subject}";
        return (name.Length > 120 ? name[..120] : name).Trim() + ".eml";
    }

    private static string? Cap(string? text, int length) => text is null ? null : text.Length <= length ? text : text[..length];
}
