using Microsoft.EntityFrameworkCore;
using PraTracker.Data.Contracts;
using PraTracker.Data.Deadlines;
using PraTracker.Data.Identity;
using PraTracker.Data.Requests;

namespace PraTracker.Tests.Deadlines;

/// <summary>Contract alert dates, digest hours and how pending alerts become e-mails: pure rules.</summary>
public sealed class AlertScheduleTests
{
    private static readonly TimeZoneInfo LosAngeles = TimeZoneInfo.FindSystemTimeZoneById("America/Los_Angeles");

    [Theory]
    [InlineData(61, null)]
    [InlineData(60, 60)]
    [InlineData(45, 60)] // first seen 45 days out: the 60-day alert, once
    [InlineData(31, 60)]
    [InlineData(30, 30)]
    [InlineData(1, 30)]
    [InlineData(0, 30)]
    [InlineData(-1, null)] // the date has passed: nothing left to file before the vote
    public void A_contract_date_raises_the_60_day_then_the_30_day_alert(int daysLeft, int? expected)
    {
        var today = new DateOnly(2026, 11, 23);
        Assert.Equal(expected, ReminderSchedule.ContractAlertDue(today.AddDays(daysLeft), today));
    }

    [Theory]
    [InlineData("2026-11-23T15:59:00Z", null, false)] // 07:59 in Los Angeles, digest at 08:00
    [InlineData("2026-11-23T16:00:00Z", null, true)]
    [InlineData("2026-11-23T20:00:00Z", "2026-11-23T16:05:00Z", false)] // today's digest already went out
    [InlineData("2026-11-23T20:00:00Z", "2026-11-22T16:05:00Z", true)] // yesterday's did; today's has not
    [InlineData("2026-11-24T07:00:00Z", "2026-11-23T16:05:00Z", false)] // 23:00 the same local day
    [InlineData("2026-07-01T15:00:00Z", null, true)] // summer time: 08:00 PDT is 15:00 UTC
    public void A_digest_is_due_once_a_day_from_the_chosen_local_hour(string now, string? lastSent, bool due)
    {
        var last = lastSent is null ? (DateTimeOffset?)null : DateTimeOffset.Parse(lastSent, System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(due, ReminderSchedule.DigestDue(DateTimeOffset.Parse(now, System.Globalization.CultureInfo.InvariantCulture), LosAngeles, 8, last));
    }

    [Fact]
    public void Alerts_become_one_e_mail_each_or_one_digest_per_recipient_when_its_hour_has_come()
    {
        var now = new DateTimeOffset(2026, 11, 23, 17, 0, 0, TimeSpan.Zero); // 09:00 in Los Angeles
        var each = new AlertRecipient("each", "each@example.org", "Each", AlertDelivery.EachAlert, 8);
        var morning = new AlertRecipient("morning", "morning@example.org", "Morning", AlertDelivery.DailyDigest, 8);
        var evening = new AlertRecipient("evening", "evening@example.org", "Evening", AlertDelivery.DailyDigest, 18);
        var pending = new[] { Alert(each, 3), Alert(each, 1), Alert(morning, 7), Alert(morning, 0), Alert(evening, 2) };

        var plans = ReminderSchedule.PlanEmails(pending, new Dictionary<string, DateTimeOffset>(), now, LosAngeles);

        Assert.Equal(2, plans.Count(p => p.Recipient == each && !p.Digest && p.Alerts.Count == 1));
        var digest = Assert.Single(plans, p => p.Recipient == morning);
        Assert.True(digest.Digest);
        Assert.Equal([new DateOnly(2026, 11, 23), new DateOnly(2026, 11, 30)], digest.Alerts.Select(a => a.DueOn));
        Assert.DoesNotContain(plans, p => p.Recipient == evening); // held until 18:00
        Assert.Equal(3, plans.Count);
    }

    [Theory]
    [InlineData("7, 2, 1, 0", new[] { 7, 2, 1, 0 })]
    [InlineData("0,14 3", new[] { 14, 3, 0 })]
    [InlineData("3;3;3", new[] { 3 })]
    public void Lead_times_are_read_in_any_order_and_kept_largest_first(string text, int[] expected)
    {
        Assert.True(AlertPreferences.TryParseLeadDays(text, out var leads));
        Assert.Equal(expected, leads);
    }

    [Theory]
    [InlineData("")]
    [InlineData("seven")]
    [InlineData("7, -1")]
    [InlineData("31")]
    [InlineData("1,2,3,4,5,6,7")]
    [InlineData("2.5")]
    public void Unreadable_lead_times_are_refused(string text) => Assert.False(AlertPreferences.TryParseLeadDays(text, out _));

    private static PendingAlert Alert(AlertRecipient recipient, int daysLeft) => new(
        Guid.NewGuid(), recipient, daysLeft, DateTimeOffset.UnixEpoch, new DeadlineAlert(
            Guid.NewGuid(), "PRA-2026-0001", "Spokeo records", "Pasadena Police Department", DeadlineKind.InitialResponse,
            new DateOnly(2026, 11, 23).AddDays(daysLeft), "10 calendar days after receipt"),
        null);
}

/// <summary>Each user's lead times and delivery, and their calendar-feed secret, on each database.</summary>
public abstract class AlertPreferencesTests<TFixture>(TFixture fixture) : IClassFixture<TFixture>
    where TFixture : DatabaseFixture
{
    private static readonly DateTimeOffset Now = new(2026, 3, 10, 16, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Saved_preferences_are_read_back_and_bad_ones_change_nothing()
    {
        var user = await UserAsync();
        await using var db = fixture.Open(Viewer.Staff(user.Id));
        var defaults = await AlertPreferences.GetAsync(db, user.Id);
        Assert.Equal(("7, 2, 1, 0", AlertDelivery.EachAlert, 8), (AlertPreferences.Format(defaults!.LeadDays), defaults.Delivery, defaults.DigestHour));

        Assert.Empty(await AlertPreferences.SaveAsync(db, user.Id, new AlertPreferencesInput("3, 14", AlertDelivery.DailyDigest, 6)));
        var saved = await AlertPreferences.GetAsync(db, user.Id);
        Assert.Equal(("14, 3", AlertDelivery.DailyDigest, 6), (AlertPreferences.Format(saved!.LeadDays), saved.Delivery, saved.DigestHour));

        var errors = await AlertPreferences.SaveAsync(db, user.Id, new AlertPreferencesInput("14, 45", AlertDelivery.EachAlert, 24));
        Assert.Contains("LeadDays", errors.Keys);
        Assert.Contains("DigestHour", errors.Keys);
        var unchanged = await AlertPreferences.GetAsync(db, user.Id);
        Assert.Equal(("14, 3", AlertDelivery.DailyDigest, 6), (AlertPreferences.Format(unchanged!.LeadDays), unchanged.Delivery, unchanged.DigestHour));
    }

    [Fact]
    public async Task A_calendar_feed_secret_finds_its_owner_until_it_is_replaced_or_revoked()
    {
        var user = await UserAsync();
        await using var db = fixture.Open(Viewer.Staff(user.Id));
        var first = await AlertPreferences.RenewCalendarFeedAsync(db, user.Id);
        Assert.Equal(user.Id, await AlertPreferences.FeedOwnerAsync(db, first, Now));
        Assert.DoesNotContain(first, (await db.Users.AsNoTracking().SingleAsync(u => u.Id == user.Id)).CalendarFeedTokenHash);

        var second = await AlertPreferences.RenewCalendarFeedAsync(db, user.Id);
        Assert.NotEqual(first, second);
        Assert.Null(await AlertPreferences.FeedOwnerAsync(db, first, Now));
        Assert.Equal(user.Id, await AlertPreferences.FeedOwnerAsync(db, second, Now));
        Assert.Null(await AlertPreferences.FeedOwnerAsync(db, second.ToUpperInvariant(), Now));
        Assert.Null(await AlertPreferences.FeedOwnerAsync(db, "../" + second[3..], Now));

        await AlertPreferences.RevokeCalendarFeedAsync(db, user.Id);
        Assert.Null(await AlertPreferences.FeedOwnerAsync(db, second, Now));
    }

    [Fact]
    public async Task A_disabled_account_has_no_calendar_feed()
    {
        var user = await UserAsync();
        await using var db = fixture.Open(Viewer.Staff(user.Id));
        var token = await AlertPreferences.RenewCalendarFeedAsync(db, user.Id);
        await db.Users.Where(u => u.Id == user.Id).ExecuteUpdateAsync(set => set.SetProperty(u => u.LockoutEnd, DateTimeOffset.MaxValue));
        Assert.Null(await AlertPreferences.FeedOwnerAsync(db, token, Now));
    }

    [Fact]
    public async Task Following_twice_is_following_once_and_unfollowing_ends_it()
    {
        var user = await UserAsync();
        await using var db = fixture.Open(Viewer.Staff(user.Id));
        var vendor = Build.Vendor();
        db.Vendors.Add(vendor);
        await db.SaveChangesAsync();

        await Following.FollowAsync(db, user.Id, FollowSubject.Vendor(vendor.Id), Now);
        await Following.FollowAsync(db, user.Id, FollowSubject.Vendor(vendor.Id), Now);
        var row = Assert.Single(await Following.ListAsync(db, user.Id));
        Assert.Equal((vendor.Name, "Vendor", $"/vendors/{vendor.Id}"), (row.Name, row.Kind, row.Href));

        await Following.UnfollowAsync(db, user.Id, FollowSubject.Vendor(vendor.Id));
        Assert.Empty(await Following.ListAsync(db, user.Id));
        await using var anonymous = fixture.Open(Viewer.Anonymous);
        Assert.Equal(0, await anonymous.Follows.CountAsync()); // who follows what is never public
    }

    private async Task<PraTrackerUser> UserAsync()
    {
        await using var db = fixture.Open(Viewer.System);
        var user = Build.User();
        db.Users.Add(user);
        await db.SaveChangesAsync();
        return user;
    }
}

public sealed class PostgresAlertPreferencesTests(PostgresFixture fixture) : AlertPreferencesTests<PostgresFixture>(fixture);

public sealed class SqliteAlertPreferencesTests(SqliteFixture fixture) : AlertPreferencesTests<SqliteFixture>(fixture);
