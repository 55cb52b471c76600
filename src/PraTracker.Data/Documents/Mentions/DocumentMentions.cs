using Microsoft.EntityFrameworkCore;
using PraTracker.Data.Contracts;
using PraTracker.Data.Database;

namespace PraTracker.Data.Documents.Mentions;

/// <summary>A mention as the document page shows it, with what it names and, for a vendor or product, the contracts its facts may go to.</summary>
public sealed record MentionView(
    Guid Id, MentionKind Kind, Guid TargetId, string TargetName, string? VendorName, string Name, IReadOnlyList<int> Pages, int Occurrences,
    IReadOnlyList<ContractFact> Facts, MentionStatus Status, DateTimeOffset? DecidedAt)
{
    /// <summary>Where the thing named has its own page.</summary>
    public string Href => Kind switch
    {
        MentionKind.Vendor => $"/vendors/{TargetId}",
        MentionKind.Agency => $"/agencies/{TargetId}",
        MentionKind.Contract => $"/contracts/{TargetId}",
        _ => $"/vendors/{VendorIdOfProduct}",
    };

    public Guid? VendorIdOfProduct { get; init; }
}

/// <summary>A contract a fact can be copied into, with what it holds now.</summary>
public sealed record FactTarget(Guid ContractId, string Title, string AgencyName, bool SameAgency, string? Number, decimal? Amount, DateOnly? StartsOn, DateOnly? EndsOn);

/// <summary>A document that names a vendor or contract, as the vendor and contract pages list it.</summary>
public sealed record MentioningDocument(Guid DocumentId, string Title, string RequestReference, string AgencyName, DateOnly ReleasedOn, string Name, IReadOnlyList<int> Pages);

/// <summary>The contract fields a candidate fact can be copied into.</summary>
public enum ContractField
{
    Number,
    Amount,
    StartsOn,
    EndsOn,
    RenewsOn,
    ApprovedOn,
}

/// <summary>What one look at a document's text found.</summary>
public sealed record MentionScan(int Found, int Added, int Removed);

/// <summary>
/// Finds the vendors, products, agencies and contracts a released document names, and keeps what attorneys decide
/// about them. Names are matched by <see cref="NameMatcher"/>, which reads the text once whatever the number of names;
/// amounts, contract numbers and dates near a vendor's or product's name are kept as candidate facts.
/// </summary>
public static class DocumentMentions
{
    /// <summary>At most this many candidate facts are kept per mention, nearest first.</summary>
    public const int MaxFacts = 12;

    /// <summary>Every name to look for: vendors, products and agencies with their other names, and contract numbers.</summary>
    public static async Task<NameMatcher> MatcherAsync(PraTrackerDbContext db, CancellationToken ct = default)
    {
        var names = new List<KnownName>();
        foreach (var v in await db.Vendors.AsNoTracking().Select(v => new { v.Id, v.Name, v.Aliases }).ToListAsync(ct))
        {
            names.AddRange(Named(v.Name, v.Aliases, new MentionTarget(MentionKind.Vendor, v.Id)));
        }

        foreach (var p in await db.Products.AsNoTracking().Select(p => new { p.Id, p.Name, p.Aliases }).ToListAsync(ct))
        {
            names.AddRange(Named(p.Name, p.Aliases, new MentionTarget(MentionKind.Product, p.Id)));
        }

        foreach (var a in await db.Agencies.AsNoTracking().Select(a => new { a.Id, a.Name, a.Aliases }).ToListAsync(ct))
        {
            names.AddRange(Named(a.Name, a.Aliases, new MentionTarget(MentionKind.Agency, a.Id)));
        }

        foreach (var c in await db.Contracts.AsNoTracking().Where(c => c.Number != null).Select(c => new { c.Id, c.Number }).ToListAsync(ct))
        {
            names.Add(new KnownName(c.Number!, new MentionTarget(MentionKind.Contract, c.Id)));
        }

        return new NameMatcher(names);
    }

    private static IEnumerable<KnownName> Named(string name, string? aliases, MentionTarget target) =>
        Aliases.Split(aliases).Prepend(name).Select(n => new KnownName(n, target));

