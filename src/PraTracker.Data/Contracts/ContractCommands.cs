using Microsoft.EntityFrameworkCore;
using PraTracker.Data.Database;
using PraTracker.Data.Documents.Mentions;

namespace PraTracker.Data.Contracts;

/// <summary>A contract as its form fills it in.</summary>
public sealed class ContractInput
{
    public Guid? AgencyId { get; set; }
    public Guid? VendorId { get; set; }
    public string Title { get; set; } = "";
    public string? Number { get; set; }
    public ContractStatus Status { get; set; }
    public ProcurementMethod ProcurementMethod { get; set; }
    public decimal? Amount { get; set; }
    public string Currency { get; set; } = "USD";
    public DateOnly? StartsOn { get; set; }
    public DateOnly? EndsOn { get; set; }
    public DateOnly? RenewsOn { get; set; }
    public string? ApprovingBody { get; set; }
    public DateOnly? ApprovedOn { get; set; }
    public string? SourceUrl { get; set; }
    public string? Notes { get; set; }

    public static ContractInput From(Contract contract) => new()
    {
        AgencyId = contract.AgencyId,
        VendorId = contract.VendorId,
        Title = contract.Title,
        Number = contract.Number,
        Status = contract.Status,
        ProcurementMethod = contract.ProcurementMethod,
        Amount = contract.Amount,
        Currency = contract.Currency,
        StartsOn = contract.StartsOn,
        EndsOn = contract.EndsOn,
        RenewsOn = contract.RenewsOn,
        ApprovingBody = contract.ApprovingBody,
        ApprovedOn = contract.ApprovedOn,
        SourceUrl = contract.SourceUrl,
        Notes = contract.Notes,
    };
}

/// <summary>A vendor as its form fills it in.</summary>
public sealed class VendorInput
{
    public string Name { get; set; } = "";
    public string? Website { get; set; }
    public string? Description { get; set; }

    /// <summary>Other names it goes by, one per line ("Clearview" for "Clearview AI").</summary>
    public string? Aliases { get; set; }
}

/// <summary>The outcome of saving a contract or a vendor: the problems keyed by field ("" for the whole form), or its id.</summary>
public sealed record SaveResult(IReadOnlyDictionary<string, string> Errors, Guid? Id)
{
    public bool Succeeded => Errors.Count == 0;

    public static SaveResult Refused(string field, string message) => new(new Dictionary<string, string> { [field] = message }, null);
}

/// <summary>Creates and edits contracts and vendors; each save is audited in the same transaction.</summary>
public static class ContractCommands
{
    public static IReadOnlyDictionary<string, string> Validate(ContractInput input)
    {
        var errors = new Dictionary<string, string>();
        if (string.IsNullOrWhiteSpace(input.Title))
        {
            errors[nameof(input.Title)] = "Give the contract a title (\"Spokeo for Law Enforcement subscription\").";
        }

        if (input.AgencyId is null)
        {
            errors[nameof(input.AgencyId)] = "Pick the agency.";
        }

        if (input.VendorId is null)
        {
            errors[nameof(input.VendorId)] = "Pick the vendor.";
        }

        if (input.Amount is < 0)
        {
            errors[nameof(input.Amount)] = "An amount cannot be negative.";
        }

        if (input.Currency.Trim().Length != 3 || !input.Currency.Trim().All(char.IsAsciiLetter))
        {
            errors[nameof(input.Currency)] = "Use a three-letter currency code (USD, GBP).";
        }

        if (input.StartsOn is { } start && input.EndsOn is { } end && end < start)
        {
            errors[nameof(input.EndsOn)] = "The contract cannot end before it starts.";
        }

        if (!string.IsNullOrWhiteSpace(input.SourceUrl)
            && !(Uri.TryCreate(input.SourceUrl.Trim(), UriKind.Absolute, out var uri) && uri.Scheme is "https" or "http"))
        {
            errors[nameof(input.SourceUrl)] = "The source must be a web address (https://...).";
        }

        return errors;
    }

