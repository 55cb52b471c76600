using PraTracker.Data.Contracts;
using PraTracker.Data.Database;
using PraTracker.Web.Security;

namespace PraTracker.Web.Features.Contracts;

/// <summary>The contracts and vendors pages' reads, run as whoever is looking.</summary>
public sealed class ContractService(ViewerContextFactory contexts)
{
    public Task<Page<ContractRow>> ListAsync(string? text, PageRequest page, CancellationToken ct = default) =>
        contexts.ReadAsync(db => ContractQueries.ListAsync(db, text, page, ct), ct);

    public Task<Page<VendorRow>> ListVendorsAsync(string? text, PageRequest page, CancellationToken ct = default) =>
        contexts.ReadAsync(db => ContractQueries.ListVendorsAsync(db, text, page, ct), ct);
}