    /// <summary>
    /// Reads one document's text for names and records them: new ones as suggestions, known ones with their pages and
    /// facts brought up to date, suggestions no longer found removed; confirmed and rejected ones keep the decision.
    /// The agency the document came from is not suggested: the document is already linked to it. Saved at once.
    /// </summary>
    public static async Task<MentionScan> FindAsync(PraTrackerDbContext db, NameMatcher matcher, Guid documentId, DateTimeOffset now, CancellationToken ct = default)
    {
        var document = await db.Documents.AsNoTracking().Where(d => d.Id == documentId)
            .Select(d => new { d.ExtractedText, d.PageCount, d.Request.AgencyId })
            .SingleOrDefaultAsync(ct);
        if (document is null)
        {
            return new MentionScan(0, 0, 0);
        }

        var pages = await db.DocumentPages.AsNoTracking().Where(p => p.DocumentId == documentId).OrderBy(p => p.Number).Select(p => p.Text).ToListAsync(ct);
        var hasPages = pages.Count > 0;
        if (!hasPages)
        {
            pages = [document.ExtractedText ?? ""];
        }

        var found = matcher.FindAll(pages)
            .Where(m => !(m.Target.Kind == MentionKind.Agency && m.Target.Id == document.AgencyId))
            .GroupBy(m => m.Target)
            .ToDictionary(g => g.Key, g => g.ToList());

        var existing = await db.DocumentMentions.Where(m => m.DocumentId == documentId).ToListAsync(ct);
        var removed = 0;
        foreach (var mention in existing)
        {
            var target = new MentionTarget(mention.Kind, mention.TargetId);
            if (found.Remove(target, out var matches))
            {
                Describe(mention, matches, pages, hasPages);
            }
            else if (mention.Status == MentionStatus.Suggested)
            {
                db.DocumentMentions.Remove(mention);
                removed++;
            }
        }

        foreach (var (target, matches) in found)
        {
            var mention = new DocumentMention
            {
                DocumentId = documentId,
                Kind = target.Kind,
                VendorId = target.Kind == MentionKind.Vendor ? target.Id : null,
                ProductId = target.Kind == MentionKind.Product ? target.Id : null,
                AgencyId = target.Kind == MentionKind.Agency ? target.Id : null,
                ContractId = target.Kind == MentionKind.Contract ? target.Id : null,
                Name = matches[0].Name,
                Status = MentionStatus.Suggested,
                FoundAt = now,
            };
            Describe(mention, matches, pages, hasPages);
            db.DocumentMentions.Add(mention);
        }

        await db.SaveChangesAsync(ct);
        return new MentionScan(existing.Count - removed + found.Count, found.Count, removed);
    }

    private static void Describe(DocumentMention mention, List<NameMatch> matches, IReadOnlyList<string> pages, bool hasPages)
    {
        mention.Name = matches[0].Name;
        mention.Pages = hasPages ? [.. matches.Select(m => m.Page).Distinct().Order()] : [];
        mention.Occurrences = matches.Count;
        mention.Facts = mention.Kind is MentionKind.Vendor or MentionKind.Product
            ? [.. matches
                .SelectMany(m => ContractFacts.Near(pages[m.Page - 1], hasPages ? m.Page : 0, m.Start, m.Length))
                .DistinctBy(f => (f.Kind, f.Amount, f.Date, f.Number?.ToUpperInvariant()))
                .Take(MaxFacts)]
            : [];
    }

