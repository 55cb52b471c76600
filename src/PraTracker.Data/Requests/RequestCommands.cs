using System.Globalization;
using Microsoft.EntityFrameworkCore;
using PraTracker.Data.Database;
using PraTracker.Data.Deadlines;

namespace PraTracker.Data.Requests;

/// <summary>A request as the new-request and edit forms fill it in.</summary>
public sealed class RequestInput
{
    public string Title { get; set; } = "";
    public Guid? AgencyId { get; set; }

    /// <summary>Overrides the agency's law; null uses it.</summary>
    public Guid? LawId { get; set; }
    public string RequestText { get; set; } = "";
    public RequestVisibility Visibility { get; set; } = RequestVisibility.Private;
    public string? InternalNotes { get; set; }
    public string? AgencyTrackingNumber { get; set; }

    /// <summary>Whether it has been sent; a draft has no sent or received date.</summary>
    public bool Sent { get; set; }
    public SubmissionMethod? Method { get; set; }
    public DateOnly? SentOn { get; set; }
    public DateOnly? ReceivedOn { get; set; }
    public List<Guid> ContractIds { get; set; } = [];
    public List<Guid> VendorIds { get; set; } = [];
    public List<Guid> CategoryIds { get; set; } = [];

    /// <summary>The kinds of record asked for, as the letter words them; kept as the request's checklist.</summary>
    public List<ChecklistEntry> Checklist { get; set; } = [];

    /// <summary>The campaign the request is filed in, if any.</summary>
    public Guid? CampaignId { get; set; }
}

/// <summary>The outcome of saving a request: the problems, keyed by the field they concern ("" for the whole form), or its id.</summary>
public sealed record RequestSaveResult(IReadOnlyDictionary<string, string> Errors, Guid? Id, string? Reference)
{
    public bool Succeeded => Errors.Count == 0;

    public static RequestSaveResult Refused(string field, string message) => new(new Dictionary<string, string> { [field] = message }, null, null);
}

/// <summary>Creates and edits requests. Each save is one transaction: the request, its links, its events, its deadlines and the audit.</summary>
public static class RequestCommands
{
    public const string ConflictMessage = "Someone else saved this request after you opened it. Your changes were not saved; the page now shows theirs.";

    /// <summary>Every problem with the input, keyed by field name, in words an attorney can act on.</summary>
    public static IReadOnlyDictionary<string, string> Validate(RequestInput input, DateOnly today)
    {
        var errors = new Dictionary<string, string>();
        if (string.IsNullOrWhiteSpace(input.Title))
        {
            errors[nameof(input.Title)] = "Give the request a title.";
        }
        else if (input.Title.Length > 300)
        {
            errors[nameof(input.Title)] = "Keep the title under 300 characters.";
        }

        if (input.AgencyId is null)
        {
            errors[nameof(input.AgencyId)] = "Pick the agency the request goes to.";
        }

        if (string.IsNullOrWhiteSpace(input.RequestText))
        {
            errors[nameof(input.RequestText)] = "Write the request (or generate the letter and edit it).";
        }

        if (input.InternalNotes is { Length: > 8000 })
        {
            errors[nameof(input.InternalNotes)] = "Keep the notes under 8,000 characters.";
        }

        if (!input.Sent)
        {
            return errors;
        }

        if (input.SentOn is not { } sent)
        {
            errors[nameof(input.SentOn)] = "Give the date it was sent.";
        }
        else if (sent > today)
        {
            errors[nameof(input.SentOn)] = $"{sent:yyyy-MM-dd} is in the future.";
        }

        if (input.Method is null)
        {
            errors[nameof(input.Method)] = "Say how it was sent.";
        }

        if (input.ReceivedOn is { } received)
        {
            if (input.SentOn is { } sentOn && received < sentOn)
            {
                errors[nameof(input.ReceivedOn)] = "The agency cannot have received it before it was sent.";
            }
            else if (received > today)
            {
                errors[nameof(input.ReceivedOn)] = $"{received:yyyy-MM-dd} is in the future.";
            }
        }

        return errors;
    }

    /// <summary>Creates a request, as a draft or as sent (with its filed event and its deadlines), assigned to its creator.</summary>
    public static async Task<RequestSaveResult> CreateAsync(PraTrackerDbContext db, RequestInput input, string userId, DateTimeOffset now, DateOnly today, CancellationToken ct = default)
    {
        var errors = Validate(input, today);
        if (errors.Count > 0)
        {
            return new RequestSaveResult(errors, null, null);
        }

        var agency = await db.Agencies.SingleOrDefaultAsync(a => a.Id == input.AgencyId, ct);
        if (agency is null)
        {
            return RequestSaveResult.Refused(nameof(input.AgencyId), "That agency no longer exists.");
        }

        if ((input.LawId ?? agency.LawId) is not { } lawId)
        {
            return RequestSaveResult.Refused(nameof(input.LawId), $"{agency.Name} has no public-records law set; pick the law.");
        }

        var law = await db.Laws.WithCalendar().SingleAsync(l => l.Id == lawId, ct);
        var calendar = await LawQueries.CalendarForAsync(db, law, agency.Id, ct);
        var request = Add(db, input, agency.Id, law, calendar, await NextReferenceAsync(db, today.Year, ct), [userId], userId, now, today);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException) when (db.Requests.IgnoreQueryFilters().AsNoTracking().Any(r => r.Reference == request.Reference && r.Id != request.Id))
        {
            return RequestSaveResult.Refused("", "Another request took the same reference at the same moment; save again.");
        }

