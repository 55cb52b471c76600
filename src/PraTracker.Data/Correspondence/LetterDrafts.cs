using Microsoft.EntityFrameworkCore;
using PraTracker.Data.Database;
using PraTracker.Data.Deadlines;
using PraTracker.Data.Requests;

namespace PraTracker.Data.Correspondence;

/// <summary>A letter ready for the attorney to read, change and send: to whom, about what, and its text.</summary>
public sealed record LetterDraft(
    Guid RequestId,
    string Reference,
    LetterPurpose Purpose,
    string To,
    string Subject,
    string Body,
    Guid? ForDeadlineId = null,
    string? InReplyTo = null,
    string? Note = null);

/// <summary>A missed deadline the agency has not been reminded of yet: a follow-up is drafted for it.</summary>
public sealed record FollowUpDue(
    Guid DeadlineId, Guid RequestId, string Reference, string RequestTitle, string AgencyName, DeadlineKind Kind, DateOnly DueOn, int DaysLate,
    bool AgencyHasEmail, bool AutoSend);

/// <summary>
/// Drafts the letters the app sends: the request itself, a follow-up when the agency misses a deadline (the law's
/// template, citing the statute and the missed date) and an appeal from a denial (with the exemptions cited).
/// </summary>
public static class LetterDrafts
{
    public const int MaxSubjectLength = 200;
    public const int MaxBodyLength = 100_000;

    /// <summary>The deadlines whose miss calls for a follow-up: the agency's answer, never the requester's own.</summary>
    public static readonly DeadlineKind[] FollowedUpKinds =
        [DeadlineKind.InitialResponse, DeadlineKind.ExtendedResponse, DeadlineKind.PromisedProduction, DeadlineKind.AppealDecision];

    /// <summary>The subject every letter about a request carries, so replies keep the reference.</summary>
    public static string SubjectFor(string reference, string title)
    {
        var subject = $"Public records request {reference}: {title}";
        return subject.Length <= MaxSubjectLength ? subject : subject[..MaxSubjectLength];
    }

    public static async Task<LetterDraft?> RequestLetterAsync(PraTrackerDbContext db, Guid requestId, CancellationToken ct = default)
    {
        var request = await db.Requests.Where(r => r.Id == requestId)
            .Select(r => new { r.Id, r.Reference, r.Title, r.RequestText, r.Agency.RecordsEmail })
            .SingleOrDefaultAsync(ct);
        return request is null
            ? null
            : new LetterDraft(request.Id, request.Reference, LetterPurpose.Request, request.RecordsEmail ?? "", SubjectFor(request.Reference, request.Title),
                request.RequestText, Note: request.RecordsEmail is null ? "The agency has no records e-mail on file: enter the address to send to." : null);
    }

    /// <summary>Missed agency deadlines still open, on requests still running, with no follow-up sent since they passed.</summary>
    public static async Task<IReadOnlyList<FollowUpDue>> FollowUpsDueAsync(PraTrackerDbContext db, DateOnly today, Guid? requestId = null, CancellationToken ct = default)
    {
        var deadlines = requestId is { } only ? db.Deadlines.Where(d => d.RequestId == only) : db.Deadlines;
        var rows = await deadlines
            .Where(d => FollowedUpKinds.Contains(d.Kind) && d.Status == DeadlineStatus.Missed && d.ClosedOn == null && d.DueOn < today)
            .Where(d => d.Request.Status != RequestStatus.Closed && d.Request.Status != RequestStatus.Draft)
            .Where(d => !db.EmailMessages.Any(m => m.ForDeadlineId == d.Id && (m.Status == MailStatus.Sent || m.Status == MailStatus.Sending)))
            .Where(d => !d.Request.Events.Any(e => e.Kind == RequestEventKind.FollowUp && e.OccurredOn > d.DueOn))
            .OrderBy(d => d.DueOn).ThenBy(d => d.Request.Reference)
            .Select(d => new
            {
                d.Id,
                d.RequestId,
                d.Request.Reference,
                d.Request.Title,
                AgencyName = d.Request.Agency.Name,
                d.Kind,
                d.DueOn,
                HasEmail = d.Request.Agency.RecordsEmail != null,
                d.Request.AutoSendFollowUps,
            })
            .Take(200)
            .ToListAsync(ct);
        return [.. rows.Select(r => new FollowUpDue(r.Id, r.RequestId, r.Reference, r.Title, r.AgencyName, r.Kind, r.DueOn, today.DayNumber - r.DueOn.DayNumber, r.HasEmail, r.AutoSendFollowUps))];
    }

