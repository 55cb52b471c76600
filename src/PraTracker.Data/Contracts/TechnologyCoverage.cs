using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using PraTracker.Data.Database;
using PraTracker.Data.Requests;

namespace PraTracker.Data.Contracts;

/// <summary>How far the requests about a technology have got with an agency known to use it; later stages are further.</summary>
public enum CoverageStage
{
    NoneFiled,
    Drafted,
    Filed,
    Answered,
    Produced,
    Denied,
}

/// <summary>What coverage is shown for: one vendor, or one technology category by its code.</summary>
public sealed record CoverageSubject(Guid? VendorId, string? CategoryCode)
{
    public static CoverageSubject Vendor(Guid id) => new(id, null);

    public static CoverageSubject Category(string code) => new(null, code);
}

/// <summary>What the coverage list is filtered by; both optional, combined with "and".</summary>
public sealed record CoverageFilter(string? State = null, CoverageStage? Stage = null);

/// <summary>A contract (or trial) through which an agency is known to use the technology.</summary>
public sealed record CoverageContract(Guid Id, string Title, ContractStatus Status);

/// <summary>An agency known to use the technology, and the request showing how far it has been asked about it.</summary>
public sealed record CoverageRow(
    Guid AgencyId, string AgencyName, string State, IReadOnlyList<CoverageContract> Contracts, CoverageStage Stage,
    Guid? RequestId, string? RequestReference, DateOnly? LastActivityOn);

/// <summary>How many agencies known to use the technology stand at each stage.</summary>
public sealed record CoverageSummary(int Agencies, IReadOnlyDictionary<CoverageStage, int> ByStage)
{
    public int this[CoverageStage stage] => ByStage.GetValueOrDefault(stage);
}

/// <summary>A vendor or technology category to show coverage for, with how many agencies are known to use it.</summary>
public sealed record CoverageChoice(string Key, string Name, int Agencies);

/// <summary>What the coverage page picks from: vendors by name and categories in their order.</summary>
public sealed record CoverageChoices(IReadOnlyList<CoverageChoice> Vendors, IReadOnlyList<CoverageChoice> Categories);

/// <summary>
/// Which agencies are known to use a vendor's products or a kind of technology (they hold a contract or trial, typed in or
/// imported), and how far the requests about it have got with each. A contract is in a category through its products. A
/// request is about a vendor when it names the vendor or a contract with it; about a category when it names the category,
/// a contract in it, or a vendor selling products in it. An agency stands at the furthest stage of its requests about it,
/// in the order of <see cref="CoverageStage"/>. Requests are read through the visibility filter: to an anonymous visitor an
/// agency asked only privately stands at "none filed", and nothing private is counted.
/// </summary>
public static class TechnologyCoverage
{
    public static async Task<Page<CoverageRow>> ListAsync(
        PraTrackerDbContext db, CoverageSubject subject, CoverageFilter filter, PageRequest page, CancellationToken ct = default)
    {
        var scope = await ScopeAsync(db, subject, ct);
        if (scope is null)
        {
            return new Page<CoverageRow>([], 0);
        }

        var agencies = Staged(db, scope, filter.State);
        if (filter.Stage is { } stage)
        {
            agencies = agencies.Where(a => a.Stage == (int)stage);
        }

        var sorted = page.SortBy switch
        {
            nameof(CoverageRow.State) => agencies.OrderBy(a => a.State, page.Descending).ThenBy(a => a.Name),
            nameof(CoverageRow.Stage) => agencies.OrderBy(a => a.Stage, page.Descending).ThenBy(a => a.Name),
            _ => agencies.OrderBy(a => a.Name, page.Descending),
        };
        var found = await sorted.ThenBy(a => a.Id).ToPageAsync(page, ct);
        if (found.Items.Count == 0)
        {
            return new Page<CoverageRow>([], found.TotalCount);
        }

        // The page's contracts and requests in two queries, whatever the page size.
        var ids = found.Items.Select(a => a.Id).ToList();
        var contracts = (await scope.Contracts.Where(c => ids.Contains(c.AgencyId))
                .OrderBy(c => c.Title).ThenBy(c => c.Id)
                .Select(c => new { c.AgencyId, Contract = new CoverageContract(c.Id, c.Title, c.Status) })
                .ToListAsync(ct))
            .ToLookup(c => c.AgencyId, c => c.Contract);
        var requests = (await db.Requests.AsNoTracking().Where(r => ids.Contains(r.AgencyId) && scope.About.Contains(r.Id))
                .Select(ProgressOf)
                .ToListAsync(ct))
            .ToLookup(r => r.AgencyId);

        var rows = found.Items.Select(a =>
        {
            var asked = requests[a.Id].ToList();
            var shown = asked.Where(r => r.Stage == a.Stage).OrderByDescending(LastActivity).ThenBy(r => r.Reference, StringComparer.Ordinal).FirstOrDefault();
            return new CoverageRow(
                a.Id, a.Name, a.State, [.. contracts[a.Id]], (CoverageStage)a.Stage, shown?.Id, shown?.Reference,
                asked.Count == 0 ? null : asked.Max(LastActivity));
        });
        return new Page<CoverageRow>([.. rows], found.TotalCount);
    }

