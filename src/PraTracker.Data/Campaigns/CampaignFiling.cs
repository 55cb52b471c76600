using Microsoft.EntityFrameworkCore;
using PraTracker.Data.Agencies;
using PraTracker.Data.Database;
using PraTracker.Data.Deadlines;
using PraTracker.Data.Requests;

namespace PraTracker.Data.Campaigns;

/// <summary>How a campaign's requests leave once filed.</summary>
public enum FilingMode
{
    /// <summary>Each is sent from the app to the agency's records e-mail; its deadlines start when the mail server takes it.</summary>
    SendByEmail,

    /// <summary>The attorney sends them another way (portal, post) and records them as sent on a date.</summary>
    RecordAsSent,

    /// <summary>Kept as drafts to edit and send one by one.</summary>
    Drafts,
}

/// <summary>The one request a campaign files with many agencies, as the filing form fills it in.</summary>
public sealed class FilingDraft
{
    public string Title { get; set; } = "";

    /// <summary>The records sought, in the attorney's words; each agency's letter is written around it.</summary>
    public string RecordsSought { get; set; } = "";

    /// <summary>The technology category whose checklist wording the letter uses.</summary>
    public string? CategoryCode { get; set; }
    public List<RecordKind> Checklist { get; set; } = [];
    public List<Guid> VendorIds { get; set; } = [];
    public RequestVisibility Visibility { get; set; } = RequestVisibility.Private;
    public string RequesterName { get; set; } = "";
    public FilingMode Mode { get; set; } = FilingMode.SendByEmail;
    public SubmissionMethod? Method { get; set; }
    public DateOnly? SentOn { get; set; }
}

/// <summary>Which agencies a campaign files with: the filters narrow together, and the named agencies are added to what they find.</summary>
public sealed class AgencySelection
{
    public List<string> States { get; set; } = [];
    public List<AgencyKind> Kinds { get; set; } = [];

    /// <summary>Only agencies with a contract (or trial) with this vendor.</summary>
    public Guid? ContractVendorId { get; set; }

    /// <summary>Only agencies with a contract (or trial) for a product of this technology category.</summary>
    public string? ContractCategoryCode { get; set; }

    /// <summary>
    /// Only agencies with no request yet about the vendor or category above: the coverage gaps. A request is about the
    /// vendor when it names it or one of its contracts; about the category when it names the category or a contract in it.
    /// </summary>
    public bool OnlyWithoutRequest { get; set; }

    /// <summary>Agencies picked one by one.</summary>
    public List<Guid> AgencyIds { get; set; } = [];

    public bool IsEmpty => States.Count == 0 && Kinds.Count == 0 && ContractVendorId is null && ContractCategoryCode is null && AgencyIds.Count == 0;
}

/// <summary>The agencies a selection finds (none listed when there are more than a filing may reach) and how many.</summary>
public sealed record AgencyMatches(IReadOnlyList<Agency> Agencies, int Count);

/// <summary>One agency's letter as it would be filed, or why it cannot be.</summary>
public sealed record FilingLetter(
    Guid AgencyId, string AgencyName, string State, string? LawName, string? LawCitation, DateOnly? ResponseDueOn, string? ResponseExplanation,
    string? RecordsEmail, string Letter, string? Problem);

/// <summary>Every letter a filing would send, with the problems that stop it, before anything is saved.</summary>
public sealed record FilingPreview(IReadOnlyDictionary<string, string> Errors, IReadOnlyList<FilingLetter> Letters)
{
    public IReadOnlyList<FilingLetter> Ready => Letters.Where(l => l.Problem is null).ToList();
}

/// <summary>A request a filing created.</summary>
public sealed record FiledRequest(Guid Id, string Reference, string AgencyName);

/// <summary>What a filing did: the problems that stopped it, or the requests it created.</summary>
public sealed record FilingResult(IReadOnlyDictionary<string, string> Errors, IReadOnlyList<FiledRequest> Filed, FilingMode Mode)
{
    public bool Succeeded => Errors.Count == 0;
}

