using Microsoft.EntityFrameworkCore;
using PraTracker.Data.Agencies;
using PraTracker.Data.Contracts;
using PraTracker.Data.Database;

namespace PraTracker.Data.Imports;

/// <summary>What a row does to what is on file.</summary>
public enum ImportMatch
{
    /// <summary>Nothing: the row has errors, or names no vendor.</summary>
    None,

    /// <summary>Created by the import.</summary>
    New,

    /// <summary>Already on file, matched by name (and state for agencies); left as it is.</summary>
    OnFile,

    /// <summary>The same as an earlier row of the file.</summary>
    EarlierRow,
}

/// <summary>One row of the preview: what it was read as, and what importing it would create or match.</summary>
public sealed record ImportPreviewRow(
    int Line, string Agency, string State, ImportMatch AgencyMatch, string? Vendor, ImportMatch VendorMatch, string? Technology,
    string? Contract, ImportMatch ContractMatch, IReadOnlyList<string> Errors, IReadOnlyList<string> Notes);

/// <summary>How many rows a file has and what importing it creates or finds already on file.</summary>
public sealed record ImportCounts(
    int Rows, int RowsWithErrors, int NewAgencies, int AgenciesOnFile, int NewVendors, int VendorsOnFile, int NewContracts, int ContractsOnFile, int NewProducts)
{
    public int RowsToImport => Rows - RowsWithErrors;
}

/// <summary>What importing a file would do, row by row, before anything is saved.</summary>
public sealed record ImportPreview(ImportFile File, IReadOnlyList<ImportPreviewRow> Rows, ImportCounts Counts);

/// <summary>
/// Matches a file's rows with the agencies, vendors and contracts on file and plans what to create. Agencies match by
/// name and state and vendors by name (<see cref="NameKeys"/>). A contract matches one on file between the same agency
/// and vendor with the same number, else the same title; a row that gives no title (an Atlas of Surveillance row)
/// matches a contract of that agency and vendor in its technology category. So importing a file twice creates nothing
/// the second time.
/// </summary>
public static class ImportPlanner
{
    public static async Task<ImportPreview> PreviewAsync(PraTrackerDbContext db, ImportFile file, CancellationToken ct = default)
    {
        var plan = await PlanAsync(db, file, ct);
        return new ImportPreview(file, plan.Rows, plan.Counts);
    }