    /// <summary>How many agencies stand at each stage, for the whole subject in the state given (or every state).</summary>
    public static async Task<CoverageSummary> SummaryAsync(PraTrackerDbContext db, CoverageSubject subject, string? state = null, CancellationToken ct = default)
    {
        var scope = await ScopeAsync(db, subject, ct);
        if (scope is null)
        {
            return new CoverageSummary(0, new Dictionary<CoverageStage, int>());
        }

        var counts = await Staged(db, scope, state).GroupBy(a => a.Stage).Select(g => new { Stage = g.Key, Count = g.Count() }).ToListAsync(ct);
        return new CoverageSummary(counts.Sum(c => c.Count), counts.ToDictionary(c => (CoverageStage)c.Stage, c => c.Count));
    }

    /// <summary>Every vendor and every technology category, with the number of agencies holding a contract with or in each.</summary>
    public static async Task<CoverageChoices> ChoicesAsync(PraTrackerDbContext db, CancellationToken ct = default)
    {
        var byVendor = await db.Contracts.AsNoTracking()
            .GroupBy(c => c.VendorId)
            .Select(g => new { VendorId = g.Key, Agencies = g.Select(c => c.AgencyId).Distinct().Count() })
            .ToDictionaryAsync(g => g.VendorId, g => g.Agencies, ct);
        var byCategory = await db.Contracts.AsNoTracking()
            .SelectMany(c => c.Products, (c, p) => new { p.TechnologyCategoryId, c.AgencyId })
            .GroupBy(x => x.TechnologyCategoryId)
            .Select(g => new { CategoryId = g.Key, Agencies = g.Select(x => x.AgencyId).Distinct().Count() })
            .ToDictionaryAsync(g => g.CategoryId, g => g.Agencies, ct);
        var vendors = await db.Vendors.AsNoTracking().OrderBy(v => v.Name).Select(v => new { v.Id, v.Name }).ToListAsync(ct);
        var categories = await db.TechnologyCategories.AsNoTracking().OrderBy(c => c.SortOrder).Select(c => new { c.Id, c.Code, c.Name }).ToListAsync(ct);
        return new CoverageChoices(
            [.. vendors.Select(v => new CoverageChoice(v.Id.ToString(), v.Name, byVendor.GetValueOrDefault(v.Id)))],
            [.. categories.Select(c => new CoverageChoice(c.Code, c.Name, byCategory.GetValueOrDefault(c.Id)))]);
    }

    /// <summary>The contracts that make an agency a user of the subject, and the ids of the requests about it.</summary>
    private sealed record Scope(IQueryable<Contract> Contracts, IQueryable<Guid> About);

    private static async Task<Scope?> ScopeAsync(PraTrackerDbContext db, CoverageSubject subject, CancellationToken ct)
    {
        if (subject.VendorId is { } vendorId)
        {
            return new Scope(db.Contracts.AsNoTracking().Where(c => c.VendorId == vendorId), RequestQueries.AboutVendor(db, vendorId));
        }

        var code = subject.CategoryCode?.Trim();
        if (string.IsNullOrEmpty(code))
        {
            return null;
        }

        var found = await db.TechnologyCategories.AsNoTracking().Where(c => c.Code == code).Select(c => (Guid?)c.Id).SingleOrDefaultAsync(ct);
        if (found is not { } categoryId)
        {
            return null;
        }

        // One set from the three links, as AboutVendor does for two: EXISTS joined by OR would run once per request.
        var about = db.RequestTechnologyCategories.Where(l => l.TechnologyCategoryId == categoryId).Select(l => l.RequestId)
            .Concat(db.RequestContracts.Where(l => l.Contract.Products.Any(p => p.TechnologyCategoryId == categoryId)).Select(l => l.RequestId))
            .Concat(db.RequestVendors.Where(l => l.Vendor.Products.Any(p => p.TechnologyCategoryId == categoryId)).Select(l => l.RequestId));
        return new Scope(db.Contracts.AsNoTracking().Where(c => c.Products.Any(p => p.TechnologyCategoryId == categoryId)), about);
    }

