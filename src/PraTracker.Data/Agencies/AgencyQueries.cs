using Microsoft.EntityFrameworkCore;
using PraTracker.Data.Database;
using PraTracker.Data.Documents.Mentions;

namespace PraTracker.Data.Agencies;

/// <summary>A row of the agencies list; the request count covers only requests the viewer may see.</summary>
public sealed record AgencyRow(Guid Id, string Name, AgencyKind Kind, string? City, string State, string? LawCode, int RequestCount);

/// <summary>What the agencies list is filtered by: text in the name or city, and the state; both optional.</summary>
public sealed record AgencyFilter(string? Text = null, string? State = null);

/// <summary>Reads agencies; their request counts go through the request visibility filter.</summary>
public static class AgencyQueries
{
    /// <summary>The states (postal codes) that have at least one agency, in order.</summary>
    public static async Task<IReadOnlyList<string>> StatesAsync(PraTrackerDbContext db, CancellationToken ct = default) =>
        await db.Agencies.AsNoTracking().Select(a => a.State).Distinct().OrderBy(s => s).ToListAsync(ct);

    public static Task<Page<AgencyRow>> ListAsync(PraTrackerDbContext db, string? text, PageRequest page, CancellationToken ct = default) =>
        ListAsync(db, new AgencyFilter(text), page, ct);

    public static Task<Page<AgencyRow>> ListAsync(PraTrackerDbContext db, AgencyFilter filter, PageRequest page, CancellationToken ct = default)
    {
        var agencies = db.Agencies.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(filter.Text))
        {
            var lowered = filter.Text.Trim().ToLower();
            agencies = agencies.Where(a => a.Name.ToLower().Contains(lowered) || (a.City != null && a.City.ToLower().Contains(lowered)));
        }

        if (!string.IsNullOrWhiteSpace(filter.State))
        {
            var state = filter.State.Trim().ToUpperInvariant();
            agencies = agencies.Where(a => a.State == state);
        }

        var sorted = page.SortBy switch
        {
            nameof(AgencyRow.State) => agencies.OrderBy(a => a.State, page.Descending),
            nameof(AgencyRow.Kind) => agencies.OrderBy(a => a.Kind, page.Descending),
            nameof(AgencyRow.City) => agencies.OrderBy(a => a.City, page.Descending),
            nameof(AgencyRow.RequestCount) => agencies.OrderBy(a => db.Requests.Count(r => r.AgencyId == a.Id), page.Descending),
            _ => agencies.OrderBy(a => a.Name, page.Descending),
        };
        return sorted.ThenBy(a => a.Id)
            .Select(a => new AgencyRow(
                a.Id, a.Name, a.Kind, a.City, a.State, a.Law != null ? a.Law.Code : null,
                db.Requests.Count(r => r.AgencyId == a.Id)))
            .ToPageAsync(page, ct);
    }
}

/// <summary>An agency's page: who it is and its other names, its law, its contracts, the requests the viewer may see, and how it has answered them.</summary>
public sealed record AgencyDetail(
    Guid Id, string Name, IReadOnlyList<string> Aliases, AgencyKind Kind, string? City, string? County, string State, string? RecordsEmail, string? PortalUrl, string? MailingAddress,
    string? LawName, string? LawCitation, int? LawResponseDays, Deadlines.DayCount? LawResponseDayCount,
    IReadOnlyList<AgencyContractRow> Contracts, IReadOnlyList<AgencyRequestRow> Requests, AgencyScorecard Scorecard);

/// <summary>A contract on an agency's page.</summary>
public sealed record AgencyContractRow(Guid Id, string Title, string VendorName, Contracts.ContractStatus Status, decimal? Amount, string Currency);

/// <summary>A request on an agency's page.</summary>
public sealed record AgencyRequestRow(Guid Id, string Reference, string Title, Requests.RequestStatus Status, DateOnly? SentOn);

/// <summary>An agency's page, read through the request visibility filter.</summary>
public static class AgencyPages
{
    public static async Task<AgencyDetail?> GetAsync(PraTrackerDbContext db, Guid id, CancellationToken ct = default)
    {
        var agency = await db.Agencies.AsNoTracking().Include(a => a.Law).SingleOrDefaultAsync(a => a.Id == id, ct);
        if (agency is null)
        {
            return null;
        }

        var contracts = await db.Contracts.AsNoTracking().Where(c => c.AgencyId == id).OrderBy(c => c.Title)
            .Select(c => new AgencyContractRow(c.Id, c.Title, c.Vendor.Name, c.Status, c.Amount, c.Currency))
            .ToListAsync(ct);
        var requests = await db.Requests.AsNoTracking().Where(r => r.AgencyId == id)
            .OrderByDescending(r => r.SentOn).ThenBy(r => r.Reference)
            .Select(r => new AgencyRequestRow(r.Id, r.Reference, r.Title, r.Status, r.SentOn))
            .ToListAsync(ct);
        var scorecard = await AgencyScorecards.ForAgencyAsync(db, id, ct);
        return new AgencyDetail(agency.Id, agency.Name, Aliases.Split(agency.Aliases), agency.Kind, agency.City, agency.County, agency.State, agency.RecordsEmail, agency.PortalUrl, agency.MailingAddress,
            agency.Law?.Name, agency.Law?.Citation, agency.Law?.ResponseDays, agency.Law?.ResponseDayCount, contracts, requests, scorecard);
    }

    public static async Task<AgencyInput?> GetForEditAsync(PraTrackerDbContext db, Guid id, CancellationToken ct = default) =>
        await db.Agencies.AsNoTracking().SingleOrDefaultAsync(a => a.Id == id, ct) is { } agency ? AgencyInput.From(agency) : null;
}
