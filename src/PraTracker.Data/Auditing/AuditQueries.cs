using Microsoft.EntityFrameworkCore;
using PraTracker.Data.Database;

namespace PraTracker.Data.Auditing;

/// <summary>One line of an entity's history: who changed what, and when.</summary>
public sealed record AuditRow(DateTimeOffset At, string Who, string EntityType, AuditAction Action, string Changes);

/// <summary>Reads the audit trail; the visibility filter shows it to staff only.</summary>
public static class AuditQueries
{
    /// <summary>The history of the given entities, newest first.</summary>
    public static async Task<IReadOnlyList<AuditRow>> HistoryAsync(PraTrackerDbContext db, IReadOnlyCollection<Guid> entityIds, int take = 100, CancellationToken ct = default)
    {
        var rows = await db.AuditEntries.AsNoTracking()
            .Where(a => entityIds.Contains(a.EntityId))
            .OrderByDescending(a => a.At).ThenByDescending(a => a.Id)
            .Take(take)
            .Select(a => new
            {
                a.At,
                Who = a.UserId == null ? null : db.Users.Where(u => u.Id == a.UserId).Select(u => u.DisplayName != "" ? u.DisplayName : u.Email).FirstOrDefault(),
                a.UserId,
                a.EntityType,
                a.Action,
                a.Changes,
            })
            .ToListAsync(ct);
        return [.. rows.Select(r => new AuditRow(r.At, r.Who ?? (r.UserId is null ? "the system" : "a removed user"), r.EntityType, r.Action, r.Changes))];
    }
}