    public static async Task<SaveResult> SaveContractAsync(PraTrackerDbContext db, Guid? id, ContractInput input, CancellationToken ct = default)
    {
        var errors = new Dictionary<string, string>(Validate(input));
        if (input.AgencyId is { } agencyId && !await db.Agencies.AnyAsync(a => a.Id == agencyId, ct))
        {
            errors[nameof(input.AgencyId)] = "That agency no longer exists.";
        }

        if (input.VendorId is { } vendorId && !await db.Vendors.AnyAsync(v => v.Id == vendorId, ct))
        {
            errors[nameof(input.VendorId)] = "That vendor no longer exists.";
        }

        if (errors.Count > 0)
        {
            return new SaveResult(errors, id);
        }

        Contract contract;
        if (id is { } existing)
        {
            if (await db.Contracts.SingleOrDefaultAsync(c => c.Id == existing, ct) is not { } found)
            {
                return SaveResult.Refused("", "That contract no longer exists.");
            }

            contract = found;
        }
        else
        {
            contract = new Contract { Title = input.Title.Trim() };
            db.Contracts.Add(contract);
        }

        contract.AgencyId = input.AgencyId!.Value;
        contract.VendorId = input.VendorId!.Value;
        contract.Title = input.Title.Trim();
        contract.Number = InputText.TrimmedOrNull(input.Number);
        contract.Status = input.Status;
        contract.ProcurementMethod = input.ProcurementMethod;
        contract.Amount = input.Amount;
        contract.Currency = input.Currency.Trim().ToUpperInvariant();
        contract.StartsOn = input.StartsOn;
        contract.EndsOn = input.EndsOn;
        contract.RenewsOn = input.RenewsOn;
        contract.ApprovingBody = InputText.TrimmedOrNull(input.ApprovingBody);
        contract.ApprovedOn = input.ApprovedOn;
        contract.SourceUrl = InputText.TrimmedOrNull(input.SourceUrl);
        contract.Notes = InputText.TrimmedOrNull(input.Notes);
        await db.SaveChangesAsync(ct);
        return new SaveResult(new Dictionary<string, string>(), contract.Id);
    }

    public static async Task<SaveResult> SaveVendorAsync(PraTrackerDbContext db, Guid? id, VendorInput input, CancellationToken ct = default)
    {
        var errors = new Dictionary<string, string>();
        var name = input.Name.Trim();
        if (name.Length == 0)
        {
            errors[nameof(input.Name)] = "Give the vendor's name.";
        }
        else if (await db.Vendors.AnyAsync(v => v.Name.ToLower() == name.ToLower() && v.Id != id, ct))
        {
            errors[nameof(input.Name)] = $"{name} is already on file.";
        }

        if (!string.IsNullOrWhiteSpace(input.Website)
            && !(Uri.TryCreate(input.Website.Trim(), UriKind.Absolute, out var uri) && uri.Scheme is "https" or "http"))
        {
            errors[nameof(input.Website)] = "The website must be a web address (https://...).";
        }

        if (Aliases.Problem(input.Aliases) is { } aliasProblem)
        {
            errors[nameof(input.Aliases)] = aliasProblem;
        }

        if (errors.Count > 0)
        {
            return new SaveResult(errors, id);
        }

        Vendor vendor;
        if (id is { } existing)
        {
            if (await db.Vendors.SingleOrDefaultAsync(v => v.Id == existing, ct) is not { } found)
            {
                return SaveResult.Refused("", "That vendor no longer exists.");
            }

            vendor = found;
        }
        else
        {
            vendor = new Vendor { Name = name };
            db.Vendors.Add(vendor);
        }

        vendor.Name = name;
        vendor.Website = InputText.TrimmedOrNull(input.Website);
        vendor.Description = InputText.TrimmedOrNull(input.Description);
        vendor.Aliases = Aliases.Normalise(input.Aliases, name);
        await db.SaveChangesAsync(ct);
        return new SaveResult(new Dictionary<string, string>(), vendor.Id);
    }

    /// <summary>
    /// Adds a product to a vendor's line-up, in one technology category (a product name is unique per vendor), with
    /// the other names it goes by, one per line, stored as a vendor's are.
    /// </summary>
    public static async Task<SaveResult> AddProductAsync(
        PraTrackerDbContext db, Guid vendorId, string name, Guid? categoryId, string? aliases = null, CancellationToken ct = default)
    {
        var trimmed = name.Trim();
        if (trimmed.Length == 0)
        {
            return SaveResult.Refused("ProductName", "Name the product.");
        }

        if (categoryId is null || !await db.TechnologyCategories.AnyAsync(c => c.Id == categoryId, ct))
        {
            return SaveResult.Refused("Category", "Pick the kind of technology it is.");
        }

        if (Aliases.Problem(aliases) is { } aliasProblem)
        {
            return SaveResult.Refused("ProductAliases", aliasProblem);
        }

        if (await db.Products.AnyAsync(p => p.VendorId == vendorId && p.Name.ToLower() == trimmed.ToLower(), ct))
        {
            return SaveResult.Refused("ProductName", $"{trimmed} is already listed.");
        }

        if (!await db.Vendors.AnyAsync(v => v.Id == vendorId, ct))
        {
            return SaveResult.Refused("", "That vendor no longer exists.");
        }

        var product = new Product { VendorId = vendorId, Name = trimmed, TechnologyCategoryId = categoryId.Value, Aliases = Aliases.Normalise(aliases, trimmed) };
        db.Products.Add(product);
        await db.SaveChangesAsync(ct);
        return new SaveResult(new Dictionary<string, string>(), product.Id);
    }

}
