using Microsoft.EntityFrameworkCore;
using PraTracker.Data.Database;

namespace PraTracker.Data.Correspondence;

/// <summary>One message as the request page and the inbox list it.</summary>
public sealed record EmailRow(
    Guid Id, MailDirection Direction, MailStatus Status, string? StatusReason, LetterPurpose? Purpose, string? From, string? To, string? Subject,
    DateTimeOffset? Date, DateTimeOffset ProcessedAt, Guid? RequestId, string? RequestReference, Guid? RequestEventId, Guid? DocumentId, string? MatchedBy,
    string? TextBody, bool HasRaw, long RawSizeBytes);

/// <summary>Where the mailbox poll stands, for the inbox page.</summary>
public sealed record MailboxStatus(string Folder, DateTimeOffset? LastPolledAt, DateTimeOffset? LastSucceededAt, string? LastError, long LastUid);

/// <summary>A received reply's words, which the classification suggestion reads.</summary>
public sealed record FiledReply(Guid EmailId, string? From, string? Subject, string? Text, DateTimeOffset? Date);

/// <summary>A message's bytes in the document store, and what its download is named after.</summary>
public sealed record RawMessage(string Sha256, string? Subject, DateTimeOffset ProcessedAt);

/// <summary>The correspondence reads: a request's messages, the inbox of unmatched and quarantined mail, the poll's state.</summary>
public static class CorrespondenceQueries
{
    /// <summary>The statuses shown in the inbox: messages waiting for an attorney.</summary>
    public static readonly MailStatus[] InboxStatuses = [MailStatus.Unmatched, MailStatus.Quarantined];

    public static async Task<IReadOnlyList<EmailRow>> ForRequestAsync(PraTrackerDbContext db, Guid requestId, CancellationToken ct = default) =>
        await Rows(db.EmailMessages.Where(m => m.RequestId == requestId).OrderByDescending(m => m.ProcessedAt)).ToListAsync(ct);

    public static Task<Page<EmailRow>> InboxAsync(PraTrackerDbContext db, PageRequest page, bool includeDismissed = false, CancellationToken ct = default)
    {
        var query = db.EmailMessages.Where(m => m.Direction == MailDirection.Incoming && m.RequestId == null);
        query = includeDismissed ? query : query.Where(m => InboxStatuses.Contains(m.Status));
        return Rows(query.OrderByDescending(m => m.ProcessedAt).ThenByDescending(m => m.Id)).ToPageAsync(page, ct);
    }

    public static Task<int> InboxCountAsync(PraTrackerDbContext db, CancellationToken ct = default) =>
        db.EmailMessages.CountAsync(m => m.Direction == MailDirection.Incoming && m.RequestId == null && InboxStatuses.Contains(m.Status), ct);

    public static async Task<EmailRow?> GetAsync(PraTrackerDbContext db, Guid id, CancellationToken ct = default) =>
        await Rows(db.EmailMessages.Where(m => m.Id == id)).SingleOrDefaultAsync(ct);

    public static async Task<IReadOnlyList<MailboxStatus>> MailboxesAsync(PraTrackerDbContext db, CancellationToken ct = default) =>
        await db.MailboxStates.OrderBy(s => s.Folder)
            .Select(s => new MailboxStatus(s.Folder, s.LastPolledAt, s.LastSucceededAt, s.LastError, s.LastUid))
            .ToListAsync(ct);

    /// <summary>The e-mail a timeline event was filed from, if it was.</summary>
    public static Task<FiledReply?> ReplyOfEventAsync(PraTrackerDbContext db, Guid eventId, CancellationToken ct = default) =>
        db.EmailMessages.Where(m => m.RequestEventId == eventId && m.Direction == MailDirection.Incoming)
            .Select(m => new FiledReply(m.Id, m.FromAddress, m.Subject, m.TextBody, m.Date))
            .FirstOrDefaultAsync(ct);

    /// <summary>Where a message's bytes are, for the download.</summary>
    public static Task<RawMessage?> RawOfAsync(PraTrackerDbContext db, Guid id, CancellationToken ct = default) =>
        db.EmailMessages.Where(m => m.Id == id && m.RawSha256 != null)
            .Select(m => new RawMessage(m.RawSha256!, m.Subject, m.ProcessedAt))
            .SingleOrDefaultAsync(ct);

    private static IQueryable<EmailRow> Rows(IQueryable<EmailMessage> messages) =>
        messages.Select(m => new EmailRow(
            m.Id, m.Direction, m.Status, m.StatusReason, m.Purpose, m.FromAddress, m.ToAddresses, m.Subject, m.Date, m.ProcessedAt, m.RequestId,
            m.Request != null ? m.Request.Reference : null, m.RequestEventId, m.DocumentId, m.MatchedBy, m.TextBody, m.RawSha256 != null, m.RawSizeBytes));
}