/// <summary>
/// Files one request with many agencies at once: each agency gets its own request under its own law, with its own letter
/// (the law's citation and deadline in words), checklist and deadlines. The preview shows every letter first; filing
/// saves every request in one transaction or none.
/// </summary>
public static class CampaignFiling
{
    /// <summary>The most agencies one filing may reach, so that a slip of a filter cannot write to a whole country.</summary>
    public const int MaxAgencies = 500;

    /// <summary>Every problem with the draft and the selection, keyed by field.</summary>
    public static IReadOnlyDictionary<string, string> Validate(FilingDraft draft, AgencySelection selection, DateOnly today)
    {
        var errors = new Dictionary<string, string>();
        if (string.IsNullOrWhiteSpace(draft.Title))
        {
            errors[nameof(draft.Title)] = "Give the request a title.";
        }
        else if (draft.Title.Trim().Length > 300)
        {
            errors[nameof(draft.Title)] = "Keep the title under 300 characters.";
        }

        if (string.IsNullOrWhiteSpace(draft.RecordsSought))
        {
            errors[nameof(draft.RecordsSought)] = "Describe the records you are asking for.";
        }

        if (string.IsNullOrWhiteSpace(draft.RequesterName))
        {
            errors[nameof(draft.RequesterName)] = "Say who signs the letters.";
        }

        if (draft.Mode == FilingMode.RecordAsSent)
        {
            if (draft.Method is null)
            {
                errors[nameof(draft.Method)] = "Say how they were sent.";
            }

            if (draft.SentOn is not { } sent)
            {
                errors[nameof(draft.SentOn)] = "Give the date they were sent.";
            }
            else if (sent > today)
            {
                errors[nameof(draft.SentOn)] = $"{sent:yyyy-MM-dd} is in the future.";
            }
        }

        if (selection.IsEmpty)
        {
            errors[nameof(AgencySelection)] = "Pick the agencies: by state, kind, vendor contract, or one by one.";
        }

        return errors;
    }

    /// <summary>The letters the filing would send, one per selected agency, each with its law's deadline or the reason it cannot go.</summary>
    public static async Task<FilingPreview> PreviewAsync(
        PraTrackerDbContext db, Guid campaignId, FilingDraft draft, AgencySelection selection, DateOnly today, CancellationToken ct = default)
    {
        var errors = new Dictionary<string, string>(Validate(draft, selection, today));
        if (errors.Count > 0)
        {
            return new FilingPreview(errors, []);
        }

        if (!await db.Campaigns.AnyAsync(c => c.Id == campaignId, ct))
        {
            return new FilingPreview(new Dictionary<string, string> { [""] = "That campaign no longer exists." }, []);
        }

        var (agencies, count) = await SelectAsync(db, selection, ct);
        if (count == 0)
        {
            return new FilingPreview(new Dictionary<string, string> { [nameof(AgencySelection)] = "No agency matches that selection." }, []);
        }

        if (count > MaxAgencies)
        {
            return new FilingPreview(
                new Dictionary<string, string> { [nameof(AgencySelection)] = $"That selection finds {count:N0} agencies; file with at most {MaxAgencies} at once." }, []);
        }

        var agencyIds = agencies.Select(a => a.Id).ToList();
        var alreadyFiled = await db.Requests
            .Where(r => r.CampaignId == campaignId && agencyIds.Contains(r.AgencyId))
            .Select(r => new { r.AgencyId, r.Reference })
            .ToListAsync(ct);
        var lawIds = agencies.Where(a => a.LawId is not null).Select(a => a.LawId!.Value).Distinct().ToList();
        var laws = await db.Laws.AsNoTracking().WithCalendar().Where(l => lawIds.Contains(l.Id)).ToDictionaryAsync(l => l.Id, ct);
        var closures = (await db.HolidayClosures.AsNoTracking().Where(c => c.AgencyId != null && agencyIds.Contains(c.AgencyId.Value)).ToListAsync(ct))
            .ToLookup(c => c.AgencyId!.Value);
        var checklist = await RecordChecklists.WordAsync(db, draft.Checklist, draft.VendorIds, draft.CategoryCode, ct);
        var receivedOn = draft.Mode == FilingMode.RecordAsSent ? draft.SentOn!.Value : today;

        var letters = new List<FilingLetter>();
        foreach (var agency in agencies)
        {
            var law = agency.LawId is { } lawId ? laws[lawId] : null;
            var letter = law is null
                ? ""
                : RequestLetters.Compose(new LetterFacts(law, agency.Name, draft.RecordsSought, draft.RequesterName.Trim(), receivedOn) { Checklist = checklist });
            var due = law is null ? null : StatutoryDeadlines.Response(law, new BusinessCalendar(law.HolidayCalendar, [.. closures[agency.Id]]), receivedOn);
            var problem = alreadyFiled.FirstOrDefault(f => f.AgencyId == agency.Id) is { } filed
                ? $"Already has a request in this campaign ({filed.Reference})."
                : law is null
                    ? "Has no public-records law set: set it on the agency's page."
                    : draft.Mode == FilingMode.SendByEmail && string.IsNullOrWhiteSpace(agency.RecordsEmail)
                        ? "Has no records e-mail address: add it on the agency's page, or file these by another means."
                        : null;
            letters.Add(new FilingLetter(agency.Id, agency.Name, agency.State, law?.Name, law?.Citation, due?.Due, due?.Explanation, agency.RecordsEmail, letter, problem));
        }

        return new FilingPreview(errors, letters);
    }

