using Microsoft.EntityFrameworkCore;
using PraTracker.Data.Database;
using PraTracker.Data.Requests;

namespace PraTracker.Data.Exemptions;

/// <summary>One entry of a withholding log as the request page, the printable log and the CSV show it.</summary>
public sealed record WithholdingRow(
    Guid Id, int Number, Guid? EventId, RequestEventKind? EventKind, DateOnly? EventOn, string Records, WithholdingExtent Extent, string? Quantity,
    IReadOnlyList<ExemptionRef> Exemptions, IReadOnlyList<string> OtherCitations, string? AgencyReason, Guid? DocumentId, string? DocumentTitle)
{
    /// <summary>Every citation the agency gave for it: the library's first, in the library's order, then the others as written.</summary>
    public IReadOnlyList<string> Citations => [.. Exemptions.Select(e => e.Citation), .. OtherCitations];
}

/// <summary>A request's withholding log: which request, agency and law it is under, and its entries in order.</summary>
public sealed record WithholdingLogView(
    Guid RequestId, string Reference, string Title, string AgencyName, string LawName, string LawCitation, IReadOnlyList<WithholdingRow> Entries);

/// <summary>A response a withholding can come from, with what the agency cited in it.</summary>
public sealed record WithholdingEventChoice(Guid Id, RequestEventKind Kind, DateOnly OccurredOn, string Summary, string? ExemptionsCited);

/// <summary>What the withholding form picks from: the request's responses, its documents and its law's exemptions.</summary>
public sealed record WithholdingChoices(
    IReadOnlyList<WithholdingEventChoice> Events, IReadOnlyList<PickOption> Documents, IReadOnlyList<ExemptionRef> Exemptions, string LawName);

/// <summary>One withholding as an attorney logs it from the agency's response.</summary>
public sealed class WithholdingInput
{
    public Guid? EventId { get; set; }
    public string Records { get; set; } = "";
    public WithholdingExtent Extent { get; set; }
    public string? Quantity { get; set; }
    public Guid? DocumentId { get; set; }
    public IReadOnlyCollection<Guid> ExemptionIds { get; set; } = [];

    /// <summary>Citations the library lacks, one a line.</summary>
    public string? OtherCitations { get; set; }
    public string? AgencyReason { get; set; }
}

/// <summary>
/// Reads and changes a request's withholding log (a Vaughn-style index): each entry is a record or group of records
/// an agency withheld in a denial or production, the exemptions it invoked and its stated reason, numbered 1, 2, 3...
/// in the order logged. Numbers close up when an entry is removed, so the log a court sees has no gaps.
/// </summary>
public static class WithholdingLog
{
    public const int MaxRecordsLength = 2000;
    public const int MaxQuantityLength = 200;
    public const int MaxReasonLength = 8000;
    public const int MaxOtherCitationsLength = 2000;

    /// <summary>The request's log as the viewer may see it; null when the request is not there or not the viewer's to see.</summary>
    public static async Task<WithholdingLogView?> GetAsync(PraTrackerDbContext db, Guid requestId, CancellationToken ct = default)
    {
        var header = await db.Requests.AsNoTracking()
            .Where(r => r.Id == requestId)
            .Select(r => new { r.Id, r.Reference, r.Title, AgencyName = r.Agency.Name, LawName = r.Law.Name, LawCitation = r.Law.Citation })
            .SingleOrDefaultAsync(ct);
        return header is null ? null
            : new WithholdingLogView(header.Id, header.Reference, header.Title, header.AgencyName, header.LawName, header.LawCitation, await EntriesAsync(db, requestId, ct));
    }

