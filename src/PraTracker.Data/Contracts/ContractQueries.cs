using Microsoft.EntityFrameworkCore;
using PraTracker.Data.Database;

namespace PraTracker.Data.Contracts;

/// <summary>A row of the contracts list.</summary>
public sealed record ContractRow(
    Guid Id, string Title, string AgencyName, string VendorName, ContractStatus Status, ProcurementMethod ProcurementMethod,
    decimal? Amount, string Currency, DateOnly? StartsOn, DateOnly? EndsOn);

/// <summary>A row of the vendors list; the request count covers only requests the viewer may see.</summary>
public sealed record VendorRow(Guid Id, string Name, string? Website, IReadOnlyList<string> Products, int ContractCount, int RequestCount);

/// <summary>What the contracts list is filtered by; every field is optional and they combine with "and".</summary>
public sealed record ContractFilter(string? Text = null, Guid? AgencyId = null, Guid? VendorId = null, string? CategoryCode = null, string? State = null);

/// <summary>Reads vendors and contracts; counts of requests go through the visibility filter.</summary>
public static class ContractQueries
{
    public static Task<Page<ContractRow>> ListAsync(PraTrackerDbContext db, string? text, PageRequest page, CancellationToken ct = default) =>
        ListAsync(db, new ContractFilter(text), page, ct);

    public static Task<Page<ContractRow>> ListAsync(PraTrackerDbContext db, ContractFilter filter, PageRequest page, CancellationToken ct = default)
    {
        var contracts = Filtered(db, filter);
        var sorted = page.SortBy switch
        {
            nameof(ContractRow.AgencyName) => contracts.OrderBy(c => c.Agency.Name, page.Descending),
            nameof(ContractRow.VendorName) => contracts.OrderBy(c => c.Vendor.Name, page.Descending),
            nameof(ContractRow.Status) => contracts.OrderBy(c => c.Status, page.Descending),
            nameof(ContractRow.Amount) => contracts.OrderBy(c => c.Amount, page.Descending),
            nameof(ContractRow.StartsOn) => contracts.OrderBy(c => c.StartsOn, page.Descending),
            nameof(ContractRow.EndsOn) => contracts.OrderBy(c => c.EndsOn, page.Descending),
            _ => contracts.OrderBy(c => c.Title, page.Descending),
        };
        return sorted.ThenBy(c => c.Id)
            .Select(c => new ContractRow(
                c.Id, c.Title, c.Agency.Name, c.Vendor.Name, c.Status, c.ProcurementMethod, c.Amount, c.Currency, c.StartsOn, c.EndsOn))
            .ToPageAsync(page, ct);
    }

    /// <summary>The contracts that match the filter: the list's rows, and its export's.</summary>
    internal static IQueryable<Contract> Filtered(PraTrackerDbContext db, ContractFilter filter)
    {
        var contracts = db.Contracts.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(filter.Text))
        {
            var lowered = filter.Text.Trim().ToLower();
            contracts = contracts.Where(c => c.Title.ToLower().Contains(lowered)
                || c.Vendor.Name.ToLower().Contains(lowered)
                || c.Agency.Name.ToLower().Contains(lowered));
        }

        if (filter.AgencyId is { } agencyId)
        {
            contracts = contracts.Where(c => c.AgencyId == agencyId);
        }

        if (filter.VendorId is { } vendorId)
        {
            contracts = contracts.Where(c => c.VendorId == vendorId);
        }

        if (!string.IsNullOrWhiteSpace(filter.CategoryCode))
        {
            contracts = contracts.Where(c => c.Products.Any(p => p.TechnologyCategory.Code == filter.CategoryCode));
        }

        if (!string.IsNullOrWhiteSpace(filter.State))
        {
            var state = filter.State.Trim().ToUpperInvariant();
            contracts = contracts.Where(c => c.Agency.State == state);
        }

        return contracts;
    }

    public static Task<Page<VendorRow>> ListVendorsAsync(PraTrackerDbContext db, string? text, PageRequest page, CancellationToken ct = default)
    {
        var vendors = db.Vendors.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(text))
        {
            var lowered = text.Trim().ToLower();
            vendors = vendors.Where(v => v.Name.ToLower().Contains(lowered) || v.Products.Any(p => p.Name.ToLower().Contains(lowered)));
        }

        var sorted = page.SortBy switch
        {
            nameof(VendorRow.ContractCount) => vendors.OrderBy(v => db.Contracts.Count(c => c.VendorId == v.Id), page.Descending),
            nameof(VendorRow.RequestCount) => vendors.OrderBy(v => db.RequestVendors.Count(l => l.VendorId == v.Id), page.Descending),
            _ => vendors.OrderBy(v => v.Name, page.Descending),
        };
        return sorted.ThenBy(v => v.Id)
            .Select(v => new VendorRow(
                v.Id, v.Name, v.Website,
                v.Products.OrderBy(p => p.Name).Select(p => p.Name).ToList(),
                db.Contracts.Count(c => c.VendorId == v.Id),
                db.RequestVendors.Count(l => l.VendorId == v.Id)))
            .ToPageAsync(page, ct);
    }
}
