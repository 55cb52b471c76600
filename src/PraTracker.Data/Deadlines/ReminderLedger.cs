using Microsoft.EntityFrameworkCore;
using PraTracker.Data.Contracts;
using PraTracker.Data.Database;
using PraTracker.Data.Identity;

namespace PraTracker.Data.Deadlines;

/// <summary>Who an alert goes to, and how they asked to receive alerts.</summary>
public sealed record AlertRecipient(string UserId, string Email, string Name, AlertDelivery Delivery, int DigestHour);

/// <summary>A request's deadline, as an alert names it; <paramref name="ObjectingVendor"/> names the vendor whose objection set it, if one did.</summary>
public sealed record DeadlineAlert(
    Guid RequestId, string Reference, string RequestTitle, string AgencyName, DeadlineKind Kind, DateOnly DueOn, string Explanation, string? ObjectingVendor = null);

/// <summary>A contract's end or renewal date, as an alert names it.</summary>
public sealed record ContractAlert(Guid ContractId, string ContractTitle, string AgencyName, string VendorName, ContractMilestone Milestone, DateOnly On);

/// <summary>A claimed alert not yet sent: about a deadline or about a contract date.</summary>
public sealed record PendingAlert(Guid DispatchId, AlertRecipient Recipient, int LeadDays, DateTimeOffset ClaimedAt, DeadlineAlert? Deadline, ContractAlert? Contract)
{
    /// <summary>The date the alert is about.</summary>
    public DateOnly DueOn => Deadline?.DueOn ?? Contract!.On;
}

/// <summary>How alert sending stands, for the admin page: what went out, what waits, what keeps failing and why.</summary>
public sealed record AlertLedgerStatus(int SentLastWeek, int Waiting, int Failing, string? LastError);

/// <summary>
/// The exactly-once ledger of alerts. A scan claims each alert due today by inserting its row, unique on (deadline,
/// recipient, lead time) or (contract date, recipient, lead time), so a second scan or a second instance cannot claim
/// it again; a sender then takes a short lease on claimed, unsent rows before sending, and marks them sent only once
/// the mail server accepted them.
/// </summary>
public static class ReminderLedger
{
    public static readonly TimeSpan Lease = TimeSpan.FromMinutes(5);

    /// <summary>Claims every deadline alert and contract alert due today; returns how many were new.</summary>
    public static async Task<int> ClaimDueAsync(PraTrackerDbContext db, DateOnly today, DateTimeOffset now, CancellationToken ct = default) =>
        await ClaimDeadlineAlertsAsync(db, today, now, ct) + await ClaimContractAlertsAsync(db, today, now, ct);

    /// <summary>Claims the alerts due today for the assigned attorneys of outstanding deadlines, at each attorney's own lead times.</summary>
    public static async Task<int> ClaimDeadlineAlertsAsync(PraTrackerDbContext db, DateOnly today, DateTimeOffset now, CancellationToken ct = default)
    {
        var horizon = today.AddDays(AlertPreferences.MaxLeadDays);
        var candidates = await db.Deadlines.AsNoTracking()
            .Where(d => (d.Status == DeadlineStatus.Open && d.DueOn <= horizon) || (d.Status == DeadlineStatus.Missed && d.ClosedOn == null))
            .SelectMany(
                d => d.Request.Assignments.Where(a => a.User.Email != null && (a.User.LockoutEnd == null || a.User.LockoutEnd < now)),
                (d, a) => new { DeadlineId = d.Id, d.DueOn, a.UserId, a.User.AlertLeadDays })
            .ToListAsync(ct);

        var due = candidates
            .Select(c => new { c.DeadlineId, c.UserId, Lead = ReminderSchedule.AlertDue(c.DueOn, today, AlertPreferences.LeadDaysOf(c.AlertLeadDays)) })
            .Where(c => c.Lead is not null)
            .ToList();

        // One read of what is already claimed, not one per alert: the scan runs hourly over every open deadline.
        var deadlineIds = due.Select(c => c.DeadlineId).Distinct().ToList();
        var existing = (await db.ReminderDispatches.AsNoTracking()
                .Where(r => r.DeadlineId != null && deadlineIds.Contains(r.DeadlineId.Value))
                .Select(r => new { r.DeadlineId, r.RecipientUserId, r.LeadDays })
                .ToListAsync(ct))
            .Select(r => (r.DeadlineId!.Value, r.RecipientUserId, r.LeadDays))
            .ToHashSet();

        var wanted = due
            .Where(c => !existing.Contains((c.DeadlineId, c.UserId, c.Lead!.Value)))
            .Select(c => new ReminderDispatch { DeadlineId = c.DeadlineId, RecipientUserId = c.UserId, LeadDays = c.Lead!.Value, ClaimedAt = now });
        return await ClaimAsync(db, wanted, ct);
    }