    /// <summary>The request's entries in number order, each document shown only if the viewer may see it.</summary>
    public static async Task<IReadOnlyList<WithholdingRow>> EntriesAsync(PraTrackerDbContext db, Guid requestId, CancellationToken ct = default)
    {
        var entries = await db.Withholdings.AsNoTracking()
            .Where(w => w.RequestId == requestId)
            .OrderBy(w => w.Number)
            .Select(w => new
            {
                w.Id,
                w.Number,
                w.EventId,
                EventKind = w.Event != null ? (RequestEventKind?)w.Event.Kind : null,
                EventOn = w.Event != null ? (DateOnly?)w.Event.OccurredOn : null,
                w.Records,
                w.Extent,
                w.Quantity,
                w.OtherCitations,
                w.AgencyReason,
                w.DocumentId,
                Exemptions = w.Exemptions.OrderBy(l => l.Exemption.SortOrder).ThenBy(l => l.Exemption.Citation)
                    .Select(l => new ExemptionRef(l.Exemption.Id, l.Exemption.Citation, l.Exemption.ShortName)).ToList(),
            })
            .ToListAsync(ct);

        // Documents through their own filter: an unpublished or embargoed document is never named to a visitor.
        var documentIds = entries.Where(e => e.DocumentId is not null).Select(e => e.DocumentId!.Value).Distinct().ToList();
        var documents = documentIds.Count == 0 ? []
            : await db.Documents.AsNoTracking().Where(d => documentIds.Contains(d.Id)).ToDictionaryAsync(d => d.Id, d => d.Title, ct);
        return
        [
            .. entries.Select(e => new WithholdingRow(
                e.Id, e.Number, e.EventId, e.EventKind, e.EventOn, e.Records, e.Extent, e.Quantity, e.Exemptions, Lines(e.OtherCitations), e.AgencyReason,
                e.DocumentId is { } d && documents.ContainsKey(d) ? d : null,
                e.DocumentId is { } t && documents.TryGetValue(t, out var title) ? title : null)),
        ];
    }

    /// <summary>What the form offers for a request: its denials and productions, its documents and its law's exemptions; null when it is not there.</summary>
    public static async Task<WithholdingChoices?> ChoicesAsync(PraTrackerDbContext db, Guid requestId, CancellationToken ct = default)
    {
        var request = await db.Requests.AsNoTracking().Where(r => r.Id == requestId).Select(r => new { r.LawId, LawName = r.Law.Name }).SingleOrDefaultAsync(ct);
        if (request is null)
        {
            return null;
        }

        var kinds = RequestTimeline.KindsWithExemptions.ToArray();
        var events = await db.RequestEvents.AsNoTracking()
            .Where(e => e.RequestId == requestId && kinds.Contains(e.Kind))
            .OrderByDescending(e => e.OccurredOn).ThenByDescending(e => e.LoggedAt)
            .Select(e => new WithholdingEventChoice(e.Id, e.Kind, e.OccurredOn, e.Summary, e.ExemptionsCited))
            .ToListAsync(ct);
        var documents = await db.Documents.AsNoTracking()
            .Where(d => d.RequestId == requestId)
            .OrderByDescending(d => d.ReleasedOn).ThenBy(d => d.Title)
            .Select(d => new PickOption(d.Id, d.Title))
            .ToListAsync(ct);
        return new WithholdingChoices(events, documents, await ExemptionLibrary.OfLawAsync(db, request.LawId, ct), request.LawName);
    }

    /// <summary>The form for an entry being edited, as it was saved.</summary>
    public static async Task<WithholdingInput?> GetForEditAsync(PraTrackerDbContext db, Guid withholdingId, CancellationToken ct = default) =>
        await db.Withholdings.AsNoTracking()
            .Where(w => w.Id == withholdingId)
            .Select(w => new WithholdingInput
            {
                EventId = w.EventId,
                Records = w.Records,
                Extent = w.Extent,
                Quantity = w.Quantity,
                DocumentId = w.DocumentId,
                ExemptionIds = w.Exemptions.Select(l => l.ExemptionId).ToList(),
                OtherCitations = w.OtherCitations,
                AgencyReason = w.AgencyReason,
            })
            .SingleOrDefaultAsync(ct);

