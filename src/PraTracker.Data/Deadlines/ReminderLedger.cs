using Microsoft.EntityFrameworkCore;
using PraTracker.Data.Database;

namespace PraTracker.Data.Deadlines;

/// <summary>An alert to send: who, about which deadline, and everything the e-mail names.</summary>
public sealed record PendingAlert(
    Guid DispatchId, string RecipientEmail, string RecipientName, int LeadDays, Guid RequestId, string Reference, string RequestTitle,
    string AgencyName, DeadlineKind Kind, DateOnly DueOn, string Explanation);

/// <summary>
/// The exactly-once ledger of deadline alerts. A scan claims each alert due today by inserting its row, unique on
/// (deadline, recipient, lead time), so a second scan or a second instance cannot claim it again; a sender then
/// takes a short lease on a claimed, unsent row before sending, and marks it sent only once the mail server accepted it.
/// </summary>
public static class ReminderLedger
{
    public static readonly TimeSpan Lease = TimeSpan.FromMinutes(5);

    /// <summary>Claims every alert due today for the assigned attorneys of outstanding deadlines; returns how many were new.</summary>
    public static async Task<int> ClaimDueAsync(PraTrackerDbContext db, DateOnly today, DateTimeOffset now, CancellationToken ct = default)
    {
        var horizon = today.AddDays(ReminderSchedule.DefaultLeadDays.Max());
        var candidates = await db.Deadlines.AsNoTracking()
            .Where(d => (d.Status == DeadlineStatus.Open && d.DueOn <= horizon) || (d.Status == DeadlineStatus.Missed && d.ClosedOn == null))
            .SelectMany(d => d.Request.Assignments.Where(a => a.User.Email != null && a.User.LockoutEnd == null), (d, a) => new { DeadlineId = d.Id, d.DueOn, a.UserId })
            .ToListAsync(ct);

        var due = candidates
            .Select(c => (c.DeadlineId, c.UserId, Lead: ReminderSchedule.AlertDue(c.DueOn, today)))
            .Where(c => c.Lead is not null)
            .ToList();

        // One read of what is already claimed, not one per alert: the scan runs hourly over every open deadline.
        var deadlineIds = due.Select(c => c.DeadlineId).Distinct().ToList();
        var existing = (await db.ReminderDispatches.AsNoTracking()
                .Where(r => deadlineIds.Contains(r.DeadlineId))
                .Select(r => new { r.DeadlineId, r.RecipientUserId, r.LeadDays })
                .ToListAsync(ct))
            .Select(r => (r.DeadlineId, r.RecipientUserId, r.LeadDays))
            .ToHashSet();

        var claimed = 0;
        foreach (var (deadlineId, userId, dueLead) in due)
        {
            var lead = dueLead!.Value;
            if (existing.Contains((deadlineId, userId, lead)))
            {
                continue;
            }

            var dispatch = new ReminderDispatch { DeadlineId = deadlineId, RecipientUserId = userId, LeadDays = lead, ClaimedAt = now };
            db.ReminderDispatches.Add(dispatch);
            try
            {
                await db.SaveChangesAsync(ct);
                claimed++;
            }
            catch (DbUpdateException)
            {
                // Another scan claimed the same alert between our check and our insert: the unique key settled it.
                db.Entry(dispatch).State = EntityState.Detached;
            }
        }

        return claimed;
    }

    /// <summary>Claimed alerts not yet sent and not leased by another sender, oldest first.</summary>
    public static async Task<IReadOnlyList<PendingAlert>> PendingAsync(PraTrackerDbContext db, DateTimeOffset now, int take = 200, CancellationToken ct = default) =>
        await db.ReminderDispatches.AsNoTracking()
            .Where(r => r.SentAt == null && (r.LeaseUntil == null || r.LeaseUntil < now))
            .OrderBy(r => r.ClaimedAt).ThenBy(r => r.Id)
            .Take(take)
            .Select(r => new PendingAlert(
                r.Id, r.Recipient.Email!, r.Recipient.DisplayName != "" ? r.Recipient.DisplayName : r.Recipient.Email!, r.LeadDays,
                r.Deadline.RequestId, r.Deadline.Request.Reference, r.Deadline.Request.Title, r.Deadline.Request.Agency.Name,
                r.Deadline.Kind, r.Deadline.DueOn, r.Deadline.Explanation))
            .ToListAsync(ct);

    /// <summary>Takes the lease on one claimed alert; false when it was sent or another sender holds it.</summary>
    public static async Task<bool> TryLeaseAsync(PraTrackerDbContext db, Guid dispatchId, DateTimeOffset now, CancellationToken ct = default)
    {
        var until = now + Lease;
        var taken = await db.ReminderDispatches
            .Where(r => r.Id == dispatchId && r.SentAt == null && (r.LeaseUntil == null || r.LeaseUntil < now))
            .ExecuteUpdateAsync(set => set.SetProperty(r => r.LeaseUntil, until).SetProperty(r => r.Attempts, r => r.Attempts + 1), ct);
        return taken == 1;
    }

    /// <summary>Records that the mail server accepted the alert.</summary>
    public static Task MarkSentAsync(PraTrackerDbContext db, Guid dispatchId, DateTimeOffset now, CancellationToken ct = default) =>
        db.ReminderDispatches.Where(r => r.Id == dispatchId)
            .ExecuteUpdateAsync(set => set.SetProperty(r => r.SentAt, now).SetProperty(r => r.LastError, (string?)null), ct);

    /// <summary>Records why sending failed and frees the alert for the next attempt.</summary>
    public static Task MarkFailedAsync(PraTrackerDbContext db, Guid dispatchId, string error, CancellationToken ct = default) =>
        db.ReminderDispatches.Where(r => r.Id == dispatchId)
            .ExecuteUpdateAsync(set => set.SetProperty(r => r.LeaseUntil, (DateTimeOffset?)null).SetProperty(r => r.LastError, error.Length > 4000 ? error[..4000] : error), ct);
}
