using Microsoft.EntityFrameworkCore;
using PraTracker.Data.Database;

namespace PraTracker.Data.Exemptions;

/// <summary>An exemption as the library lists it.</summary>
public sealed record ExemptionRow(
    Guid Id, string LawCode, string LawName, string Citation, string ShortName, string? Description, string? ProperUse, string? ImproperUse,
    string? SourceUrl, bool Seeded);

/// <summary>A law the library can be filtered by, with how many exemptions it holds.</summary>
public sealed record ExemptionLaw(string Code, string Jurisdiction, string Name, int Exemptions);

/// <summary>Which exemptions the library lists: one law's (by code), and words in the citation, name or description.</summary>
public sealed record ExemptionFilter(string? LawCode = null, string? Text = null);

/// <summary>An exemption as an attorney adds or edits it.</summary>
public sealed class ExemptionInput
{
    public string LawCode { get; set; } = "";
    public string Citation { get; set; } = "";
    public string ShortName { get; set; } = "";
    public string? Description { get; set; }
    public string? ProperUse { get; set; }
    public string? ImproperUse { get; set; }
    public string? SourceUrl { get; set; }
}

/// <summary>A change to the library or a withholding log: saved (with the row's id), or refused field by field ("" for the whole form).</summary>
public sealed record ExemptionSaveResult(IReadOnlyDictionary<string, string> Errors, Guid? Id)
{
    public bool Succeeded => Errors.Count == 0;

    public static ExemptionSaveResult Refused(string field, string message) => new(new Dictionary<string, string> { [field] = message }, null);
}

/// <summary>
/// Reads and edits the exemption library: the exemptions each public-records law allows, with notes for attorneys on
/// their proper and improper use. The library is law, public to every visitor; only staff change it.
/// </summary>
public static class ExemptionLibrary
{
    public const int MaxNameLength = 200;
    public const int MaxNoteLength = 4000;
    public const int MaxUrlLength = 500;

    /// <summary>One page of the library, sorted by "Law", "Citation" (the library's own order, the default) or "ShortName".</summary>
    public static Task<Page<ExemptionRow>> ListAsync(PraTrackerDbContext db, ExemptionFilter filter, PageRequest page, CancellationToken ct = default)
    {
        var query = db.Exemptions.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(filter.LawCode))
        {
            var code = filter.LawCode.Trim();
            query = query.Where(e => e.Law.Code == code);
        }

        if (!string.IsNullOrWhiteSpace(filter.Text))
        {
            var text = $"%{filter.Text.Trim().Replace("\\", "\\\\").Replace("%", "\\%").Replace("_", "\\_")}%";
            query = query.Where(e => EF.Functions.Like(e.Citation.ToLower(), text.ToLower(), "\\")
                || EF.Functions.Like(e.ShortName.ToLower(), text.ToLower(), "\\")
                || (e.Description != null && EF.Functions.Like(e.Description.ToLower(), text.ToLower(), "\\")));
        }