    /// <summary>Logs a new entry with the next number, or (with an id) changes one; nothing is saved when any field is refused.</summary>
    public static async Task<ExemptionSaveResult> SaveAsync(PraTrackerDbContext db, Guid requestId, Guid? withholdingId, WithholdingInput input, CancellationToken ct = default)
    {
        var request = await db.Requests.Where(r => r.Id == requestId).Select(r => new { r.Id, r.LawId, LawName = r.Law.Name }).SingleOrDefaultAsync(ct);
        if (request is null)
        {
            return ExemptionSaveResult.Refused("", "That request is no longer there.");
        }

        Withholding? withholding = null;
        if (withholdingId is { } id
            && (withholding = await db.Withholdings.Include(w => w.Exemptions).SingleOrDefaultAsync(w => w.Id == id && w.RequestId == requestId, ct)) is null)
        {
            return ExemptionSaveResult.Refused("", "That entry is no longer in this request's withholding log; reload the page.");
        }

        var errors = await ValidateAsync(db, request.Id, request.LawId, request.LawName, input, ct);
        if (errors.Count > 0)
        {
            return new ExemptionSaveResult(errors, null);
        }

        if (withholding is null)
        {
            var last = await db.Withholdings.Where(w => w.RequestId == requestId).MaxAsync(w => (int?)w.Number, ct) ?? 0;
            withholding = new Withholding { RequestId = requestId, Number = last + 1, Records = "" };
            db.Withholdings.Add(withholding);
        }

        withholding.EventId = input.EventId;
        withholding.Records = input.Records.Trim();
        withholding.Extent = input.Extent;
        withholding.Quantity = ExemptionLibrary.Clean(input.Quantity);
        withholding.DocumentId = input.DocumentId;
        withholding.AgencyReason = ExemptionLibrary.Clean(input.AgencyReason);
        var others = Lines(input.OtherCitations);
        withholding.OtherCitations = others.Count == 0 ? null : string.Join('\n', others);
        var wanted = input.ExemptionIds.Distinct().ToHashSet();
        withholding.Exemptions.RemoveAll(l => !wanted.Contains(l.ExemptionId));
        foreach (var exemptionId in wanted.Where(e => withholding.Exemptions.All(l => l.ExemptionId != e)))
        {
            withholding.Exemptions.Add(new WithholdingExemption { ExemptionId = exemptionId });
        }

        return await SaveAsync(db, withholding.Id, ct);
    }

    /// <summary>Removes an entry and closes up the numbers after it, all in one transaction.</summary>
    public static Task<ExemptionSaveResult> RemoveAsync(PraTrackerDbContext db, Guid requestId, Guid withholdingId, CancellationToken ct = default) =>
        db.Database.CreateExecutionStrategy().ExecuteAsync(async () =>
        {
            db.ChangeTracker.Clear();
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            var log = await db.Withholdings.Where(w => w.RequestId == requestId).OrderBy(w => w.Number).ToListAsync(ct);
            if (log.FirstOrDefault(w => w.Id == withholdingId) is not { } removed)
            {
                return ExemptionSaveResult.Refused("", "That entry is no longer in this request's withholding log.");
            }

            db.Withholdings.Remove(removed);
            await db.SaveChangesAsync(ct);

            // One entry at a time, upwards, so no two entries ever hold one number (the index is unique).
            var number = 0;
            foreach (var entry in log.Where(w => w != removed))
            {
                if (entry.Number != ++number)
                {
                    entry.Number = number;
                    await db.SaveChangesAsync(ct);
                }
            }

            await transaction.CommitAsync(ct);
            return new ExemptionSaveResult(new Dictionary<string, string>(), withholdingId);
        });

    /// <summary>The library exemptions (and leftover citations) an event's "exemptions cited" names, to start a new entry from.</summary>
    public static PrepickedExemptions Prepick(WithholdingEventChoice response, IReadOnlyList<ExemptionRef> library) =>
        CitationMatching.Prepick(response.ExemptionsCited, library);

