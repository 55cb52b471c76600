using Microsoft.EntityFrameworkCore;
using PraTracker.Data.Agencies;
using PraTracker.Data.Database;

namespace PraTracker.Data.Contracts;

/// <summary>A contract as a row of the contracts export, which the importer reads back (<see cref="Imports.ImportPresets.PraTracker"/>).</summary>
public sealed record ContractExportRow(
    Guid Id, string AgencyName, string AgencyState, string? AgencyCity, string? AgencyCounty, AgencyKind AgencyKind, string? AgencyRecordsEmail,
    string VendorName, string? VendorWebsite, string? Technology, string Title, string? Number, ContractStatus Status, ProcurementMethod ProcurementMethod,
    decimal? Amount, string Currency, DateOnly? StartsOn, DateOnly? EndsOn, DateOnly? RenewsOn, string? SourceUrl, string? Notes);

/// <summary>The contracts list's rows, whole rather than a page, for the CSV export; contracts are public records.</summary>
public static class ContractExports
{
    public static IAsyncEnumerable<ContractExportRow> ContractsAsync(PraTrackerDbContext db, ContractFilter filter) =>
        ContractQueries.Filtered(db, filter)
            .OrderBy(c => c.Agency.Name).ThenBy(c => c.Vendor.Name).ThenBy(c => c.Title).ThenBy(c => c.Id)
            .Select(c => new ContractExportRow(
                c.Id, c.Agency.Name, c.Agency.State, c.Agency.City, c.Agency.County, c.Agency.Kind, c.Agency.RecordsEmail, c.Vendor.Name, c.Vendor.Website,
                // A contract's technology is its first product's category; the import reads one category per row.
                c.Products.OrderBy(p => p.TechnologyCategory.SortOrder).Select(p => p.TechnologyCategory.Name).FirstOrDefault(),
                c.Title, c.Number, c.Status, c.ProcurementMethod, c.Amount, c.Currency, c.StartsOn, c.EndsOn, c.RenewsOn, c.SourceUrl, c.Notes))
            .AsAsyncEnumerable();
}
