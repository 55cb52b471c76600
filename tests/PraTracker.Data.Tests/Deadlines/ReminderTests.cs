using Microsoft.EntityFrameworkCore;
using PraTracker.Data.Contracts;
using PraTracker.Data.Deadlines;
using PraTracker.Data.Identity;
using PraTracker.Data.Requests;

namespace PraTracker.Tests.Deadlines;

/// <summary>When alerts fall due: 7, 2, 1 and 0 days before, then every third day overdue.</summary>
public sealed class ReminderScheduleTests
{
    [Theory]
    [InlineData(10, null)] // too early
    [InlineData(8, null)]
    [InlineData(7, 7)]
    [InlineData(5, 7)] // first seen five days out: the 7-day alert, once
    [InlineData(3, 7)]
    [InlineData(2, 2)]
    [InlineData(1, 1)]
    [InlineData(0, 0)]
    [InlineData(-1, -1)] // a day overdue
    [InlineData(-2, -1)]
    [InlineData(-3, -1)]
    [InlineData(-4, -4)] // then every third day
    [InlineData(-6, -4)]
    [InlineData(-7, -7)]
    [InlineData(-30, -28)]
    public void The_alert_due_is_the_nearest_lead_time_reached(int daysLeft, int? expected)
    {
        var today = new DateOnly(2026, 11, 23);
        Assert.Equal(expected, ReminderSchedule.AlertDue(today.AddDays(daysLeft), today));
    }

    [Fact]
    public void A_users_own_lead_times_replace_the_defaults()
    {
        var today = new DateOnly(2026, 11, 23);
        Assert.Equal(14, ReminderSchedule.AlertDue(today.AddDays(10), today, [14, 3]));
        Assert.Equal(3, ReminderSchedule.AlertDue(today.AddDays(2), today, [14, 3]));
        Assert.Null(ReminderSchedule.AlertDue(today.AddDays(20), today, [14, 3]));
    }
}

