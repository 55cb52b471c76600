using PraTracker.Data.Auditing;
using PraTracker.Data.Contracts;
using PraTracker.Data.Database;
using PraTracker.Data.Requests;
using PraTracker.Web.Security;

namespace PraTracker.Web.Features.Contracts;

/// <summary>The contracts and vendors pages: reads run as whoever is looking; creating and editing is for staff.</summary>
public sealed class ContractService(ViewerContextFactory contexts)
{
    public Task<Page<ContractRow>> ListAsync(string? text, PageRequest page, CancellationToken ct = default) =>
        contexts.ReadAsync(db => ContractQueries.ListAsync(db, text, page, ct), ct);

    public Task<Page<VendorRow>> ListVendorsAsync(string? text, PageRequest page, CancellationToken ct = default) =>
        contexts.ReadAsync(db => ContractQueries.ListVendorsAsync(db, text, page, ct), ct);

    public Task<ContractDetail?> GetContractAsync(Guid id, CancellationToken ct = default) =>
        contexts.ReadAsync(db => ContractPages.GetContractAsync(db, id, ct), ct);

    public Task<VendorDetail?> GetVendorAsync(Guid id, CancellationToken ct = default) =>
        contexts.ReadAsync(db => ContractPages.GetVendorAsync(db, id, ct), ct);

    public Task<IReadOnlyList<AgencyPick>> SearchAgenciesAsync(string? text, CancellationToken ct = default) =>
        contexts.ReadAsync(db => RequestFormOptions.SearchAgenciesAsync(db, text, ct), ct);

    public Task<AgencyPick?> FindAgencyAsync(Guid id, CancellationToken ct = default) =>
        contexts.ReadAsync(db => RequestFormOptions.FindAgencyAsync(db, id, ct), ct);

    public Task<IReadOnlyList<PickOption>> VendorsAsync(CancellationToken ct = default) =>
        contexts.ReadAsync(db => RequestFormOptions.VendorsAsync(db, ct), ct);

    public async Task<ContractInput?> GetContractForEditAsync(Guid id, CancellationToken ct = default)
    {
        await using var db = await contexts.OpenAsStaffAsync(ct);
        return await ContractPages.GetContractForEditAsync(db, id, ct);
    }

    public async Task<VendorInput?> GetVendorForEditAsync(Guid id, CancellationToken ct = default)
    {
        await using var db = await contexts.OpenAsStaffAsync(ct);
        return await ContractPages.GetVendorForEditAsync(db, id, ct);
    }

    public async Task<SaveResult> SaveContractAsync(Guid? id, ContractInput input, CancellationToken ct = default)
    {
        await using var db = await contexts.OpenAsStaffAsync(ct);
        return await ContractCommands.SaveContractAsync(db, id, input, ct);
    }

    public async Task<SaveResult> SaveVendorAsync(Guid? id, VendorInput input, CancellationToken ct = default)
    {
        await using var db = await contexts.OpenAsStaffAsync(ct);
        return await ContractCommands.SaveVendorAsync(db, id, input, ct);
    }

    public Task<IReadOnlyList<CodeOption>> CategoryCodesAsync(CancellationToken ct = default) =>
        contexts.ReadAsync(db => RequestFormOptions.CategoryCodesAsync(db, ct), ct);

    public Task<IReadOnlyList<VendorMapState>> VendorMapAsync(Guid? vendorId, string? categoryCode, CancellationToken ct = default) =>
        contexts.ReadAsync(db => VendorMap.ByStateAsync(db, vendorId, categoryCode, ct), ct);

    public Task<IReadOnlyList<VendorMapOverviewRow>> VendorMapOverviewAsync(CancellationToken ct = default) =>
        contexts.ReadAsync(db => VendorMap.OverviewAsync(db, ct), ct);

    public Task<IReadOnlyList<PickOption>> CategoriesAsync(CancellationToken ct = default) =>
        contexts.ReadAsync(db => RequestFormOptions.CategoriesAsync(db, ct), ct);

    public async Task<SaveResult> AddProductAsync(Guid vendorId, string name, Guid? categoryId, string? aliases, CancellationToken ct = default)
    {
        await using var db = await contexts.OpenAsStaffAsync(ct);
        return await ContractCommands.AddProductAsync(db, vendorId, name, categoryId, aliases, ct);
    }

    /// <summary>Who changed it and when; empty for visitors, whom the audit trail's visibility filter never shows it.</summary>
    public Task<IReadOnlyList<AuditRow>> HistoryAsync(Guid id, CancellationToken ct = default) =>
        contexts.ReadAsync(db => AuditQueries.HistoryAsync(db, [id], ct: ct), ct);
}