    /// <summary>
    /// Claims the alerts due today for the followers of each live contract's agency or vendor, 60 and 30 days before
    /// the contract ends or renews. A follower of both the agency and the vendor gets one alert.
    /// </summary>
    public static async Task<int> ClaimContractAlertsAsync(PraTrackerDbContext db, DateOnly today, DateTimeOffset now, CancellationToken ct = default)
    {
        var horizon = today.AddDays(ReminderSchedule.ContractLeadDays.Max());
        var live = db.Contracts.AsNoTracking()
            .Where(c => c.Status != ContractStatus.Expired && c.Status != ContractStatus.Terminated)
            .Where(c => (c.EndsOn >= today && c.EndsOn <= horizon) || (c.RenewsOn >= today && c.RenewsOn <= horizon));
        var follows = db.Follows.AsNoTracking().Where(f => f.User.Email != null && (f.User.LockoutEnd == null || f.User.LockoutEnd < now));

        // Two equality joins rather than one join on "agency or vendor", which SQLite could not run.
        var followed = await live.Join(follows, c => (Guid?)c.AgencyId, f => f.AgencyId, (c, f) => new { c.Id, c.EndsOn, c.RenewsOn, f.UserId })
            .Concat(live.Join(follows, c => (Guid?)c.VendorId, f => f.VendorId, (c, f) => new { c.Id, c.EndsOn, c.RenewsOn, f.UserId }))
            .ToListAsync(ct);

        var due = (
                from c in followed
                from milestone in Milestones(c.EndsOn, c.RenewsOn)
                let lead = ReminderSchedule.ContractAlertDue(milestone.On, today)
                where lead.HasValue
                select (ContractId: c.Id, Milestone: milestone.Kind, milestone.On, c.UserId, Lead: lead.GetValueOrDefault()))
            .Distinct() // a follower of both the agency and the vendor is alerted once
            .ToList();

        var contractIds = due.Select(c => c.ContractId).Distinct().ToList();
        var existing = (await db.ReminderDispatches.AsNoTracking()
                .Where(r => r.ContractId != null && contractIds.Contains(r.ContractId.Value))
                .Select(r => new { r.ContractId, r.Milestone, r.MilestoneOn, r.RecipientUserId, r.LeadDays })
                .ToListAsync(ct))
            .Select(r => (r.ContractId!.Value, r.Milestone!.Value, r.MilestoneOn!.Value, r.RecipientUserId, r.LeadDays))
            .ToHashSet();

        var wanted = due
            .Where(c => !existing.Contains((c.ContractId, c.Milestone, c.On, c.UserId, c.Lead)))
            .Select(c => new ReminderDispatch
            {
                ContractId = c.ContractId,
                Milestone = c.Milestone,
                MilestoneOn = c.On,
                RecipientUserId = c.UserId,
                LeadDays = c.Lead,
                ClaimedAt = now,
            });
        return await ClaimAsync(db, wanted, ct);
    }

    /// <summary>
    /// Claimed alerts not yet sent and not leased by another sender, oldest first. Alerts about a deadline that has
    /// since been met or closed are left unsent: the attorney no longer needs them.
    /// </summary>
    public static async Task<IReadOnlyList<PendingAlert>> PendingAsync(PraTrackerDbContext db, DateTimeOffset now, int take = 500, CancellationToken ct = default)
    {
        var unsent = db.ReminderDispatches.AsNoTracking()
            .Where(r => r.SentAt == null && (r.LeaseUntil == null || r.LeaseUntil < now))
            .OrderBy(r => r.ClaimedAt).ThenBy(r => r.Id);
        var aboutDeadlines = await unsent
            .Where(r => r.Deadline != null
                && (r.Deadline.Status == DeadlineStatus.Open || (r.Deadline.Status == DeadlineStatus.Missed && r.Deadline.ClosedOn == null)))
            .Take(take)
            .Select(r => new
            {
                r.Id,
                r.RecipientUserId,
                r.LeadDays,
                r.ClaimedAt,
                Deadline = new DeadlineAlert(
                    r.Deadline!.RequestId, r.Deadline.Request.Reference, r.Deadline.Request.Title, r.Deadline.Request.Agency.Name,
                    r.Deadline.Kind, r.Deadline.DueOn, r.Deadline.Explanation,
                    r.Deadline.SourceObjection != null ? r.Deadline.SourceObjection.Vendor.Name : null),
            })
            .ToListAsync(ct);
        var aboutContracts = await unsent
            .Where(r => r.Contract != null)
            .Take(take)
            .Select(r => new
            {
                r.Id,
                r.RecipientUserId,
                r.LeadDays,
                r.ClaimedAt,
                Contract = new ContractAlert(r.Contract!.Id, r.Contract.Title, r.Contract.Agency.Name, r.Contract.Vendor.Name, r.Milestone!.Value, r.MilestoneOn!.Value),
            })
            .ToListAsync(ct);

        var recipientIds = aboutDeadlines.Select(r => r.RecipientUserId).Concat(aboutContracts.Select(r => r.RecipientUserId)).Distinct().ToList();
        var recipients = await db.Users.AsNoTracking()
            .Where(u => recipientIds.Contains(u.Id))
            .Select(u => new AlertRecipient(u.Id, u.Email!, u.DisplayName != "" ? u.DisplayName : u.Email!, u.AlertDelivery, u.DigestHour))
            .ToDictionaryAsync(u => u.UserId, ct);

        return [.. aboutDeadlines.Select(r => new PendingAlert(r.Id, recipients[r.RecipientUserId], r.LeadDays, r.ClaimedAt, r.Deadline, null))
            .Concat(aboutContracts.Select(r => new PendingAlert(r.Id, recipients[r.RecipientUserId], r.LeadDays, r.ClaimedAt, null, r.Contract)))
            .OrderBy(a => a.ClaimedAt).ThenBy(a => a.DispatchId)];
    }