    /// <summary>
    /// Creates one request per agency the preview found ready, in one transaction, assigned to the campaign's owner,
    /// its collaborators and the filer. Recorded as sent, they carry their filed event and deadlines at once; to be
    /// sent by e-mail, they stay drafts until each letter leaves.
    /// </summary>
    public static async Task<FilingResult> FileAsync(
        PraTrackerDbContext db, Guid campaignId, FilingDraft draft, AgencySelection selection, string userId, DateTimeOffset now, DateOnly today,
        CancellationToken ct = default)
    {
        var preview = await PreviewAsync(db, campaignId, draft, selection, today, ct);
        if (preview.Errors.Count > 0)
        {
            return new FilingResult(preview.Errors, [], draft.Mode);
        }

        var ready = preview.Ready;
        if (ready.Count == 0)
        {
            return new FilingResult(new Dictionary<string, string> { [nameof(AgencySelection)] = "None of the selected agencies can be filed with; see the reasons in the preview." }, [], draft.Mode);
        }

        var campaign = await db.Campaigns.AsNoTracking().Where(c => c.Id == campaignId)
            .Select(c => new { c.OwnerUserId, Members = c.Members.Select(m => m.UserId).ToList() })
            .SingleAsync(ct);
        var assignees = new[] { userId, campaign.OwnerUserId }.Concat(campaign.Members).ToList();
        var categoryIds = await db.TechnologyCategories.Where(c => c.Code == draft.CategoryCode).Select(c => c.Id).ToListAsync(ct);
        var checklist = await RecordChecklists.WordAsync(db, draft.Checklist, draft.VendorIds, draft.CategoryCode, ct);
        var agencyIds = ready.Select(l => l.AgencyId).ToList();
        var lawOf = await db.Agencies.Where(a => agencyIds.Contains(a.Id)).ToDictionaryAsync(a => a.Id, a => a.LawId!.Value, ct);
        var lawIds = lawOf.Values.Distinct().ToList();
        var laws = await db.Laws.WithCalendar().Where(l => lawIds.Contains(l.Id)).ToDictionaryAsync(l => l.Id, ct);
        var closures = (await db.HolidayClosures.AsNoTracking().Where(c => c.AgencyId != null && agencyIds.Contains(c.AgencyId.Value)).ToListAsync(ct))
            .ToLookup(c => c.AgencyId!.Value);
        var references = await RequestCommands.NextReferencesAsync(db, today.Year, ready.Count, ct);

        var filed = new List<FiledRequest>();
        foreach (var (letter, reference) in ready.Zip(references))
        {
            var law = laws[lawOf[letter.AgencyId]];
            var input = new RequestInput
            {
                Title = draft.Title,
                AgencyId = letter.AgencyId,
                RequestText = letter.Letter,
                Visibility = draft.Visibility,
                Sent = draft.Mode == FilingMode.RecordAsSent,
                Method = draft.Method,
                SentOn = draft.SentOn,
                VendorIds = draft.VendorIds,
                CategoryIds = categoryIds,
                Checklist = [.. checklist],
                CampaignId = campaignId,
            };
            var calendar = new BusinessCalendar(law.HolidayCalendar, [.. closures[letter.AgencyId]]);
            var request = RequestCommands.Add(db, input, letter.AgencyId, law, calendar, reference, assignees, userId, now, today);
            filed.Add(new FiledRequest(request.Id, request.Reference, letter.AgencyName));
        }

        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException) when (db.Requests.IgnoreQueryFilters().AsNoTracking().Any(r => references.Contains(r.Reference) && !filed.Select(f => f.Id).Contains(r.Id)))
        {
            return new FilingResult(new Dictionary<string, string> { [""] = "Other requests took the same references at the same moment; file again." }, [], draft.Mode);
        }