    /// <summary>The mentions of a document the viewer may see: confirmed ones for everyone, suggestions and rejections for staff.</summary>
    public static async Task<List<MentionView>> ForDocumentAsync(PraTrackerDbContext db, Guid documentId, CancellationToken ct = default)
    {
        var rows = await db.DocumentMentions.AsNoTracking().Where(m => m.DocumentId == documentId)
            .Select(m => new
            {
                m.Id,
                m.Kind,
                m.VendorId,
                m.ProductId,
                m.AgencyId,
                m.ContractId,
                m.Name,
                m.Pages,
                m.Occurrences,
                m.Facts,
                m.Status,
                m.DecidedAt,
                VendorName = m.Vendor != null ? m.Vendor.Name : null,
                ProductName = m.Product != null ? m.Product.Name : null,
                ProductVendorId = m.Product != null ? m.Product.VendorId : (Guid?)null,
                ProductVendorName = m.Product != null ? m.Product.Vendor.Name : null,
                AgencyName = m.Agency != null ? m.Agency.Name : null,
                ContractTitle = m.Contract != null ? m.Contract.Title : null,
                ContractVendorName = m.Contract != null ? m.Contract.Vendor.Name : null,
            })
            .ToListAsync(ct);
        return [.. rows
            .Select(m => new MentionView(
                m.Id, m.Kind, (m.VendorId ?? m.ProductId ?? m.AgencyId ?? m.ContractId)!.Value,
                m.VendorName ?? m.ProductName ?? m.AgencyName ?? m.ContractTitle ?? m.Name,
                m.Kind switch { MentionKind.Product => m.ProductVendorName, MentionKind.Contract => m.ContractVendorName, _ => null },
                m.Name, m.Pages, m.Occurrences, m.Facts, m.Status, m.DecidedAt)
            { VendorIdOfProduct = m.ProductVendorId })
            .OrderBy(m => m.Status == MentionStatus.Rejected)
            .ThenBy(m => m.Pages.Count > 0 ? m.Pages[0] : 0)
            .ThenBy(m => m.TargetName, StringComparer.OrdinalIgnoreCase)];
    }

    /// <summary>Confirms or rejects a mention, or takes a decision back (Suggested); returns why not, or null.</summary>
    public static async Task<string?> DecideAsync(PraTrackerDbContext db, Guid mentionId, MentionStatus status, DateTimeOffset now, CancellationToken ct = default)
    {
        if (await db.DocumentMentions.SingleOrDefaultAsync(m => m.Id == mentionId, ct) is not { } mention)
        {
            return "That mention is no longer there; the document's text may have been read again.";
        }

        mention.Status = status;
        mention.DecidedByUserId = status == MentionStatus.Suggested ? null : db.Viewer.UserId;
        mention.DecidedAt = status == MentionStatus.Suggested ? null : now;
        await db.SaveChangesAsync(ct);
        return null;
    }

    /// <summary>
    /// The contracts a vendor's or product's mention can give facts to: that vendor's contracts, those with the agency
    /// the document came from first.
    /// </summary>
    public static async Task<List<FactTarget>> FactTargetsAsync(PraTrackerDbContext db, Guid mentionId, CancellationToken ct = default)
    {
        var mention = await db.DocumentMentions.AsNoTracking().Where(m => m.Id == mentionId)
            .Select(m => new { VendorId = m.VendorId ?? (m.Product != null ? m.Product.VendorId : (Guid?)null), m.Document.Request.AgencyId })
            .SingleOrDefaultAsync(ct);
        if (mention?.VendorId is not { } vendorId)
        {
            return [];
        }

        return await db.Contracts.AsNoTracking().Where(c => c.VendorId == vendorId)
            .OrderByDescending(c => c.AgencyId == mention.AgencyId).ThenBy(c => c.Agency.Name).ThenBy(c => c.Title)
            .Select(c => new FactTarget(c.Id, c.Title, c.Agency.Name, c.AgencyId == mention.AgencyId, c.Number, c.Amount, c.StartsOn, c.EndsOn))
            .ToListAsync(ct);
    }

    /// <summary>The fields a fact of this kind can fill.</summary>
    public static IReadOnlyList<ContractField> FieldsFor(ContractFactKind kind) => kind switch
    {
        ContractFactKind.Amount => [ContractField.Amount],
        ContractFactKind.Number => [ContractField.Number],
        _ => [ContractField.StartsOn, ContractField.EndsOn, ContractField.RenewsOn, ContractField.ApprovedOn],
    };