    internal static async Task<ImportPlan> PlanAsync(PraTrackerDbContext db, ImportFile file, CancellationToken ct)
    {
        var plan = new ImportPlan();
        var agencies = (await db.Agencies.AsNoTracking().OrderBy(a => a.Name).Select(a => new { a.Id, a.Name, a.State }).ToListAsync(ct))
            .GroupBy(a => (NameKeys.Agency(a.Name), a.State)).ToDictionary(g => g.Key, g => g.First().Id);
        var vendors = (await db.Vendors.AsNoTracking().OrderBy(v => v.Name).Select(v => new { v.Id, v.Name }).ToListAsync(ct))
            .GroupBy(v => NameKeys.Vendor(v.Name)).ToDictionary(g => g.Key, g => g.First().Id);
        var categories = await db.TechnologyCategories.AsNoTracking().ToDictionaryAsync(c => c.Code, c => (c.Id, c.Name), ct);
        var laws = await db.Laws.AsNoTracking().ToDictionaryAsync(l => l.Code, l => l.Id, ct);
        var products = await db.Products.AsNoTracking().OrderBy(p => p.Name)
            .Select(p => new ProductOnFile(p.Id, p.VendorId, p.Name, p.TechnologyCategoryId)).ToListAsync(ct);

        var agencyIds = new Dictionary<(string, string), (Guid Id, int Line)>();
        var vendorIds = new Dictionary<string, (Guid Id, int Line)>();
        var resolved = new List<(ImportLine Line, Guid AgencyId, ImportMatch AgencyMatch, Guid? VendorId, ImportMatch VendorMatch, Guid? CategoryId)>();
        foreach (var line in file.Lines)
        {
            if (!line.IsValid)
            {
                plan.Rows.Add(Row(line, ImportMatch.None, ImportMatch.None, ImportMatch.None));
                continue;
            }

            var agencyKey = (NameKeys.Agency(line.Agency), line.State);
            ImportMatch agencyMatch;
            Guid agencyId;
            if (agencies.TryGetValue(agencyKey, out var existingAgency))
            {
                (agencyId, agencyMatch) = (existingAgency, ImportMatch.OnFile);
                plan.AgenciesOnFile.Add(agencyId);
            }
            else if (agencyIds.TryGetValue(agencyKey, out var earlier))
            {
                (agencyId, agencyMatch) = (earlier.Id, ImportMatch.EarlierRow);
            }
            else
            {
                var agency = new Agency
                {
                    Name = line.Agency,
                    State = line.State,
                    City = line.City,
                    County = line.County,
                    Kind = line.AgencyKind ?? AgencyKind.Other,
                    RecordsEmail = line.RecordsEmail,
                    LawId = laws.TryGetValue(line.State == "US" ? "US-FED" : $"US-{line.State}", out var lawId) ? lawId : null,
                };
                plan.NewAgencies.Add(agency);
                agencyIds[agencyKey] = (agency.Id, line.Line);
                (agencyId, agencyMatch) = (agency.Id, ImportMatch.New);
            }

            Guid? vendorId = null;
            var vendorMatch = ImportMatch.None;
            if (line.Vendor is { } vendorName)
            {
                var vendorKey = NameKeys.Vendor(vendorName);
                if (vendors.TryGetValue(vendorKey, out var existingVendor))
                {
                    (vendorId, vendorMatch) = (existingVendor, ImportMatch.OnFile);
                    plan.VendorsOnFile.Add(existingVendor);
                }
                else if (vendorIds.TryGetValue(vendorKey, out var earlier))
                {
                    (vendorId, vendorMatch) = (earlier.Id, ImportMatch.EarlierRow);
                }
                else
                {
                    var vendor = new Vendor { Name = vendorName, Website = line.VendorWebsite };
                    plan.NewVendors.Add(vendor);
                    vendorIds[vendorKey] = (vendor.Id, line.Line);
                    (vendorId, vendorMatch) = (vendor.Id, ImportMatch.New);
                }
            }

            Guid? categoryId = line.TechnologyCode is { } code && categories.TryGetValue(code, out var category) ? category.Id : null;
            resolved.Add((line, agencyId, agencyMatch, vendorId, vendorMatch, categoryId));
        }

        // Contracts on file, for the agencies on file that rows name with a vendor on file: only those can match.
        var agenciesWithContracts = resolved.Where(r => r.AgencyMatch == ImportMatch.OnFile && r.VendorMatch == ImportMatch.OnFile)
            .Select(r => r.AgencyId).Distinct().ToList();
        var contractsOnFile = (await db.Contracts.AsNoTracking()
                .Where(c => agenciesWithContracts.Contains(c.AgencyId))
                .OrderBy(c => c.Id)
                .Select(c => new { c.Id, c.AgencyId, c.VendorId, c.Title, c.Number, Categories = c.Products.Select(p => p.TechnologyCategoryId).ToList() })
                .ToListAsync(ct))
            .ToLookup(c => (c.AgencyId, c.VendorId));

        var contractsInFile = new Dictionary<(Guid, Guid, string), int>();
        var newProducts = new Dictionary<(Guid, Guid), Product>();
        foreach (var (line, agencyId, agencyMatch, vendorId, vendorMatch, categoryId) in resolved)
        {
            var contractMatch = ImportMatch.None;
            if (line.Contract is { } input && vendorId is { } vendor)
            {
                var titled = line.ContractTitled;
                var onFile = contractsOnFile[(agencyId, vendor)].FirstOrDefault(c =>
                    input.Number is { } number ? string.Equals(c.Number, number, StringComparison.OrdinalIgnoreCase)
                    : titled ? string.Equals(c.Title.Trim(), input.Title.Trim(), StringComparison.OrdinalIgnoreCase)
                    : categoryId is { } category && c.Categories.Contains(category));
                var fileKey = (agencyId, vendor, input.Number is { } n ? $"number:{n.ToLowerInvariant()}" : titled ? $"title:{input.Title.ToLowerInvariant()}" : $"category:{categoryId}");
                if (onFile is not null)
                {
                    contractMatch = ImportMatch.OnFile;
                    plan.ContractsOnFile.Add(onFile.Id);
                }
                else if (contractsInFile.ContainsKey(fileKey))
                {
                    contractMatch = ImportMatch.EarlierRow;
                }
                else
                {
                    contractsInFile[fileKey] = line.Line;
                    contractMatch = ImportMatch.New;
                    var contract = new Contract
                    {
                        AgencyId = agencyId,
                        VendorId = vendor,
                        Title = input.Title.Trim(),
                        Number = input.Number,
                        Status = input.Status,
                        ProcurementMethod = input.ProcurementMethod,
                        Amount = input.Amount,
                        Currency = input.Currency.Trim().ToUpperInvariant(),
                        StartsOn = input.StartsOn,
                        EndsOn = input.EndsOn,
                        RenewsOn = input.RenewsOn,
                        SourceUrl = input.SourceUrl,
                        Notes = input.Notes,
                    };
                    Guid? productId = categoryId is { } category ? ProductFor(vendor, category, line.TechnologyLabel) : null;
                    plan.NewContracts.Add((contract, productId));
                }
            }

            plan.Rows.Add(Row(line, agencyMatch, vendorMatch, contractMatch));
        }

        plan.Rows.Sort((a, b) => a.Line.CompareTo(b.Line));
        plan.Counts = new ImportCounts(
            file.Lines.Count, file.Lines.Count(l => !l.IsValid), plan.NewAgencies.Count, plan.AgenciesOnFile.Count, plan.NewVendors.Count,
            plan.VendorsOnFile.Count, plan.NewContracts.Count, plan.ContractsOnFile.Count, plan.NewProducts.Count);
        return plan;

        // A contract's technology is the vendor's product in that category: one on file, else one the import adds,
        // named after the category (the vendor's page then lists it).
        Guid ProductFor(Guid vendorId, Guid categoryId, string? label)
        {
            if (products.FirstOrDefault(p => p.VendorId == vendorId && p.CategoryId == categoryId) is { } onFile)
            {
                plan.ProductsOnFile.Add(onFile.Id);
                return onFile.Id;
            }

            if (!newProducts.TryGetValue((vendorId, categoryId), out var product))
            {
                var name = categories.Values.First(c => c.Id == categoryId).Name;
                if (products.Any(p => p.VendorId == vendorId && string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase)))
                {
                    name = $"{name} ({label})";
                }

                product = new Product { VendorId = vendorId, Name = name, TechnologyCategoryId = categoryId };
                newProducts[(vendorId, categoryId)] = product;
                plan.NewProducts.Add(product);
            }

            return product.Id;
        }
    }

    private static ImportPreviewRow Row(ImportLine line, ImportMatch agency, ImportMatch vendor, ImportMatch contract) =>
        new(line.Line, line.Agency, line.State, agency, line.Vendor, vendor, line.TechnologyLabel, line.Contract?.Title, contract, line.Errors, line.Notes);

    private sealed record ProductOnFile(Guid Id, Guid VendorId, string Name, Guid CategoryId);
}

/// <summary>What an import creates, worked out inside the transaction that saves it.</summary>
internal sealed class ImportPlan
{
    public List<ImportPreviewRow> Rows { get; } = [];
    public List<Agency> NewAgencies { get; } = [];
    public List<Vendor> NewVendors { get; } = [];
    public List<Product> NewProducts { get; } = [];
    public List<(Contract Contract, Guid? ProductId)> NewContracts { get; } = [];
    public HashSet<Guid> AgenciesOnFile { get; } = [];
    public HashSet<Guid> VendorsOnFile { get; } = [];
    public HashSet<Guid> ContractsOnFile { get; } = [];
    public HashSet<Guid> ProductsOnFile { get; } = [];
    public ImportCounts Counts { get; set; } = null!;
}
