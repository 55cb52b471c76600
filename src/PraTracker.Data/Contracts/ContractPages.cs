using Microsoft.EntityFrameworkCore;
using PraTracker.Data.Database;
using PraTracker.Data.Documents.Mentions;
using PraTracker.Data.Requests;

namespace PraTracker.Data.Contracts;

/// <summary>A request about a contract or a vendor, as their pages list it.</summary>
public sealed record RelatedRequest(Guid Id, string Reference, string Title, string AgencyName, RequestStatus Status);

/// <summary>A document released on a request about a contract.</summary>
public sealed record RelatedDocument(Guid Id, string Title, string FileName, Guid RequestId, string RequestReference);

/// <summary>A contract's page: its terms, and the requests and documents about it the viewer may see.</summary>
public sealed record ContractDetail(
    Guid Id, string Title, Guid AgencyId, string AgencyName, Guid VendorId, string VendorName, IReadOnlyList<string> Products, string? Number,
    ContractStatus Status, ProcurementMethod ProcurementMethod, decimal? Amount, string Currency, DateOnly? StartsOn, DateOnly? EndsOn,
    DateOnly? RenewsOn, string? ApprovingBody, DateOnly? ApprovedOn, string? SourceUrl, string? Notes,
    IReadOnlyList<RelatedRequest> Requests, IReadOnlyList<RelatedDocument> Documents);

/// <summary>An agency contracting with a vendor.</summary>
public sealed record VendorCustomer(Guid AgencyId, string AgencyName, string State, Guid ContractId, string ContractTitle, ContractStatus Status);

/// <summary>A vendor's page: its other names and products, every agency that contracts with it, and the requests about it the viewer may see.</summary>
public sealed record VendorDetail(
    Guid Id, string Name, IReadOnlyList<string> Aliases, string? Website, string? Description, IReadOnlyList<string> Products,
    IReadOnlyList<VendorCustomer> Customers, IReadOnlyList<RelatedRequest> Requests);

/// <summary>Reads contract and vendor pages; requests and documents go through the visibility filter.</summary>
public static class ContractPages
{
    public static async Task<ContractDetail?> GetContractAsync(PraTrackerDbContext db, Guid id, CancellationToken ct = default)
    {
        var contract = await db.Contracts.AsNoTracking()
            .Include(c => c.Agency).Include(c => c.Vendor).Include(c => c.Products)
            .AsSplitQuery()
            .SingleOrDefaultAsync(c => c.Id == id, ct);
        if (contract is null)
        {
            return null;
        }

        var requests = await db.Requests.AsNoTracking()
            .Where(r => r.ContractLinks.Any(l => l.ContractId == id))
            .OrderBy(r => r.Reference)
            .Select(r => new RelatedRequest(r.Id, r.Reference, r.Title, r.Agency.Name, r.Status))
            .ToListAsync(ct);
        var documents = await db.Documents.AsNoTracking()
            .Where(d => d.Request.ContractLinks.Any(l => l.ContractId == id))
            .OrderBy(d => d.Title)
            .Select(d => new RelatedDocument(d.Id, d.Title, d.FileName, d.RequestId, d.Request.Reference))
            .ToListAsync(ct);
        return new ContractDetail(contract.Id, contract.Title, contract.AgencyId, contract.Agency.Name, contract.VendorId, contract.Vendor.Name,
            [.. contract.Products.Select(p => p.Name)], contract.Number, contract.Status, contract.ProcurementMethod, contract.Amount, contract.Currency,
            contract.StartsOn, contract.EndsOn, contract.RenewsOn, contract.ApprovingBody, contract.ApprovedOn, contract.SourceUrl, contract.Notes,
            requests, documents);
    }

    public static async Task<ContractInput?> GetContractForEditAsync(PraTrackerDbContext db, Guid id, CancellationToken ct = default) =>
        await db.Contracts.AsNoTracking().SingleOrDefaultAsync(c => c.Id == id, ct) is { } contract ? ContractInput.From(contract) : null;

    public static async Task<VendorDetail?> GetVendorAsync(PraTrackerDbContext db, Guid id, CancellationToken ct = default)
    {
        var vendor = await db.Vendors.AsNoTracking().SingleOrDefaultAsync(v => v.Id == id, ct);
        if (vendor is null)
        {
            return null;
        }

        var customers = await db.Contracts.AsNoTracking()
            .Where(c => c.VendorId == id)
            .OrderBy(c => c.Agency.State).ThenBy(c => c.Agency.Name)
            .Select(c => new VendorCustomer(c.AgencyId, c.Agency.Name, c.Agency.State, c.Id, c.Title, c.Status))
            .ToListAsync(ct);
        var requests = await db.Requests.AsNoTracking()
            .Where(r => r.VendorLinks.Any(l => l.VendorId == id) || r.ContractLinks.Any(l => l.Contract.VendorId == id))
            .OrderBy(r => r.Reference)
            .Select(r => new RelatedRequest(r.Id, r.Reference, r.Title, r.Agency.Name, r.Status))
            .ToListAsync(ct);
        var products = await db.Products.AsNoTracking().Where(p => p.VendorId == id).OrderBy(p => p.Name)
            .Select(p => p.Name + " (" + p.TechnologyCategory.Name + ")")
            .ToListAsync(ct);
        return new VendorDetail(vendor.Id, vendor.Name, Aliases.Split(vendor.Aliases), vendor.Website, vendor.Description, products, customers, requests);
    }

    public static async Task<VendorInput?> GetVendorForEditAsync(PraTrackerDbContext db, Guid id, CancellationToken ct = default) =>
        await db.Vendors.AsNoTracking().SingleOrDefaultAsync(v => v.Id == id, ct) is { } vendor
            ? new VendorInput { Name = vendor.Name, Website = vendor.Website, Description = vendor.Description, Aliases = vendor.Aliases }
            : null;
}