    /// <summary>Copies one of a mention's candidate facts into a field of one of its vendor's contracts; returns why not, or null.</summary>
    public static async Task<string?> CopyFactAsync(
        PraTrackerDbContext db, Guid mentionId, int factIndex, Guid contractId, ContractField field, CancellationToken ct = default)
    {
        var mention = await db.DocumentMentions.AsNoTracking().Where(m => m.Id == mentionId)
            .Select(m => new { m.Facts, VendorId = m.VendorId ?? (m.Product != null ? m.Product.VendorId : (Guid?)null) })
            .SingleOrDefaultAsync(ct);
        if (mention is null || factIndex < 0 || factIndex >= mention.Facts.Count)
        {
            return "That fact is no longer there; the document's text may have been read again.";
        }

        var fact = mention.Facts[factIndex];
        if (!FieldsFor(fact.Kind).Contains(field))
        {
            var what = fact.Kind switch { ContractFactKind.Amount => "An amount", ContractFactKind.Number => "A contract number", _ => "A date" };
            return $"{what} cannot go into the contract's {FieldName(field)}.";
        }

        if (await db.Contracts.SingleOrDefaultAsync(c => c.Id == contractId, ct) is not { } contract)
        {
            return "That contract no longer exists.";
        }

        if (contract.VendorId != mention.VendorId)
        {
            return "That contract is with another vendor.";
        }

        switch (field)
        {
            case ContractField.Number when fact.Number is { Length: > 0 } number:
                contract.Number = number.Length > 100 ? number[..100] : number;
                break;
            case ContractField.Amount when fact.Amount is { } amount:
                contract.Amount = amount;
                break;
            case ContractField.StartsOn when fact.Date is { } date:
                contract.StartsOn = date;
                break;
            case ContractField.EndsOn when fact.Date is { } date:
                contract.EndsOn = date;
                break;
            case ContractField.RenewsOn when fact.Date is { } date:
                contract.RenewsOn = date;
                break;
            case ContractField.ApprovedOn when fact.Date is { } date:
                contract.ApprovedOn = date;
                break;
            default:
                return "That fact holds no value to copy.";
        }

        if (contract.StartsOn is { } start && contract.EndsOn is { } end && end < start)
        {
            return $"The contract would end ({end:yyyy-MM-dd}) before it starts ({start:yyyy-MM-dd}); nothing was changed.";
        }

        await db.SaveChangesAsync(ct);
        return null;
    }

    public static string FieldName(ContractField field) => field switch
    {
        ContractField.Number => "number",
        ContractField.Amount => "amount",
        ContractField.StartsOn => "start date",
        ContractField.EndsOn => "end date",
        ContractField.RenewsOn => "renewal date",
        _ => "approval date",
    };

    /// <summary>Documents the viewer may see with a confirmed mention of the vendor or one of its products, newest first.</summary>
    public static Task<Page<MentioningDocument>> ForVendorAsync(PraTrackerDbContext db, Guid vendorId, PageRequest page, CancellationToken ct = default) =>
        Listed(db.DocumentMentions.Where(m => m.Status == MentionStatus.Confirmed
                && (m.VendorId == vendorId || (m.Product != null && m.Product.VendorId == vendorId))))
            .ToPageAsync(page, ct);

    /// <summary>
    /// Documents the viewer may see with a confirmed mention of the contract's number, or of its vendor (or one of its
    /// products) in a document released by the contract's agency.
    /// </summary>
    public static Task<Page<MentioningDocument>> ForContractAsync(PraTrackerDbContext db, Contract contract, PageRequest page, CancellationToken ct = default) =>
        Listed(db.DocumentMentions.Where(m => m.Status == MentionStatus.Confirmed
                && (m.ContractId == contract.Id
                    || ((m.VendorId == contract.VendorId || (m.Product != null && m.Product.VendorId == contract.VendorId))
                        && m.Document.Request.AgencyId == contract.AgencyId))))
            .ToPageAsync(page, ct);

    // A document named twice (the vendor and its product) is listed once per mention: each row says which name it was.
    private static IQueryable<MentioningDocument> Listed(IQueryable<DocumentMention> mentions) =>
        mentions.AsNoTracking()
            .OrderByDescending(m => m.Document.ReleasedOn).ThenBy(m => m.Document.Title).ThenBy(m => m.Id)
            .Select(m => new MentioningDocument(m.DocumentId, m.Document.Title, m.Document.Request.Reference, m.Document.Request.Agency.Name, m.Document.ReleasedOn, m.Name, m.Pages));
}