        return new RequestSaveResult(new Dictionary<string, string>(), request.Id, request.Reference);
    }

    /// <summary>
    /// Adds a valid request to the context without saving: its links, checklist, filed event (when sent) and deadlines,
    /// assigned to <paramref name="assignees"/>. The caller has validated the input and loaded the law with its calendar.
    /// </summary>
    internal static RecordsRequest Add(
        PraTrackerDbContext db, RequestInput input, Guid agencyId, PublicRecordsLaw law, BusinessCalendar calendar, string reference,
        IEnumerable<string> assignees, string userId, DateTimeOffset now, DateOnly today)
    {
        var request = new RecordsRequest
        {
            Reference = reference,
            Title = input.Title.Trim(),
            AgencyId = agencyId,
            LawId = law.Id,
            Law = law,
            CampaignId = input.CampaignId,
            RequestText = input.RequestText.Trim(),
            Visibility = input.Visibility,
            InternalNotes = InputText.TrimmedOrNull(input.InternalNotes),
            AgencyTrackingNumber = InputText.TrimmedOrNull(input.AgencyTrackingNumber),
            Status = RequestStatus.Draft,
        };
        request.Assignments.AddRange(assignees.Distinct().Select(id => new RequestAssignment { UserId = id }));
        request.Checklist.AddRange(input.Checklist.DistinctBy(c => c.Kind).Select(c => new ChecklistItem { Kind = c.Kind, Wording = c.Wording }));
        db.Requests.Add(request);
        SetLinks(request, input);
        if (input.Sent)
        {
            MarkSent(db, request, input, userId, now);
        }

        RequestDeadlines.Synchronise(db, request, calendar, today);
        return request;
    }

    /// <summary>The request as the edit form starts from, with the stamp that detects a concurrent edit.</summary>
    public static async Task<(RequestInput Input, Guid ConcurrencyStamp, RequestStatus Status)?> GetForEditAsync(PraTrackerDbContext db, Guid id, CancellationToken ct = default)
    {
        var request = await db.Requests.AsNoTracking()
            .Include(r => r.ContractLinks).Include(r => r.VendorLinks).Include(r => r.CategoryLinks)
            .AsSplitQuery()
            .SingleOrDefaultAsync(r => r.Id == id, ct);
        if (request is null)
        {
            return null;
        }

        var input = new RequestInput
        {
            Title = request.Title,
            AgencyId = request.AgencyId,
            LawId = request.LawId,
            RequestText = request.RequestText,
            Visibility = request.Visibility,
            InternalNotes = request.InternalNotes,
            AgencyTrackingNumber = request.AgencyTrackingNumber,
            Sent = request.Status != RequestStatus.Draft,
            Method = request.Method,
            SentOn = request.SentOn,
            ReceivedOn = request.ReceivedOn,
            ContractIds = [.. request.ContractLinks.Select(l => l.ContractId)],
            VendorIds = [.. request.VendorLinks.Select(l => l.VendorId)],
            CategoryIds = [.. request.CategoryLinks.Select(l => l.TechnologyCategoryId)],
        };
        return (input, request.ConcurrencyStamp, request.Status);
    }

    /// <summary>
    /// Saves an edit made from <paramref name="expectedStamp"/>. If anyone saved the request since, nothing is saved
    /// and the result says so. Sending a draft adds its filed event; any change recounts the deadlines.
    /// </summary>
    public static async Task<RequestSaveResult> UpdateAsync(
        PraTrackerDbContext db, Guid id, RequestInput input, Guid expectedStamp, string userId, DateTimeOffset now, DateOnly today, CancellationToken ct = default)
    {
        var errors = Validate(input, today);
        if (errors.Count > 0)
        {
            return new RequestSaveResult(errors, id, null);
        }

        var request = await db.Requests
            .Include(r => r.ContractLinks).Include(r => r.VendorLinks).Include(r => r.CategoryLinks).Include(r => r.Events)
            .AsSplitQuery()
            .SingleOrDefaultAsync(r => r.Id == id, ct);
        if (request is null)
        {
            return RequestSaveResult.Refused("", "That request no longer exists.");
        }

        if (request.ConcurrencyStamp != expectedStamp)
        {
            return RequestSaveResult.Refused("", ConflictMessage);
        }

        // The check in the database, for a save that lands between the read above and this write.
        db.Entry(request).Property(r => r.ConcurrencyStamp).OriginalValue = expectedStamp;

        if (input.AgencyId != request.AgencyId)
        {
            return RequestSaveResult.Refused(nameof(input.AgencyId), "A request stays with its agency; file a new request to another agency.");
        }

        request.Title = input.Title.Trim();
        request.LawId = input.LawId ?? request.LawId;
        request.RequestText = input.RequestText.Trim();
        request.Visibility = input.Visibility;
        request.InternalNotes = InputText.TrimmedOrNull(input.InternalNotes);
        request.AgencyTrackingNumber = InputText.TrimmedOrNull(input.AgencyTrackingNumber);
        if (input.Sent && request.Status == RequestStatus.Draft)
        {
            MarkSent(db, request, input, userId, now);
        }
        else if (input.Sent)
        {
            request.Method = input.Method;
            request.SentOn = input.SentOn;
            request.ReceivedOn = input.ReceivedOn ?? request.ReceivedOn;
        }

        SetLinks(request, input);
        db.Entry(request).Property(r => r.UpdatedAt).IsModified = true;
        await SynchroniseDeadlinesAsync(db, request, today, ct);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return RequestSaveResult.Refused("", ConflictMessage);
        }

        return new RequestSaveResult(new Dictionary<string, string>(), request.Id, request.Reference);
    }

    /// <summary>The next free reference of the year: PRA-2026-0042.</summary>
    public static async Task<string> NextReferenceAsync(PraTrackerDbContext db, int year, CancellationToken ct = default) =>
        (await NextReferencesAsync(db, year, 1, ct))[0];

    /// <summary>The next <paramref name="count"/> free references of the year, in order.</summary>
    internal static async Task<IReadOnlyList<string>> NextReferencesAsync(PraTrackerDbContext db, int year, int count, CancellationToken ct = default)
    {
        var prefix = $"PRA-{year}-";
        var references = await db.Requests.IgnoreQueryFilters()
            .Where(r => r.Reference.StartsWith(prefix))
            .Select(r => r.Reference)
            .ToListAsync(ct);
        var last = references
            .Select(r => int.TryParse(r[prefix.Length..], NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : 0)
            .DefaultIfEmpty(0)
            .Max();
        return Enumerable.Range(last + 1, count).Select(n => $"{prefix}{n:0000}").ToList();
    }

    // E-mail, portal and fax arrive the day they are sent unless the attorney says otherwise; the law's clock
    // starts on receipt, so the deadlines start with it.
    private static void MarkSent(PraTrackerDbContext db, RecordsRequest request, RequestInput input, string userId, DateTimeOffset now)
    {
        request.Status = RequestStatus.Sent;
        request.Method = input.Method;
        request.SentOn = input.SentOn;
        request.ReceivedOn = input.ReceivedOn
            ?? (input.Method is SubmissionMethod.Email or SubmissionMethod.Portal or SubmissionMethod.Fax ? input.SentOn : null);
        db.RequestEvents.Add(new RequestEvent
        {
            RequestId = request.Id,
            Request = request,
            Kind = RequestEventKind.Filed,
            OccurredOn = input.SentOn!.Value,
            Summary = $"Request sent by {Describe(input.Method)}.",
            LoggedByUserId = userId,
            LoggedAt = now,
        });
    }

    private static void SetLinks(RecordsRequest request, RequestInput input)
    {
        request.ContractLinks.RemoveAll(l => !input.ContractIds.Contains(l.ContractId));
        foreach (var id in input.ContractIds.Distinct().Where(id => request.ContractLinks.All(l => l.ContractId != id)))
        {
            request.ContractLinks.Add(new RequestContract { RequestId = request.Id, ContractId = id });
        }

        request.VendorLinks.RemoveAll(l => !input.VendorIds.Contains(l.VendorId));
        foreach (var id in input.VendorIds.Distinct().Where(id => request.VendorLinks.All(l => l.VendorId != id)))
        {
            request.VendorLinks.Add(new RequestVendor { RequestId = request.Id, VendorId = id });
        }

        request.CategoryLinks.RemoveAll(l => !input.CategoryIds.Contains(l.TechnologyCategoryId));
        foreach (var id in input.CategoryIds.Distinct().Where(id => request.CategoryLinks.All(l => l.TechnologyCategoryId != id)))
        {
            request.CategoryLinks.Add(new RequestTechnologyCategory { RequestId = request.Id, TechnologyCategoryId = id });
        }
    }

    private static async Task SynchroniseDeadlinesAsync(PraTrackerDbContext db, RecordsRequest request, DateOnly today, CancellationToken ct)
    {
        request.Law = await db.Laws.WithCalendar().SingleAsync(l => l.Id == request.LawId, ct);
        if (db.Entry(request).State != EntityState.Added)
        {
            await db.Entry(request).Collection(r => r.Deadlines).LoadAsync(ct);
        }

        RequestDeadlines.Synchronise(db, request, await LawQueries.CalendarForAsync(db, request.Law, request.AgencyId, ct), today);
    }

    private static string Describe(SubmissionMethod? method) => method switch
    {
        SubmissionMethod.Email => "e-mail",
        SubmissionMethod.Portal => "the agency's portal",
        SubmissionMethod.Mail => "post",
        SubmissionMethod.Fax => "fax",
        SubmissionMethod.InPerson => "hand",
        _ => "other means",
    };

}