    public static async Task<LetterDraft?> FollowUpAsync(PraTrackerDbContext db, Guid deadlineId, string requesterName, DateOnly today, CancellationToken ct = default)
    {
        var deadline = await db.Deadlines.AsNoTracking()
            .Include(d => d.Request).ThenInclude(r => r.Agency)
            .Include(d => d.Request).ThenInclude(r => r.Law)
            .SingleOrDefaultAsync(d => d.Id == deadlineId, ct);
        if (deadline is null || !FollowedUpKinds.Contains(deadline.Kind))
        {
            return null;
        }

        var request = deadline.Request;
        var facts = new FollowUpFacts(request.Law, request.Agency.Name, request.Reference, request.Title, request.SentOn ?? request.ReceivedOn ?? deadline.DueOn,
            deadline.DueOn, deadline.Kind, requesterName, today, request.AgencyTrackingNumber);
        return new LetterDraft(request.Id, request.Reference, LetterPurpose.FollowUp, request.Agency.RecordsEmail ?? "",
            $"Follow-up: {SubjectFor(request.Reference, request.Title)}", FollowUpLetters.Compose(facts, request.Law.FollowUpTemplate), deadline.Id,
            await FirstLetterIdAsync(db, request.Id, ct),
            request.Agency.RecordsEmail is null ? "The agency has no records e-mail on file: enter the address to send to." : null);
    }

    public static async Task<LetterDraft?> AppealAsync(PraTrackerDbContext db, Guid requestId, Guid denialEventId, string requesterName, DateOnly today, CancellationToken ct = default)
    {
        var request = await db.Requests.AsNoTracking().Include(r => r.Agency).Include(r => r.Law).SingleOrDefaultAsync(r => r.Id == requestId, ct);
        var denial = await db.RequestEvents.AsNoTracking()
            .SingleOrDefaultAsync(e => e.Id == denialEventId && e.RequestId == requestId && (e.Kind == RequestEventKind.Denial || e.Kind == RequestEventKind.PartialProduction), ct);
        if (request is null || denial is null)
        {
            return null;
        }

        var facts = new AppealFacts(request.Law, request.Agency.Name, request.Reference, request.Title, request.SentOn ?? denial.OccurredOn, denial.OccurredOn,
            denial.ExemptionsCited, denial.Summary, requesterName, today, request.AgencyTrackingNumber);
        return new LetterDraft(request.Id, request.Reference, LetterPurpose.Appeal, request.Agency.RecordsEmail ?? "",
            $"Appeal: {SubjectFor(request.Reference, request.Title)}", AppealLetters.Compose(facts), null, await FirstLetterIdAsync(db, request.Id, ct),
            request.Agency.RecordsEmail is null ? "The agency has no records e-mail on file: enter the address of the person who decides appeals." : null);
    }

    /// <summary>Every problem with a letter about to be sent, in words an attorney can act on.</summary>
    public static IReadOnlyList<string> Validate(LetterDraft draft, Func<string, bool> isAddress)
    {
        var errors = new List<string>();
        if (string.IsNullOrWhiteSpace(draft.To))
        {
            errors.Add("Enter the agency's e-mail address to send to.");
        }
        else if (!isAddress(draft.To.Trim()))
        {
            errors.Add($"\"{draft.To.Trim()}\" is not an e-mail address.");
        }

        if (string.IsNullOrWhiteSpace(draft.Subject))
        {
            errors.Add("The subject is empty; it carries the request's reference, which files the agency's reply.");
        }
        else if (draft.Subject.Length > MaxSubjectLength)
        {
            errors.Add($"Keep the subject under {MaxSubjectLength} characters.");
        }
        else if (!draft.Subject.Contains(draft.Reference, StringComparison.OrdinalIgnoreCase))
        {
            errors.Add($"Keep the reference {draft.Reference} in the subject: it files the agency's reply on this request.");
        }

        if (string.IsNullOrWhiteSpace(draft.Body))
        {
            errors.Add("The letter is empty.");
        }
        else if (draft.Body.Length > MaxBodyLength)
        {
            errors.Add($"The letter is {draft.Body.Length:N0} characters; keep it under {MaxBodyLength:N0}.");
        }

        return errors;
    }

    // Follow-ups and appeals answer the request letter, so an agency's mail client threads them together.
    private static Task<string?> FirstLetterIdAsync(PraTrackerDbContext db, Guid requestId, CancellationToken ct) =>
        db.EmailMessages
            .Where(m => m.RequestId == requestId && m.Direction == MailDirection.Outgoing && m.Status == MailStatus.Sent && m.Purpose == LetterPurpose.Request)
            .OrderBy(m => m.ProcessedAt)
            .Select(m => m.MessageId)
            .FirstOrDefaultAsync(ct);
}