        var sorted = page.SortBy switch
        {
            nameof(ExemptionRow.ShortName) => query.OrderBy(e => e.ShortName, page.Descending).ThenBy(e => e.Law.Code),
            nameof(ExemptionRow.LawCode) => query.OrderBy(e => e.Law.Code, page.Descending).ThenBy(e => e.SortOrder),
            _ => query.OrderBy(e => e.Law.Code, page.Descending).ThenBy(e => e.SortOrder).ThenBy(e => e.Citation),
        };
        return sorted.ThenBy(e => e.Id)
            .Select(e => new ExemptionRow(e.Id, e.Law.Code, e.Law.Name, e.Citation, e.ShortName, e.Description, e.ProperUse, e.ImproperUse, e.SourceUrl, e.SeedKey != null))
            .ToPageAsync(page, ct);
    }

    /// <summary>Every law, with the number of exemptions the library holds for it, those with exemptions first.</summary>
    public static async Task<IReadOnlyList<ExemptionLaw>> LawsAsync(PraTrackerDbContext db, CancellationToken ct = default)
    {
        var laws = await db.Laws.AsNoTracking()
            .Select(l => new ExemptionLaw(l.Code, l.Jurisdiction, l.Name, db.Exemptions.Count(e => e.LawId == l.Id)))
            .ToListAsync(ct);
        return [.. laws.OrderByDescending(l => l.Exemptions > 0).ThenBy(l => l.Jurisdiction, StringComparer.OrdinalIgnoreCase)];
    }

    /// <summary>The exemptions of one law, in the library's order, as a picker offers them.</summary>
    public static async Task<IReadOnlyList<ExemptionRef>> OfLawAsync(PraTrackerDbContext db, Guid lawId, CancellationToken ct = default) =>
        await db.Exemptions.AsNoTracking()
            .Where(e => e.LawId == lawId)
            .OrderBy(e => e.SortOrder).ThenBy(e => e.Citation)
            .Select(e => new ExemptionRef(e.Id, e.Citation, e.ShortName))
            .ToListAsync(ct);

    public static async Task<ExemptionInput?> GetForEditAsync(PraTrackerDbContext db, Guid id, CancellationToken ct = default) =>
        await db.Exemptions.AsNoTracking()
            .Where(e => e.Id == id)
            .Select(e => new ExemptionInput
            {
                LawCode = e.Law.Code,
                Citation = e.Citation,
                ShortName = e.ShortName,
                Description = e.Description,
                ProperUse = e.ProperUse,
                ImproperUse = e.ImproperUse,
                SourceUrl = e.SourceUrl,
            })
            .SingleOrDefaultAsync(ct);

    /// <summary>Adds an exemption (no id) or edits one; an edit keeps its law. Nothing is saved when any field is refused.</summary>
    public static async Task<ExemptionSaveResult> SaveAsync(PraTrackerDbContext db, Guid? id, ExemptionInput input, CancellationToken ct = default)
    {
        var errors = new Dictionary<string, string>();
        Exemption? exemption = null;
        if (id is { } existingId && (exemption = await db.Exemptions.Include(e => e.Law).SingleOrDefaultAsync(e => e.Id == existingId, ct)) is null)
        {
            return ExemptionSaveResult.Refused("", "That exemption is no longer in the library; reload the page.");
        }

        var law = exemption?.Law
            ?? (string.IsNullOrWhiteSpace(input.LawCode) ? null : await db.Laws.SingleOrDefaultAsync(l => l.Code == input.LawCode.Trim(), ct));
        if (law is null)
        {
            errors[nameof(ExemptionInput.LawCode)] = "Choose the law the exemption belongs to.";
        }

        var citation = Clean(input.Citation);
        if (citation is null)
        {
            errors[nameof(ExemptionInput.Citation)] = "Give the citation as agencies write it (\"Gov. Code § 7923.600\").";
        }
        else if (citation.Length > MaxNameLength)
        {
            errors[nameof(ExemptionInput.Citation)] = $"Keep the citation under {MaxNameLength} characters.";
        }
        else if (law is not null)
        {
            var upper = citation.ToUpperInvariant();
            var others = await db.Exemptions.Where(e => e.LawId == law.Id && e.Id != (id ?? Guid.Empty)).Select(e => e.Citation).ToListAsync(ct);
            if (others.Any(c => c.ToUpperInvariant() == upper))
            {
                errors[nameof(ExemptionInput.Citation)] = $"{law.Name} already has an exemption cited as {citation}; edit that one instead.";
            }
        }

        var shortName = Clean(input.ShortName);
        if (shortName is null)
        {
            errors[nameof(ExemptionInput.ShortName)] = "Give the exemption a short name (\"Investigative records\").";
        }
        else if (shortName.Length > MaxNameLength)
        {
            errors[nameof(ExemptionInput.ShortName)] = $"Keep the short name under {MaxNameLength} characters.";
        }

        foreach (var (field, value) in new[]
                 {
                     (nameof(ExemptionInput.Description), input.Description), (nameof(ExemptionInput.ProperUse), input.ProperUse),
                     (nameof(ExemptionInput.ImproperUse), input.ImproperUse),
                 })
        {
            if (value is { Length: > MaxNoteLength })
            {
                errors[field] = $"This is {value.Length} characters; keep it under {MaxNoteLength}.";
            }
        }

        var url = Clean(input.SourceUrl);
        if (url is not null && (url.Length > MaxUrlLength || !Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https")))
        {
            errors[nameof(ExemptionInput.SourceUrl)] = "Give the source as a full web address (https://...), or leave it empty.";
        }

        if (errors.Count > 0)
        {
            return new ExemptionSaveResult(errors, null);
        }

        if (exemption is null)
        {
            var last = await db.Exemptions.Where(e => e.LawId == law!.Id).MaxAsync(e => (int?)e.SortOrder, ct) ?? 0;
            exemption = new Exemption { LawId = law!.Id, Citation = citation!, ShortName = shortName!, SortOrder = last + 1 };
            db.Exemptions.Add(exemption);
        }

        exemption.Citation = citation!;
        exemption.ShortName = shortName!;
        exemption.Description = Clean(input.Description);
        exemption.ProperUse = Clean(input.ProperUse);
        exemption.ImproperUse = Clean(input.ImproperUse);
        exemption.SourceUrl = url;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            return ExemptionSaveResult.Refused(nameof(ExemptionInput.Citation), "Someone saved the same citation for this law a moment ago; nothing was saved.");
        }

        return new ExemptionSaveResult(new Dictionary<string, string>(), exemption.Id);
    }

    /// <summary>Removes an exemption no withholding invokes; one in use is refused, with how many log entries cite it.</summary>
    public static async Task<ExemptionSaveResult> RemoveAsync(PraTrackerDbContext db, Guid id, CancellationToken ct = default)
    {
        if (await db.Exemptions.SingleOrDefaultAsync(e => e.Id == id, ct) is not { } exemption)
        {
            return ExemptionSaveResult.Refused("", "That exemption is no longer in the library.");
        }

        // Counted past the visibility filter: a private request's log must stop the removal as much as a public one's.
        var uses = await db.WithholdingExemptions.IgnoreQueryFilters().CountAsync(l => l.ExemptionId == id, ct);
        if (uses > 0)
        {
            return ExemptionSaveResult.Refused("",
                $"{exemption.Citation} is invoked in {uses} withholding log {(uses == 1 ? "entry" : "entries")}; remove it from {(uses == 1 ? "that entry" : "those entries")} first, or edit the exemption instead.");
        }

        db.Exemptions.Remove(exemption);
        await db.SaveChangesAsync(ct);
        return new ExemptionSaveResult(new Dictionary<string, string>(), id);
    }

    internal static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
