using Microsoft.EntityFrameworkCore;
using PraTracker.Data.Database;

namespace PraTracker.Data.Requests;

/// <summary>One item of a request's record checklist as its page shows it, with the response that answered it.</summary>
public sealed record ChecklistItemRow(
    Guid Id, RecordKind Kind, string Wording, ChecklistStatus Status, string? Note,
    Guid? AnsweredByEventId, DateOnly? AnsweredOn, RequestEventKind? AnsweredByKind);

/// <summary>What one response says about one checklist item: its new status, the response's event, and a note.</summary>
public sealed record ChecklistMark(Guid ItemId, ChecklistStatus Status, Guid? AnsweredByEventId, string? Note = null);

/// <summary>
/// Marks a request's record checklist against the agency's responses (produced, partly produced, denied, no records),
/// adds and removes items by hand, and summarises checklists across requests for the campaign page.
/// </summary>
public static class RequestChecklist
{
    public const int MaxWordingLength = 2000;
    public const int MaxNoteLength = 2000;

    /// <summary>The timeline events that can answer a checklist item: a production or a denial (a "no records" answer is logged as one of these).</summary>
    public static readonly IReadOnlyList<RequestEventKind> AnsweringKinds =
        [RequestEventKind.PartialProduction, RequestEventKind.FinalProduction, RequestEventKind.Denial, RequestEventKind.AppealDecision];

    /// <summary>A status in the words of a checklist ("Partly produced").</summary>
    public static string StatusName(ChecklistStatus status) => status switch
    {
        ChecklistStatus.NotAddressed => "Not yet addressed",
        ChecklistStatus.Produced => "Produced",
        ChecklistStatus.PartlyProduced => "Partly produced",
        ChecklistStatus.Denied => "Denied",
        ChecklistStatus.NoRecords => "No records",
        _ => status.ToString(),
    };

    /// <summary>A request's checklist in the order of <see cref="RecordKind"/>, through the visibility filter.</summary>
    public static async Task<IReadOnlyList<ChecklistItemRow>> ListAsync(PraTrackerDbContext db, Guid requestId, CancellationToken ct = default) =>
        [.. (await db.ChecklistItems.AsNoTracking()
                .Where(i => i.RequestId == requestId)
                .Select(i => new ChecklistItemRow(i.Id, i.Kind, i.Wording, i.Status, i.Note, i.AnsweredByEventId,
                    i.AnsweredByEvent != null ? i.AnsweredByEvent.OccurredOn : null,
                    i.AnsweredByEvent != null ? i.AnsweredByEvent.Kind : null))
                .ToListAsync(ct))
            .OrderBy(i => i.Kind)]; // sorted here: the kind is stored as its name, and a checklist has a handful of items

    /// <summary>
    /// For each of the given requests that has a checklist (and that the viewer may see), what the agency has done
    /// about each kind of record it asks for. What the campaign page shows per agency.
    /// </summary>
    public static async Task<IReadOnlyDictionary<Guid, IReadOnlyDictionary<RecordKind, ChecklistStatus>>> SummariesAsync(
        PraTrackerDbContext db, IReadOnlyCollection<Guid> requestIds, CancellationToken ct = default)
    {
        var ids = requestIds.Distinct().ToList();
        var rows = await db.ChecklistItems.AsNoTracking()
            .Where(i => ids.Contains(i.RequestId))
            .Select(i => new { i.RequestId, i.Kind, i.Status })
            .ToListAsync(ct);
        return rows.GroupBy(r => r.RequestId)
            .ToDictionary(g => g.Key, g => (IReadOnlyDictionary<RecordKind, ChecklistStatus>)g.ToDictionary(r => r.Kind, r => r.Status));
    }

    /// <summary>Every problem with the marks, for a request whose items and answering events are given; empty when they can be saved.</summary>
    public static IReadOnlyList<string> Validate(
        IReadOnlyCollection<ChecklistMark> marks, IReadOnlyDictionary<Guid, ChecklistItem> items, IReadOnlyDictionary<Guid, RequestEventKind> events)
    {
        var errors = new List<string>();
        if (marks.Select(m => m.ItemId).Distinct().Count() != marks.Count)
        {
            errors.Add("An item is marked twice; mark each item once.");
        }

        foreach (var mark in marks)
        {
            if (!items.TryGetValue(mark.ItemId, out var item))
            {
                errors.Add("An item marked is not on this request's checklist (it may have been removed); reload the page.");
                continue;
            }

            var name = RecordChecklists.NameOf(item.Kind);
            if (!Enum.IsDefined(mark.Status))
            {
                errors.Add($"{name}: choose what the agency did.");
            }
            else if (mark.Status == ChecklistStatus.NotAddressed)
            {
                if (mark.AnsweredByEventId is not null)
                {
                    errors.Add($"{name}: an item not yet addressed has no response; clear the response or choose what the agency did.");
                }
            }
            else if (mark.AnsweredByEventId is not { } eventId)
            {
                errors.Add($"{name}: choose the response (production or denial) that answered it.");
            }
            else if (!events.TryGetValue(eventId, out var kind))
            {
                errors.Add($"{name}: that response is not on this request's timeline.");
            }
            else if (!AnsweringKinds.Contains(kind))
            {
                errors.Add($"{name}: only a production, a denial or an appeal decision answers a checklist item.");
            }

            if (mark.Note?.Length > MaxNoteLength)
            {
                errors.Add($"{name}: keep the note to {MaxNoteLength:N0} characters.");
            }
        }

        return errors;
    }

