using Hangfire;
using Microsoft.EntityFrameworkCore;
using PraTracker.Data.Correspondence;
using PraTracker.Data.Database;
using PraTracker.Data.Documents;
using PraTracker.Data.Requests;
using PraTracker.Jobs.Correspondence;
using PraTracker.Jobs.Documents;
using PraTracker.Jobs.Email;
using PraTracker.Web.Security;

namespace PraTracker.Web.Features.Correspondence;

/// <summary>
/// The attorneys' correspondence: drafting and sending letters, the messages of a request, classifying a filed reply,
/// and the inbox of mail no request could be told from. Everything here is staff only.
/// </summary>
public sealed class CorrespondenceService(
    ViewerContextFactory contexts,
    LetterSender sender,
    SmtpSettings smtp,
    ImapSettings imap,
    IDocumentFileStore store,
    DocumentStorageSettings storage,
    DocumentExtraction extraction,
    IBackgroundJobClient jobs,
    OrganisationClock clock)
{
    public DateOnly Today => clock.Today;

    public bool CanSend => smtp.Enabled;

    public bool MailboxConfigured => imap.Enabled;

    public string MailboxDescription => imap.Enabled ? $"{imap.Username}@{imap.Host}:{imap.Port}, folder {imap.Folder}" : "not configured";

    public string Format(DateTimeOffset instant) => clock.Format(instant);

    public Task<IReadOnlyList<EmailRow>> ForRequestAsync(Guid requestId, CancellationToken ct = default) =>
        AsStaffAsync(db => CorrespondenceQueries.ForRequestAsync(db, requestId, ct), ct);

    public Task<EmailRow?> GetAsync(Guid id, CancellationToken ct = default) => AsStaffAsync(db => CorrespondenceQueries.GetAsync(db, id, ct), ct);

    public Task<LetterDraft?> DraftRequestLetterAsync(Guid requestId, CancellationToken ct = default) =>
        AsStaffAsync(db => LetterDrafts.RequestLetterAsync(db, requestId, ct), ct);

    public Task<LetterDraft?> DraftFollowUpAsync(Guid deadlineId, CancellationToken ct = default) =>
        AsStaffAsync(async db => await LetterDrafts.FollowUpAsync(db, deadlineId, await SignatureAsync(db, ct), clock.Today, ct), ct);

    public Task<LetterDraft?> DraftAppealAsync(Guid requestId, Guid denialEventId, CancellationToken ct = default) =>
        AsStaffAsync(async db => await LetterDrafts.AppealAsync(db, requestId, denialEventId, await SignatureAsync(db, ct), clock.Today, ct), ct);

    public Task<IReadOnlyList<FollowUpDue>> FollowUpsDueAsync(Guid? requestId = null, CancellationToken ct = default) =>
        AsStaffAsync(db => LetterDrafts.FollowUpsDueAsync(db, clock.Today, requestId, ct), ct);

    /// <summary>Sends a letter the attorney has read (and perhaps changed); the check that they are staff is made here.</summary>
    public async Task<SendResult> SendAsync(LetterDraft draft, CancellationToken ct = default)
    {
        string userId;
        await using (var db = await contexts.OpenAsStaffAsync(ct))
        {
            if (!await db.Requests.AnyAsync(r => r.Id == draft.RequestId && r.Reference == draft.Reference, ct))
            {
                return SendResult.Refused("That request no longer exists.");
            }

            userId = db.Viewer.UserId!;
        }

        return await sender.SendAsync(draft, userId, ct);
    }

    /// <summary>Turns automatic follow-ups on or off for one request.</summary>
    public Task<bool> SetAutoSendAsync(Guid requestId, bool on, CancellationToken ct = default) =>
        AsStaffAsync(async db =>
        {
            var request = await db.Requests.SingleOrDefaultAsync(r => r.Id == requestId, ct);
            if (request is null)
            {
                return false;
            }

            request.AutoSendFollowUps = on;
            await db.SaveChangesAsync(ct);
            return true;
        }, ct);

    public Task<bool> AutoSendAsync(Guid requestId, CancellationToken ct = default) =>
        AsStaffAsync(db => db.Requests.Where(r => r.Id == requestId).Select(r => r.AutoSendFollowUps).FirstOrDefaultAsync(ct), ct);

    /// <summary>What the filed reply probably is, read from its words; only ever shown, never applied.</summary>
    public Task<(FiledReply? Reply, ReplySuggestion Suggestion)> SuggestAsync(Guid eventId, DateOnly receivedOn, CancellationToken ct = default) =>
        AsStaffAsync(async db =>
        {
            var reply = await CorrespondenceQueries.ReplyOfEventAsync(db, eventId, ct);
            return (reply, ReplySuggestions.Suggest(reply?.Subject, reply?.Text, receivedOn));
        }, ct);

    /// <summary>Says what a filed reply is; the deadlines follow.</summary>
    public Task<TimelineResult> ClassifyAsync(Guid requestId, Guid eventId, RequestEventInput input, CancellationToken ct = default) =>
        AsStaffAsync(db => RequestTimeline.ClassifyAsync(db, requestId, eventId, input, db.Viewer.UserId, clock.UtcNow, clock.Today, ct), ct);

    public Task<Page<EmailRow>> InboxAsync(PageRequest page, bool includeDismissed, CancellationToken ct = default) =>
        AsStaffAsync(db => CorrespondenceQueries.InboxAsync(db, page, includeDismissed, ct), ct);

    public Task<int> InboxCountAsync(CancellationToken ct = default) => AsStaffAsync(db => CorrespondenceQueries.InboxCountAsync(db, ct), ct);

    public Task<IReadOnlyList<MailboxStatus>> MailboxesAsync(CancellationToken ct = default) => AsStaffAsync(db => CorrespondenceQueries.MailboxesAsync(db, ct), ct);

    /// <summary>Files an inbox message on the request the attorney chose, and queues its text and attachments.</summary>
    public async Task<string?> AssignAsync(Guid emailId, Guid requestId, CancellationToken ct = default)
    {
        await using var db = await contexts.OpenAsStaffAsync(ct);
        var (outcome, error) = await MailFiling.AssignAsync(db, store, storage, emailId, requestId, db.Viewer.UserId!, clock.UtcNow, clock.Today,
            instant => DateOnly.FromDateTime(clock.ToLocal(instant).DateTime), ct);
        if (outcome?.DocumentId is { } documentId)
        {
            extraction.Enqueue(documentId);
        }

        return error;
    }

    public Task<bool> DismissAsync(Guid emailId, CancellationToken ct = default) =>
        AsStaffAsync(db => MailFiling.DismissAsync(db, emailId, db.Viewer.UserId!, ct), ct);

    /// <summary>Queues a poll of the mailbox now rather than at the next minute.</summary>
    public async Task<bool> PollNowAsync(CancellationToken ct = default)
    {
        await using var db = await contexts.OpenAsStaffAsync(ct);
        if (!imap.Enabled)
        {
            return false;
        }

        jobs.Enqueue<MailboxPollJob>(job => job.RunAsync(CancellationToken.None));
        return true;
    }

    /// <summary>Requests an attorney may file an inbox message on, by reference or title, as the requests list finds them.</summary>
    public Task<IReadOnlyList<RequestPick>> SearchRequestsAsync(string? text, CancellationToken ct = default) =>
        AsStaffAsync<IReadOnlyList<RequestPick>>(async db =>
        {
            var found = await RequestQueries.ListAsync(db, new RequestFilter(Text: text, Today: clock.Today), new PageRequest(PageSize: 20), ct);
            return [.. found.Items.Select(r => new RequestPick(r.Id, r.Reference, r.Title, r.AgencyName))];
        }, ct);

    // Letters are signed with the attorney's name as colleagues see it.
    private static async Task<string> SignatureAsync(PraTrackerDbContext db, CancellationToken ct) =>
        await db.Users.Where(u => u.Id == db.Viewer.UserId).Select(u => u.DisplayName).FirstOrDefaultAsync(ct) is { Length: > 0 } name
            ? name
            : "[Your name and organisation]";

    private async Task<T> AsStaffAsync<T>(Func<PraTrackerDbContext, Task<T>> work, CancellationToken ct)
    {
        await using var db = await contexts.OpenAsStaffAsync(ct);
        return await work(db);
    }
}

/// <summary>A request offered when an inbox message is filed by hand.</summary>
public sealed record RequestPick(Guid Id, string Reference, string Title, string AgencyName)
{
    public override string ToString() => $"{Reference} · {Title} ({AgencyName})";
}