    private static async Task<Dictionary<string, string>> ValidateAsync(
        PraTrackerDbContext db, Guid requestId, Guid lawId, string lawName, WithholdingInput input, CancellationToken ct)
    {
        var errors = new Dictionary<string, string>();
        if (input.EventId is not { } eventId)
        {
            errors[nameof(WithholdingInput.EventId)] = "Choose the denial or production that withheld these records.";
        }
        else
        {
            var response = await db.RequestEvents.Where(e => e.Id == eventId && e.RequestId == requestId).Select(e => (RequestEventKind?)e.Kind).SingleOrDefaultAsync(ct);
            if (response is not { } kind || !RequestTimeline.KindsWithExemptions.Contains(kind))
            {
                errors[nameof(WithholdingInput.EventId)] = "Choose a denial, a production or an appeal decision on this request's timeline.";
            }
        }

        if (string.IsNullOrWhiteSpace(input.Records))
        {
            errors[nameof(WithholdingInput.Records)] = "Say what was withheld, as the agency described it (\"Search audit logs, January to June 2025\").";
        }
        else if (input.Records.Trim().Length > MaxRecordsLength)
        {
            errors[nameof(WithholdingInput.Records)] = $"Keep the description under {MaxRecordsLength} characters.";
        }

        if (!Enum.IsDefined(input.Extent))
        {
            errors[nameof(WithholdingInput.Extent)] = "Say whether the records were withheld in full or in part.";
        }

        if (input.Quantity?.Trim().Length > MaxQuantityLength)
        {
            errors[nameof(WithholdingInput.Quantity)] = $"Keep the quantity under {MaxQuantityLength} characters (\"14 pages\").";
        }

        if (input.AgencyReason?.Trim().Length > MaxReasonLength)
        {
            errors[nameof(WithholdingInput.AgencyReason)] = $"Keep the agency's reason under {MaxReasonLength} characters.";
        }

        var others = Lines(input.OtherCitations);
        if (string.Join('\n', others).Length > MaxOtherCitationsLength)
        {
            errors[nameof(WithholdingInput.OtherCitations)] = $"Keep the other citations under {MaxOtherCitationsLength} characters.";
        }

        if (input.DocumentId is { } documentId && !await db.Documents.AnyAsync(d => d.Id == documentId && d.RequestId == requestId, ct))
        {
            errors[nameof(WithholdingInput.DocumentId)] = "Choose a document released on this request, or none.";
        }

        var ids = input.ExemptionIds.Distinct().ToList();
        if (ids.Count > 0)
        {
            var ofLaw = await db.Exemptions.Where(e => ids.Contains(e.Id)).Select(e => new { e.Id, e.LawId, e.Citation }).ToListAsync(ct);
            var foreign = ofLaw.Where(e => e.LawId != lawId).Select(e => e.Citation).ToList();
            if (foreign.Count > 0)
            {
                errors[nameof(WithholdingInput.ExemptionIds)] = $"{string.Join(", ", foreign)} {(foreign.Count == 1 ? "is not an exemption" : "are not exemptions")} of {lawName}, the law this request is under; put it under other citations if the agency cited it.";
            }
            else if (ofLaw.Count < ids.Count)
            {
                errors[nameof(WithholdingInput.ExemptionIds)] = "An exemption you picked is no longer in the library; reload the page.";
            }
        }
        else if (others.Count == 0)
        {
            errors[nameof(WithholdingInput.ExemptionIds)] = "Pick the exemptions the agency invoked, or write its citations under other citations.";
        }

        return errors;
    }

    private static async Task<ExemptionSaveResult> SaveAsync(PraTrackerDbContext db, Guid id, CancellationToken ct)
    {
        try
        {
            await db.SaveChangesAsync(ct);
            return new ExemptionSaveResult(new Dictionary<string, string>(), id);
        }
        catch (DbUpdateException)
        {
            // Two attorneys adding to one log at once take the same number; the second is told, nothing of it saved.
            return ExemptionSaveResult.Refused("", "Someone changed this withholding log while you were saving, so nothing was saved. Reload the page and try again.");
        }
    }

    private static List<string> Lines(string? text) =>
        [.. (text ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Distinct(StringComparer.OrdinalIgnoreCase)];
}
