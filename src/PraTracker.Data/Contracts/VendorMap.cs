using Microsoft.EntityFrameworkCore;
using PraTracker.Data.Database;

namespace PraTracker.Data.Contracts;

/// <summary>An agency holding contracts with the vendor (or in the category) picked, and how many.</summary>
public sealed record VendorMapAgency(Guid Id, string Name, int Contracts);

/// <summary>One state on the vendor map: how many agencies there hold contracts, how many contracts, and which agencies.</summary>
public sealed record VendorMapState(string State, int Agencies, int Contracts, IReadOnlyList<VendorMapAgency> AgencyList);

/// <summary>A vendor's contracts in one technology category, for the overview shown when nothing is picked.</summary>
public sealed record VendorCategoryCount(string CategoryCode, string CategoryName, int Agencies, int Contracts);

/// <summary>A vendor on the overview: agencies and contracts in all, and by technology category of the products contracted.</summary>
public sealed record VendorMapOverviewRow(Guid VendorId, string VendorName, int Agencies, int Contracts, IReadOnlyList<VendorCategoryCount> Categories);

/// <summary>
/// Which agencies hold contracts with a vendor or for a technology, by state. Contracts, vendors and agencies are public
/// data, so nothing here depends on the viewer. A contract is in a category when one of its products is
/// (Contract.Products → Product.TechnologyCategory); a contract naming no product is in no category.
/// </summary>
public static class VendorMap
{
    /// <summary>The states where agencies hold contracts with the vendor and/or in the category given (by its code), most agencies first.</summary>
    public static async Task<IReadOnlyList<VendorMapState>> ByStateAsync(PraTrackerDbContext db, Guid? vendorId, string? categoryCode, CancellationToken ct = default)
    {
        var contracts = db.Contracts.AsNoTracking();
        if (vendorId is { } vendor)
        {
            contracts = contracts.Where(c => c.VendorId == vendor);
        }

        if (!string.IsNullOrWhiteSpace(categoryCode))
        {
            var code = categoryCode.Trim();
            contracts = contracts.Where(c => c.Products.Any(p => p.TechnologyCategory.Code == code));
        }

        var agencies = await contracts
            .GroupBy(c => new { c.AgencyId, c.Agency.Name, c.Agency.State })
            .Select(g => new { g.Key.AgencyId, g.Key.Name, g.Key.State, Contracts = g.Count() })
            .ToListAsync(ct);
        return agencies
            .GroupBy(a => a.State)
            .Select(g => new VendorMapState(
                g.Key, g.Count(), g.Sum(a => a.Contracts),
                [.. g.OrderBy(a => a.Name, StringComparer.OrdinalIgnoreCase).Select(a => new VendorMapAgency(a.AgencyId, a.Name, a.Contracts))]))
            .OrderByDescending(s => s.Agencies).ThenBy(s => s.State, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>Every vendor with contracts on file: agencies and contracts in all and by category, most agencies first.</summary>
    public static async Task<IReadOnlyList<VendorMapOverviewRow>> OverviewAsync(PraTrackerDbContext db, CancellationToken ct = default)
    {
        var totals = await db.Contracts.AsNoTracking()
            .GroupBy(c => new { c.VendorId, c.Vendor.Name })
            .Select(g => new { g.Key.VendorId, g.Key.Name, Agencies = g.Select(c => c.AgencyId).Distinct().Count(), Contracts = g.Count() })
            .ToListAsync(ct);
        var byCategory = (await db.Contracts.AsNoTracking()
                .SelectMany(c => c.Products, (c, p) => new
                {
                    c.VendorId,
                    ContractId = c.Id,
                    c.AgencyId,
                    p.TechnologyCategory.Code,
                    p.TechnologyCategory.Name,
                    p.TechnologyCategory.SortOrder,
                })
                .GroupBy(x => new { x.VendorId, x.Code, x.Name, x.SortOrder })
                .Select(g => new
                {
                    g.Key.VendorId,
                    g.Key.Code,
                    g.Key.Name,
                    g.Key.SortOrder,
                    Agencies = g.Select(x => x.AgencyId).Distinct().Count(),
                    Contracts = g.Select(x => x.ContractId).Distinct().Count(),
                })
                .ToListAsync(ct))
            .ToLookup(x => x.VendorId);
        return totals
            .Select(t => new VendorMapOverviewRow(
                t.VendorId, t.Name, t.Agencies, t.Contracts,
                [.. byCategory[t.VendorId].OrderBy(c => c.SortOrder).Select(c => new VendorCategoryCount(c.Code, c.Name, c.Agencies, c.Contracts))]))
            .OrderByDescending(r => r.Agencies).ThenBy(r => r.VendorName, StringComparer.OrdinalIgnoreCase)
            .ToList();
    }
}