    /// <summary>The agencies using the subject, in the state given, each with its furthest stage as a number the database can sort and count.</summary>
    private static IQueryable<StagedAgency> Staged(PraTrackerDbContext db, Scope scope, string? state)
    {
        var contracts = scope.Contracts;
        var about = scope.About;
        var agencies = db.Agencies.AsNoTracking().Where(a => contracts.Any(c => c.AgencyId == a.Id));
        if (!string.IsNullOrWhiteSpace(state))
        {
            var code = state.Trim().ToUpperInvariant();
            agencies = agencies.Where(a => a.State == code);
        }

        // The requests about the subject are staged once and grouped by agency, then joined to the agencies: a subquery
        // per agency would read the set of requests about the subject again for each of thousands of agencies.
        var stages = db.Requests.AsNoTracking().Where(r => about.Contains(r.Id)).Select(ProgressOf)
            .GroupBy(p => p.AgencyId)
            .Select(g => new { AgencyId = g.Key, Stage = g.Max(p => p.Stage) });
        return agencies.LeftJoin(stages, a => a.Id, s => s.AgencyId, (a, s) => new StagedAgency
        {
            Id = a.Id,
            Name = a.Name,
            State = a.State,
            Stage = (int?)s!.Stage ?? (int)CoverageStage.NoneFiled, // SQL's COALESCE: no row joined, no request
        });
    }

    /// <summary>
    /// Where one request stands, written once for both the database's sorting and the page's rows. A denial that came
    /// with records (a partial denial beside a production) is a production; a request denied in the end is denied.
    /// </summary>
    private static readonly Expression<Func<RecordsRequest, RequestProgress>> ProgressOf = r => new RequestProgress
    {
        Id = r.Id,
        AgencyId = r.AgencyId,
        Reference = r.Reference,
        Stage = r.Outcome == RequestOutcome.Denied ? (int)CoverageStage.Denied
            : r.Outcome == RequestOutcome.FullRelease || r.Outcome == RequestOutcome.PartialRelease
                || r.Events.Any(e => e.Kind == RequestEventKind.PartialProduction || e.Kind == RequestEventKind.FinalProduction) ? (int)CoverageStage.Produced
            : r.Events.Any(e => e.Kind == RequestEventKind.Denial) ? (int)CoverageStage.Denied
            : r.Outcome == RequestOutcome.NoRecords || r.Status == RequestStatus.Acknowledged
                || r.Events.Any(e => e.Kind == RequestEventKind.Acknowledged || e.Kind == RequestEventKind.ExtensionNotice
                    || e.Kind == RequestEventKind.ClarificationRequested || e.Kind == RequestEventKind.FeeEstimate
                    || e.Kind == RequestEventKind.AppealDecision || e.Kind == RequestEventKind.AgencyReply) ? (int)CoverageStage.Answered
            : r.Status != RequestStatus.Draft || r.SentOn != null ? (int)CoverageStage.Filed
            : (int)CoverageStage.Drafted,
        LastEventOn = r.Events.Max(e => (DateOnly?)e.OccurredOn),
        SentOn = r.SentOn,
        CreatedAt = r.CreatedAt,
    };

    // A draft with nothing on its timeline was last touched when it was written.
    private static DateOnly LastActivity(RequestProgress r) =>
        new[] { r.LastEventOn, r.SentOn }.Max() ?? DateOnly.FromDateTime(r.CreatedAt.UtcDateTime);

    private sealed class StagedAgency
    {
        public Guid Id { get; init; }
        public string Name { get; init; } = "";
        public string State { get; init; } = "";
        public int Stage { get; init; }
    }

    private sealed class RequestProgress
    {
        public Guid Id { get; init; }
        public Guid AgencyId { get; init; }
        public string Reference { get; init; } = "";
        public int Stage { get; init; }
        public DateOnly? LastEventOn { get; init; }
        public DateOnly? SentOn { get; init; }
        public DateTimeOffset CreatedAt { get; init; }
    }
}
