using Microsoft.EntityFrameworkCore;
using PraTracker.Data.Database;

namespace PraTracker.Data.Requests;

/// <summary>Something a request form lets the attorney pick: an id and what to show for it.</summary>
public sealed record PickOption(Guid Id, string Label);

/// <summary>Something picked by a stable code that reads well in a link ("people-search").</summary>
public sealed record CodeOption(string Code, string Label);

/// <summary>An agency as the request form picks it, with the law its requests default to.</summary>
public sealed record AgencyPick(Guid Id, string Name, string State, Guid? LawId, string? RecordsEmail);

/// <summary>The choices the new-request and edit forms offer, read through the viewer's visibility.</summary>
public static class RequestFormOptions
{
    public static async Task<IReadOnlyList<AgencyPick>> SearchAgenciesAsync(PraTrackerDbContext db, string? text, CancellationToken ct = default)
    {
        var agencies = db.Agencies.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(text))
        {
            var lowered = text.Trim().ToLower();
            agencies = agencies.Where(a => a.Name.ToLower().Contains(lowered) || (a.City != null && a.City.ToLower().Contains(lowered)));
        }

        return await agencies.OrderBy(a => a.Name).Take(25)
            .Select(a => new AgencyPick(a.Id, a.Name, a.State, a.LawId, a.RecordsEmail))
            .ToListAsync(ct);
    }

    public static Task<AgencyPick?> FindAgencyAsync(PraTrackerDbContext db, Guid id, CancellationToken ct = default) =>
        db.Agencies.AsNoTracking().Where(a => a.Id == id)
            .Select(a => new AgencyPick(a.Id, a.Name, a.State, a.LawId, a.RecordsEmail))
            .SingleOrDefaultAsync(ct);

    public static async Task<IReadOnlyList<PickOption>> LawsAsync(PraTrackerDbContext db, CancellationToken ct = default) =>
        await db.Laws.AsNoTracking().OrderBy(l => l.Code == "US-FED" ? 0 : 1).ThenBy(l => l.Jurisdiction)
            .Select(l => new PickOption(l.Id, l.Jurisdiction + " · " + l.Name + " (" + l.Code + ")"))
            .ToListAsync(ct);

    public static async Task<IReadOnlyList<PickOption>> VendorsAsync(PraTrackerDbContext db, CancellationToken ct = default) =>
        await db.Vendors.AsNoTracking().OrderBy(v => v.Name).Select(v => new PickOption(v.Id, v.Name)).ToListAsync(ct);

    public static async Task<IReadOnlyList<PickOption>> CategoriesAsync(PraTrackerDbContext db, CancellationToken ct = default) =>
        await db.TechnologyCategories.AsNoTracking().OrderBy(c => c.SortOrder).Select(c => new PickOption(c.Id, c.Name)).ToListAsync(ct);

    public static async Task<IReadOnlyList<CodeOption>> CategoryCodesAsync(PraTrackerDbContext db, CancellationToken ct = default) =>
        await db.TechnologyCategories.AsNoTracking().OrderBy(c => c.SortOrder).Select(c => new CodeOption(c.Code, c.Name)).ToListAsync(ct);

    public static Task<string?> AgencyNameAsync(PraTrackerDbContext db, Guid id, CancellationToken ct = default) =>
        db.Agencies.AsNoTracking().Where(a => a.Id == id).Select(a => a.Name).SingleOrDefaultAsync(ct);

    /// <summary>The contracts of one agency, which a request to it is usually about.</summary>
    public static async Task<IReadOnlyList<PickOption>> ContractsOfAsync(PraTrackerDbContext db, Guid agencyId, CancellationToken ct = default) =>
        await db.Contracts.AsNoTracking().Where(c => c.AgencyId == agencyId).OrderBy(c => c.Title)
            .Select(c => new PickOption(c.Id, c.Title + " (" + c.Vendor.Name + ")"))
            .ToListAsync(ct);

    /// <summary>The letter drafted under the law for the agency and the records described, listing the checklist.</summary>
    public static async Task<string?> DraftLetterAsync(
        PraTrackerDbContext db, Guid lawId, Guid agencyId, string recordsSought, string requesterName, DateOnly today, IReadOnlyList<ChecklistEntry> checklist,
        CancellationToken ct = default)
    {
        var law = await db.Laws.AsNoTracking().SingleOrDefaultAsync(l => l.Id == lawId, ct);
        var agency = await db.Agencies.AsNoTracking().Where(a => a.Id == agencyId).Select(a => a.Name).SingleOrDefaultAsync(ct);
        return law is null || agency is null
            ? null
            : RequestLetters.Compose(new LetterFacts(law, agency, recordsSought, requesterName, today) { Checklist = checklist });
    }

    /// <summary>The checklist of a request being drafted, worded for its vendors or its first technology.</summary>
    public static async Task<IReadOnlyList<ChecklistEntry>> WordChecklistAsync(
        PraTrackerDbContext db, IReadOnlyCollection<RecordKind> kinds, IReadOnlyCollection<Guid> vendorIds, IReadOnlyCollection<Guid> categoryIds, CancellationToken ct = default)
    {
        var categoryCode = await db.TechnologyCategories.Where(c => categoryIds.Contains(c.Id)).OrderBy(c => c.SortOrder).Select(c => c.Code).FirstOrDefaultAsync(ct);
        return await RecordChecklists.WordAsync(db, kinds, vendorIds, categoryCode, ct);
    }
}