/// <summary>The alert ledger on each database: claimed once, leased by one sender at a time, never lost.</summary>
public abstract class ReminderLedgerTests<TFixture>(TFixture fixture) : IClassFixture<TFixture>
    where TFixture : DatabaseFixture
{
    private static readonly DateTimeOffset Now = new(2026, 3, 10, 16, 0, 0, TimeSpan.Zero);
    private static readonly DateOnly Today = new(2026, 3, 10);

    [Fact]
    public async Task A_deadline_two_days_out_is_claimed_once_however_many_scans_run()
    {
        var (deadlineId, _) = await DeadlineDueAsync(Today.AddDays(2));

        await using (var first = fixture.Open(Viewer.System))
        {
            await ReminderLedger.ClaimDueAsync(first, Today, Now);
        }

        await using (var second = fixture.Open(Viewer.System))
        {
            await ReminderLedger.ClaimDueAsync(second, Today, Now.AddHours(1));
        }

        await using var read = fixture.Open(Viewer.System);
        var dispatch = Assert.Single(await read.ReminderDispatches.Where(r => r.DeadlineId == deadlineId).ToListAsync());
        Assert.Equal(2, dispatch.LeadDays);
    }

    [Fact]
    public async Task Two_scans_racing_claim_each_alert_once()
    {
        var (deadlineId, _) = await DeadlineDueAsync(Today.AddDays(1));
        await using var a = fixture.Open(Viewer.System);
        await using var b = fixture.Open(Viewer.System);
        await Task.WhenAll(ReminderLedger.ClaimDueAsync(a, Today, Now), ReminderLedger.ClaimDueAsync(b, Today, Now));

        await using var read = fixture.Open(Viewer.System);
        Assert.Equal(1, await read.ReminderDispatches.CountAsync(r => r.DeadlineId == deadlineId));
    }

    [Fact]
    public async Task Only_one_sender_holds_an_alert_and_one_that_crashed_lets_it_go_to_the_next()
    {
        var (deadlineId, email) = await DeadlineDueAsync(Today);
        await using var db = fixture.Open(Viewer.System);
        await ReminderLedger.ClaimDueAsync(db, Today, Now);
        var alert = Assert.Single(await ReminderLedger.PendingAsync(db, Now), a => a.Recipient.Email == email);
        Assert.Equal(0, alert.LeadDays);
        Assert.Equal(deadlineId, (await db.ReminderDispatches.AsNoTracking().SingleAsync(r => r.Id == alert.DispatchId)).DeadlineId);

        Assert.True(await ReminderLedger.TryLeaseAsync(db, alert.DispatchId, Now));
        Assert.False(await ReminderLedger.TryLeaseAsync(db, alert.DispatchId, Now.AddMinutes(1))); // a second instance
        Assert.DoesNotContain(await ReminderLedger.PendingAsync(db, Now.AddMinutes(1)), a => a.DispatchId == alert.DispatchId);

        // The first sender crashed before sending: once its lease lapses the alert is pending again, not lost.
        var later = Now + ReminderLedger.Lease + TimeSpan.FromSeconds(1);
        Assert.Contains(await ReminderLedger.PendingAsync(db, later), a => a.DispatchId == alert.DispatchId);
        Assert.True(await ReminderLedger.TryLeaseAsync(db, alert.DispatchId, later));
        await ReminderLedger.MarkSentAsync(db, [alert.DispatchId], later);

        Assert.DoesNotContain(await ReminderLedger.PendingAsync(db, later.AddDays(1)), a => a.DispatchId == alert.DispatchId);
        Assert.False(await ReminderLedger.TryLeaseAsync(db, alert.DispatchId, later.AddDays(1)));
        var row = await db.ReminderDispatches.AsNoTracking().SingleAsync(r => r.Id == alert.DispatchId);
        Assert.Equal((2, later), (row.Attempts, row.SentAt!.Value));
    }

    [Fact]
    public async Task A_failed_send_is_recorded_and_the_alert_stays_pending()
    {
        var (_, email) = await DeadlineDueAsync(Today.AddDays(7));
        await using var db = fixture.Open(Viewer.System);
        await ReminderLedger.ClaimDueAsync(db, Today, Now);
        var alert = Assert.Single(await ReminderLedger.PendingAsync(db, Now), a => a.Recipient.Email == email);
        Assert.True(await ReminderLedger.TryLeaseAsync(db, alert.DispatchId, Now));
        await ReminderLedger.MarkFailedAsync(db, [alert.DispatchId], "SMTP 421: service not available");

        Assert.Contains(await ReminderLedger.PendingAsync(db, Now.AddSeconds(1)), a => a.DispatchId == alert.DispatchId);
        Assert.Equal("SMTP 421: service not available", (await db.ReminderDispatches.AsNoTracking().SingleAsync(r => r.Id == alert.DispatchId)).LastError);
    }

    [Fact]
    public async Task Each_attorney_is_alerted_at_their_own_lead_times()
    {
        var (deadlineId, defaultsEmail) = await DeadlineDueAsync(Today.AddDays(10));
        var early = Build.User();
        early.AlertLeadDays = "14, 3";
        await using (var db = fixture.Open(Viewer.System))
        {
            var requestId = await db.Deadlines.Where(d => d.Id == deadlineId).Select(d => d.RequestId).SingleAsync();
            db.Users.Add(early);
            db.RequestAssignments.Add(new RequestAssignment { RequestId = requestId, UserId = early.Id });
            await db.SaveChangesAsync();
            await ReminderLedger.ClaimDueAsync(db, Today, Now);
        }

        await using var read = fixture.Open(Viewer.System);
        var claimed = await read.ReminderDispatches.Where(r => r.DeadlineId == deadlineId).Select(r => new { r.Recipient.Email, r.LeadDays }).ToListAsync();
        var only = Assert.Single(claimed); // ten days out is too early for the default 7-day alert
        Assert.Equal((early.Email, 14), (only.Email, only.LeadDays));
    }

    [Fact]
    public async Task An_attorney_whose_sign_in_lockout_has_passed_is_alerted_and_a_disabled_one_is_not()
    {
        var (passedId, _) = await DeadlineDueAsync(Today, lockoutEnd: Now.AddDays(-1));
        var (disabledId, _) = await DeadlineDueAsync(Today, lockoutEnd: DateTimeOffset.MaxValue);
        await using var db = fixture.Open(Viewer.System);
        await ReminderLedger.ClaimDueAsync(db, Today, Now);
        Assert.Equal(1, await db.ReminderDispatches.CountAsync(r => r.DeadlineId == passedId));
        Assert.Equal(0, await db.ReminderDispatches.CountAsync(r => r.DeadlineId == disabledId));
    }

    [Fact]
    public async Task An_alert_about_a_deadline_met_since_it_was_claimed_is_not_sent()
    {
        var (deadlineId, email) = await DeadlineDueAsync(Today.AddDays(2));
        await using var db = fixture.Open(Viewer.System);
        await ReminderLedger.ClaimDueAsync(db, Today, Now);
        Assert.Contains(await ReminderLedger.PendingAsync(db, Now), a => a.Recipient.Email == email);

        await db.Deadlines.Where(d => d.Id == deadlineId).ExecuteUpdateAsync(set => set.SetProperty(d => d.Status, DeadlineStatus.Met).SetProperty(d => d.ClosedOn, Today));
        Assert.DoesNotContain(await ReminderLedger.PendingAsync(db, Now), a => a.Recipient.Email == email);
    }

    [Fact]
    public async Task Followers_of_a_contracts_agency_or_vendor_are_alerted_60_and_30_days_before_it_renews_once_each()
    {
        await using var db = fixture.Open(Viewer.System);
        var california = await db.Laws.SingleAsync(l => l.Code == "US-CA");
        var agency = Build.Agency(california);
        var vendor = Build.Vendor();
        var renewing = Build.Contract(agency, vendor, renewsOn: Today.AddDays(45));
        var expired = Build.Contract(agency, vendor, endsOn: Today.AddDays(20), status: ContractStatus.Expired);
        var (ofAgency, ofVendor, ofBoth, nobody) = (Build.User(), Build.User(), Build.User(), Build.User());
        db.AddRange(agency, vendor, renewing, expired, ofAgency, ofVendor, ofBoth, nobody);
        db.Follows.AddRange(
            new Follow { UserId = ofAgency.Id, AgencyId = agency.Id },
            new Follow { UserId = ofVendor.Id, VendorId = vendor.Id },
            new Follow { UserId = ofBoth.Id, AgencyId = agency.Id },
            new Follow { UserId = ofBoth.Id, VendorId = vendor.Id });
        await db.SaveChangesAsync();

        await ReminderLedger.ClaimDueAsync(db, Today, Now);
        await ReminderLedger.ClaimDueAsync(db, Today, Now.AddHours(1));
        var sixty = await db.ReminderDispatches.Where(r => r.ContractId == renewing.Id).Select(r => new { r.RecipientUserId, r.LeadDays, r.Milestone, r.MilestoneOn }).ToListAsync();
        Assert.Equal(
            new[] { ofAgency.Id, ofBoth.Id, ofVendor.Id }.Order(),
            sixty.Select(r => r.RecipientUserId).Order());
        Assert.All(sixty, r => Assert.Equal((60, ContractMilestone.Renews, Today.AddDays(45)), (r.LeadDays, r.Milestone!.Value, r.MilestoneOn!.Value)));
        Assert.Equal(0, await db.ReminderDispatches.CountAsync(r => r.ContractId == expired.Id));

        // Fifteen days later the 30-day alert is due; when the council moves the date, the new date gets its own.
        await ReminderLedger.ClaimDueAsync(db, Today.AddDays(15), Now.AddDays(15));
        Assert.Equal(3, await db.ReminderDispatches.CountAsync(r => r.ContractId == renewing.Id && r.LeadDays == 30));
        await db.Contracts.Where(c => c.Id == renewing.Id).ExecuteUpdateAsync(set => set.SetProperty(c => c.RenewsOn, Today.AddDays(50)));
        await ReminderLedger.ClaimDueAsync(db, Today.AddDays(15), Now.AddDays(15));
        Assert.Equal(3, await db.ReminderDispatches.CountAsync(r => r.ContractId == renewing.Id && r.MilestoneOn == Today.AddDays(50) && r.LeadDays == 60));

        var alert = Assert.Single(await ReminderLedger.PendingAsync(db, Now.AddDays(15)), a => a.Recipient.UserId == ofBoth.Id && a.LeadDays == 60 && a.Contract!.On == Today.AddDays(50));
        Assert.Equal((renewing.Title, agency.Name, vendor.Name), (alert.Contract!.ContractTitle, alert.Contract.AgencyName, alert.Contract.VendorName));
    }

    private async Task<(Guid DeadlineId, string Email)> DeadlineDueAsync(DateOnly dueOn, DateTimeOffset? lockoutEnd = null)
    {
        await using var db = fixture.Open(Viewer.System);
        var california = await db.Laws.SingleAsync(l => l.Code == "US-CA");
        var user = Build.User();
        user.LockoutEnd = lockoutEnd;
        var request = Build.Request(Build.Agency(california), california);
        request.Assignments.Add(new RequestAssignment { User = user, UserId = user.Id });
        var deadline = Build.Deadline(request, dueOn);
        db.AddRange(user, request, deadline);
        await db.SaveChangesAsync();
        return (deadline.Id, user.Email!);
    }
}

public sealed class PostgresReminderLedgerTests(PostgresFixture fixture) : ReminderLedgerTests<PostgresFixture>(fixture);

public sealed class SqliteReminderLedgerTests(SqliteFixture fixture) : ReminderLedgerTests<SqliteFixture>(fixture);