        return new FilingResult(new Dictionary<string, string>(), filed, draft.Mode);
    }

    /// <summary>The agencies a selection finds, by name; the filters narrow together, the named agencies are added.</summary>
    public static async Task<AgencyMatches> SelectAsync(PraTrackerDbContext db, AgencySelection selection, CancellationToken ct = default)
    {
        var agencies = db.Agencies.AsNoTracking();
        var filtered = selection.States.Count > 0 || selection.Kinds.Count > 0 || selection.ContractVendorId is not null || selection.ContractCategoryCode is not null;
        IQueryable<Agency> found;
        if (filtered)
        {
            found = agencies;
            if (selection.States.Count > 0)
            {
                found = found.Where(a => selection.States.Contains(a.State));
            }

            if (selection.Kinds.Count > 0)
            {
                found = found.Where(a => selection.Kinds.Contains(a.Kind));
            }

            if (selection.ContractVendorId is { } vendorId)
            {
                found = found.Where(a => db.Contracts.Any(c => c.AgencyId == a.Id && c.VendorId == vendorId));
                if (selection.OnlyWithoutRequest)
                {
                    var asked = db.Requests.Where(r => RequestQueries.AboutVendor(db, vendorId).Contains(r.Id)).Select(r => r.AgencyId);
                    found = found.Where(a => !asked.Contains(a.Id));
                }
            }

            if (selection.ContractCategoryCode is { } code)
            {
                found = found.Where(a => db.Contracts.Any(c => c.AgencyId == a.Id && c.Products.Any(p => p.TechnologyCategory.Code == code)));
                if (selection.OnlyWithoutRequest)
                {
                    var asked = db.Requests
                        .Where(r => r.CategoryLinks.Any(l => l.TechnologyCategory.Code == code)
                            || r.ContractLinks.Any(l => l.Contract.Products.Any(p => p.TechnologyCategory.Code == code)))
                        .Select(r => r.AgencyId);
                    found = found.Where(a => !asked.Contains(a.Id));
                }
            }

            if (selection.AgencyIds.Count > 0)
            {
                found = found.Concat(agencies.Where(a => selection.AgencyIds.Contains(a.Id)));
            }
        }
        else
        {
            found = agencies.Where(a => selection.AgencyIds.Contains(a.Id));
        }

        var distinct = found.Distinct();
        var count = await distinct.CountAsync(ct);
        return count > MaxAgencies
            ? new AgencyMatches([], count)
            : new AgencyMatches(await distinct.OrderBy(a => a.State).ThenBy(a => a.Name).ToListAsync(ct), count);
    }
}