    /// <summary>When each of the given users was last sent an alert, for those ever sent one.</summary>
    public static async Task<IReadOnlyDictionary<string, DateTimeOffset>> LastSentAsync(PraTrackerDbContext db, IReadOnlyCollection<string> userIds, CancellationToken ct = default) =>
        (await db.ReminderDispatches.AsNoTracking()
            .Where(r => r.SentAt != null && userIds.Contains(r.RecipientUserId))
            .GroupBy(r => r.RecipientUserId)
            .Select(g => new { UserId = g.Key, LastSentAt = g.Max(r => r.SentAt!.Value) })
            .ToListAsync(ct))
        .ToDictionary(r => r.UserId, r => r.LastSentAt);

    /// <summary>Counts for the admin page. "Waiting" includes digest alerts held for their hour.</summary>
    public static async Task<AlertLedgerStatus> StatusAsync(PraTrackerDbContext db, DateTimeOffset now, CancellationToken ct = default)
    {
        var weekAgo = now.AddDays(-7);
        var sent = await db.ReminderDispatches.CountAsync(r => r.SentAt != null && r.SentAt >= weekAgo, ct);
        var waiting = await db.ReminderDispatches.CountAsync(r => r.SentAt == null, ct);
        var failing = await db.ReminderDispatches.CountAsync(r => r.SentAt == null && r.LastError != null, ct);
        var lastError = await db.ReminderDispatches
            .Where(r => r.SentAt == null && r.LastError != null)
            .OrderByDescending(r => r.ClaimedAt)
            .Select(r => r.LastError)
            .FirstOrDefaultAsync(ct);
        return new AlertLedgerStatus(sent, waiting, failing, lastError);
    }

    /// <summary>Takes the lease on one claimed alert; false when it was sent or another sender holds it.</summary>
    public static async Task<bool> TryLeaseAsync(PraTrackerDbContext db, Guid dispatchId, DateTimeOffset now, CancellationToken ct = default)
    {
        var until = now + Lease;
        var taken = await db.ReminderDispatches
            .Where(r => r.Id == dispatchId && r.SentAt == null && (r.LeaseUntil == null || r.LeaseUntil < now))
            .ExecuteUpdateAsync(set => set.SetProperty(r => r.LeaseUntil, until).SetProperty(r => r.Attempts, r => r.Attempts + 1), ct);
        return taken == 1;
    }

    /// <summary>Records that the mail server accepted the alerts.</summary>
    public static Task MarkSentAsync(PraTrackerDbContext db, IReadOnlyCollection<Guid> dispatchIds, DateTimeOffset now, CancellationToken ct = default) =>
        db.ReminderDispatches.Where(r => dispatchIds.Contains(r.Id))
            .ExecuteUpdateAsync(set => set.SetProperty(r => r.SentAt, now).SetProperty(r => r.LastError, (string?)null), ct);

    /// <summary>Records why sending failed and frees the alerts for the next attempt.</summary>
    public static Task MarkFailedAsync(PraTrackerDbContext db, IReadOnlyCollection<Guid> dispatchIds, string error, CancellationToken ct = default) =>
        db.ReminderDispatches.Where(r => dispatchIds.Contains(r.Id))
            .ExecuteUpdateAsync(set => set.SetProperty(r => r.LeaseUntil, (DateTimeOffset?)null).SetProperty(r => r.LastError, error.Length > 4000 ? error[..4000] : error), ct);

    private static IEnumerable<(ContractMilestone Kind, DateOnly On)> Milestones(DateOnly? endsOn, DateOnly? renewsOn)
    {
        if (endsOn is { } ends)
        {
            yield return (ContractMilestone.Ends, ends);
        }

        if (renewsOn is { } renews)
        {
            yield return (ContractMilestone.Renews, renews);
        }
    }

    // All claims go in as one batch: a first scan of the day may claim thousands of alerts, and one round trip per
    // alert took 19 s for 2,400 of them in the benchmark. Only when another scan claimed some of the same alerts
    // between our check and our insert does the batch fail on a unique key; then each claim goes in on its own, so
    // the unique key settles the race one alert at a time.
    private static async Task<int> ClaimAsync(PraTrackerDbContext db, IEnumerable<ReminderDispatch> wanted, CancellationToken ct)
    {
        var dispatches = wanted.ToList();
        if (dispatches.Count == 0)
        {
            return 0;
        }

        db.ReminderDispatches.AddRange(dispatches);
        try
        {
            await db.SaveChangesAsync(ct);
            return dispatches.Count;
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
        }

        var claimed = 0;
        foreach (var dispatch in dispatches)
        {
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
}
