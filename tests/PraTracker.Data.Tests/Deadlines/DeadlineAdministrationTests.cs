using Microsoft.EntityFrameworkCore;
using PraTracker.Data.Deadlines;
using PraTracker.Data.Identity;

namespace PraTracker.Tests.Deadlines;

/// <summary>Admins correct laws and calendars; bad edits are refused whole, good ones are audited.</summary>
public abstract class DeadlineAdministrationTests<TFixture>(TFixture fixture) : IClassFixture<TFixture>
    where TFixture : DatabaseFixture
{
    [Fact]
    public async Task A_law_edit_with_no_fixed_period_but_a_number_of_days_is_refused_and_nothing_is_saved()
    {
        await using var db = fixture.Open(Viewer.System);
        var edit = LawEdit.From((await LawAdministration.FindAsync(db, "US-TX"))!);
        edit.ResponseDays = 10;
        edit.AppealSourceUrl = "the AG's website";
        var result = await LawAdministration.UpdateAsync(db, "US-TX", edit);

        Assert.Contains(result.Errors, e => e.Contains("no fixed period has no response days"));
        Assert.Contains(result.Errors, e => e.Contains("appeal source must be a web address"));
        await using var read = fixture.Open(Viewer.System);
        Assert.Null((await read.Laws.SingleAsync(l => l.Code == "US-TX")).ResponseDays);
    }

    [Fact]
    public async Task A_law_edit_is_saved_and_audited_and_an_unchanged_save_says_so()
    {
        await using (var db = fixture.Open(Viewer.System))
        {
            var edit = LawEdit.From((await LawAdministration.FindAsync(db, "US-WY"))!);
            edit.Notes = "Checked against the 2026 session laws.";
            edit.LastCheckedOn = new DateOnly(2026, 11, 23);
            var result = await LawAdministration.UpdateAsync(db, "US-WY", edit);
            Assert.Empty(result.Errors);
            Assert.True(result.Changed);

            var again = await LawAdministration.UpdateAsync(db, "US-WY", edit);
            Assert.False(again.Changed);
        }

        await using var read = fixture.Open(Viewer.System);
        var law = await read.Laws.SingleAsync(l => l.Code == "US-WY");
        Assert.Equal("Checked against the 2026 session laws.", law.Notes);
        Assert.True(await read.AuditEntries.AnyAsync(a => a.EntityType == nameof(PublicRecordsLaw) && a.EntityId == law.Id));
    }

    [Fact]
    public async Task A_laws_own_follow_up_letter_is_saved_and_used_and_one_with_an_unknown_placeholder_is_refused()
    {
        await using (var db = fixture.Open(Viewer.System))
        {
            var edit = LawEdit.From((await LawAdministration.FindAsync(db, "US-OR"))!);
            edit.FollowUpTemplate = "Dear records officer, request {reference} was due {due}; {refrence} please.";
            var refused = await LawAdministration.UpdateAsync(db, "US-OR", edit);
            Assert.Contains(refused.Errors, e => e.StartsWith("Follow-up letter:", StringComparison.Ordinal) && e.Contains("{refrence}", StringComparison.Ordinal));

            edit.FollowUpTemplate = "Dear records officer, request {reference} was due {due}. {requester}";
            Assert.Empty((await LawAdministration.UpdateAsync(db, "US-OR", edit)).Errors);
        }

        await using var read = fixture.Open(Viewer.System);
        var law = await read.Laws.SingleAsync(l => l.Code == "US-OR");
        var letter = PraTracker.Data.Correspondence.FollowUpLetters.Compose(
            new PraTracker.Data.Correspondence.FollowUpFacts(law, "Portland Police Bureau", "PRA-2026-0007", "Spokeo", new DateOnly(2026, 3, 2), new DateOnly(2026, 3, 9),
                DeadlineKind.InitialResponse, "Ada Lovelace", new DateOnly(2026, 3, 20), null),
            law.FollowUpTemplate);
        Assert.Equal("Dear records officer, request PRA-2026-0007 was due March 9, 2026. Ada Lovelace", letter);
    }

    [Fact]
    public async Task A_new_holiday_rule_shows_in_the_calendars_year_and_a_bad_one_is_explained()
    {
        await using var db = fixture.Open(Viewer.System);
        var bad = await CalendarAdministration.AddRuleAsync(db, "US-WA", new HolidayRuleInput { Name = "Storm day", Kind = HolidayRuleKind.FixedDate, Month = 2, Day = 30 });
        Assert.Equal(["Month 2 has no day 30."], bad.Errors);

        var good = await CalendarAdministration.AddRuleAsync(db, "US-WA", new HolidayRuleInput
        {
            Name = "Test Founders' Day",
            Kind = HolidayRuleKind.NthWeekdayOfMonth,
            Month = 3,
            Weekday = DayOfWeek.Wednesday,
            Nth = 2,
            Observance = HolidayObservance.None,
        });
        Assert.True(good.Succeeded);
        var view = await CalendarAdministration.GetAsync(db, "US-WA", 2026);
        Assert.Contains(view!.HolidaysInYear, h => h.Date == new DateOnly(2026, 3, 11) && h.Name == "Test Founders' Day");
        Assert.Contains(view.Rules, r => r.When == "2nd Wednesday of March");

        var rule = view.Rules.Single(r => r.Name == "Test Founders' Day");
        Assert.Equal(good.CalendarId, (await CalendarAdministration.RemoveRuleAsync(db, rule.Id)).CalendarId);
    }

    [Fact]
    public async Task A_closure_is_recorded_once_per_day_and_needs_a_reason()
    {
        await using var db = fixture.Open(Viewer.System);
        var date = new DateOnly(2031, 1, 15);
        Assert.False((await CalendarAdministration.AddClosureAsync(db, "US-NY", null, date, " ")).Succeeded);
        Assert.True((await CalendarAdministration.AddClosureAsync(db, "US-NY", null, date, "Ice storm")).Succeeded);
        var twice = await CalendarAdministration.AddClosureAsync(db, "US-NY", null, date, "Ice storm");
        Assert.Equal(["2031-01-15 is already recorded as a closure."], twice.Errors);
    }
}

public sealed class PostgresDeadlineAdministrationTests(PostgresFixture fixture) : DeadlineAdministrationTests<PostgresFixture>(fixture);

public sealed class SqliteDeadlineAdministrationTests(SqliteFixture fixture) : DeadlineAdministrationTests<SqliteFixture>(fixture);