    /// <summary>Marks one or several items of a request's checklist in one save; nothing is saved if any mark is refused.</summary>
    public static async Task<IReadOnlyList<string>> MarkAsync(PraTrackerDbContext db, Guid requestId, IReadOnlyCollection<ChecklistMark> marks, CancellationToken ct = default)
    {
        if (marks.Count == 0)
        {
            return ["Mark at least one item."];
        }

        var items = await db.ChecklistItems.Where(i => i.RequestId == requestId).ToDictionaryAsync(i => i.Id, ct);
        var events = await db.RequestEvents.Where(e => e.RequestId == requestId).ToDictionaryAsync(e => e.Id, e => e.Kind, ct);
        var errors = Validate(marks, items, events);
        if (errors.Count > 0)
        {
            return errors;
        }

        foreach (var mark in marks)
        {
            Apply(items[mark.ItemId], mark, mark.AnsweredByEventId);
        }

        await db.SaveChangesAsync(ct);
        return [];
    }

    /// <summary>
    /// Logs a response on the timeline and marks the checklist items it answers, in one transaction: the marks name
    /// the new event (their own <see cref="ChecklistMark.AnsweredByEventId"/> is ignored). Nothing is saved if either is refused.
    /// </summary>
    public static async Task<TimelineResult> LogAndMarkAsync(
        PraTrackerDbContext db, Guid requestId, RequestEventInput input, IReadOnlyCollection<ChecklistMark> marks, string? userId, DateTimeOffset now, DateOnly today,
        CancellationToken ct = default)
    {
        if (marks.Count == 0)
        {
            return await RequestTimeline.LogAsync(db, requestId, input, userId, now, today, ct);
        }

        var items = await db.ChecklistItems.Where(i => i.RequestId == requestId).ToDictionaryAsync(i => i.Id, ct);
        var placeholder = Guid.NewGuid();
        var errors = Validate([.. marks.Select(m => m with { AnsweredByEventId = m.Status == ChecklistStatus.NotAddressed ? null : placeholder })], items,
            new Dictionary<Guid, RequestEventKind> { [placeholder] = input.Kind });
        if (errors.Count > 0)
        {
            return new TimelineResult(errors);
        }

        return await RequestTimeline.LogAsync(db, requestId, input, userId, now, today, ct, (_, logged) =>
        {
            foreach (var mark in marks)
            {
                Apply(items[mark.ItemId], mark, mark.Status == ChecklistStatus.NotAddressed ? null : logged.Id);
            }
        });
    }

    /// <summary>Adds an item by hand, for a kind of record not yet on the request's checklist.</summary>
    public static async Task<IReadOnlyList<string>> AddAsync(PraTrackerDbContext db, Guid requestId, RecordKind kind, string? wording, CancellationToken ct = default)
    {
        var errors = new List<string>();
        if (!Enum.IsDefined(kind))
        {
            errors.Add("Choose the kind of record.");
        }

        if (string.IsNullOrWhiteSpace(wording))
        {
            errors.Add("Word the item as the letter asks for it (for example \"Audit logs of every search run in the product\").");
        }
        else if (wording.Trim().Length > MaxWordingLength)
        {
            errors.Add($"Keep the wording to {MaxWordingLength:N0} characters.");
        }

        if (errors.Count > 0)
        {
            return errors;
        }

        if (!await db.Requests.AnyAsync(r => r.Id == requestId, ct))
        {
            return ["That request does not exist or you cannot see it."];
        }

        if (await db.ChecklistItems.AnyAsync(i => i.RequestId == requestId && i.Kind == kind, ct))
        {
            return [$"{RecordChecklists.NameOf(kind)} is already on this request's checklist."];
        }

        db.ChecklistItems.Add(new ChecklistItem { RequestId = requestId, Kind = kind, Wording = wording!.Trim(), Status = ChecklistStatus.NotAddressed });
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // The unique index settles two people adding the same kind at once.
            return [$"{RecordChecklists.NameOf(kind)} is already on this request's checklist."];
        }

        return [];
    }

    /// <summary>Removes an item from a request's checklist.</summary>
    public static async Task<bool> RemoveAsync(PraTrackerDbContext db, Guid itemId, CancellationToken ct = default)
    {
        var removed = await db.ChecklistItems.SingleOrDefaultAsync(i => i.Id == itemId, ct);
        if (removed is null)
        {
            return false;
        }

        db.ChecklistItems.Remove(removed);
        await db.SaveChangesAsync(ct);
        return true;
    }

    private static void Apply(ChecklistItem item, ChecklistMark mark, Guid? answeredBy)
    {
        item.Status = mark.Status;
        item.AnsweredByEventId = answeredBy;
        item.Note = string.IsNullOrWhiteSpace(mark.Note) ? null : mark.Note.Trim();
    }
}
