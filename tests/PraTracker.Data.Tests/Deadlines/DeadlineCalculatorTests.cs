using PraTracker.Data.Deadlines;
using PraTracker.Data.Requests;

using static PraTracker.Tests.Deadlines.DeadlineCalculatorTests;

namespace PraTracker.Tests.Deadlines;

/// <summary>
/// Worked cases for the event-driven calculator on the seeded laws and calendars. Each date was counted by hand
/// on a printed calendar from the statute the law row cites; the reasoning sits beside the case.
/// </summary>
public sealed class DeadlineCalculatorTests
{
    // ---- Federal FOIA: 20 working days (5 U.S.C. § 552(a)(6)(A)(i)), one extension of 10 (§ 552(a)(6)(B)(i)),
    // ---- 90 days to appeal, 20 working days to decide it; a request for information and fee questions toll.

    [Fact]
    public void Federal_response_is_due_on_the_20th_working_day_and_missed_the_day_after()
    {
        // Received Mon 2026-03-02: Mar 3-6 (4), 9-13 (9), 16-20 (14), 23-27 (19), Mon Mar 30 (20).
        var deadlines = Calculate("US-FED", "2026-03-02", today: "2026-03-30");
        var response = Single(deadlines, DeadlineKind.InitialResponse);
        Assert.Equal(D("2026-03-30"), response.DueOn);
        Assert.Equal(DeadlineStatus.Open, response.Status);
        Assert.Contains("5 U.S.C. § 552(a)(6)", response.Explanation);

        var nextDay = Single(Calculate("US-FED", "2026-03-02", today: "2026-03-31"), DeadlineKind.InitialResponse);
        Assert.Equal(DeadlineStatus.Missed, nextDay.Status);
        Assert.Null(nextDay.ClosedOn); // overdue: no response yet
    }

    [Fact]
    public void Federal_extension_notice_replaces_the_response_with_10_more_working_days_from_the_original_due_date()
    {
        // Original due Mon Mar 30; Mar 31-Apr 3 (4), Apr 6-10 (9), Mon Apr 13 (10).
        var notice = Event(RequestEventKind.ExtensionNotice, "2026-03-20");
        var deadlines = Calculate("US-FED", "2026-03-02", today: "2026-03-20", notice);

        var initial = Single(deadlines, DeadlineKind.InitialResponse);
        Assert.Equal(DeadlineStatus.Superseded, initial.Status);
        Assert.Equal(D("2026-03-20"), initial.ClosedOn);
        var extended = Single(deadlines, DeadlineKind.ExtendedResponse);
        Assert.Equal(D("2026-04-13"), extended.DueOn);
        Assert.Equal(notice.Id, extended.SourceEventId);
        Assert.Equal(DeadlineStatus.Open, extended.Status);
        Assert.Null(extended.Warning);
    }

    [Fact]
    public void An_extension_notice_naming_an_earlier_date_holds_the_agency_to_it()
    {
        var notice = Event(RequestEventKind.ExtensionNotice, "2026-03-20", promised: "2026-04-08");
        var extended = Single(Calculate("US-FED", "2026-03-02", today: "2026-03-20", notice), DeadlineKind.ExtendedResponse);
        Assert.Equal(D("2026-04-08"), extended.DueOn);
        Assert.Contains("within that limit", extended.Explanation);
    }

    [Fact]
    public void An_extension_notice_claiming_more_than_the_law_allows_is_bounded_and_flagged()
    {
        var notice = Event(RequestEventKind.ExtensionNotice, "2026-03-20", promised: "2026-05-01");
        var extended = Single(Calculate("US-FED", "2026-03-02", today: "2026-03-20", notice), DeadlineKind.ExtendedResponse);
        Assert.Equal(D("2026-04-13"), extended.DueOn);
        Assert.Contains("2026-05-01", extended.Warning);
        Assert.Contains("later than the law allows", extended.Warning);
    }

    [Fact]
    public void A_second_federal_extension_notice_does_not_move_the_deadline_and_is_flagged()
    {
        var first = Event(RequestEventKind.ExtensionNotice, "2026-03-20");
        var second = Event(RequestEventKind.ExtensionNotice, "2026-04-10", promised: "2026-05-15");
        var deadlines = Calculate("US-FED", "2026-03-02", today: "2026-04-10", first, second);

        var extended = Single(deadlines, DeadlineKind.ExtendedResponse);
        Assert.Equal(D("2026-04-13"), extended.DueOn);
        Assert.Contains("allows 1 extension", extended.Warning);
        var promised = Single(deadlines, DeadlineKind.PromisedProduction);
        Assert.Equal(D("2026-05-15"), promised.DueOn);
        Assert.Equal(second.Id, promised.SourceEventId);
    }

    [Fact]
    public void A_federal_request_for_clarification_stops_the_clock_and_the_answer_restarts_it_with_the_days_left()
    {
        // Due Mon Mar 30. Stopped Tue Mar 10 with Mar 10-13 (4), 16-20 (9), 23-27 (14), 30 (15) = 15 working days left;
        // the agency used Mar 3-9 = 5 days. Resumed Mon Mar 23: Mar 24-27 (4), Mar 30-Apr 3 (9), Apr 6-10 (14), Mon Apr 13 (15).
        var asked = Event(RequestEventKind.ClarificationRequested, "2026-03-10");
        var paused = Single(Calculate("US-FED", "2026-03-02", today: "2026-04-20", asked), DeadlineKind.InitialResponse);
        Assert.Equal(DeadlineStatus.Paused, paused.Status);

        var answered = Event(RequestEventKind.ClarificationProvided, "2026-03-23");
        var deadlines = Calculate("US-FED", "2026-03-02", today: "2026-03-23", asked, answered);
        var before = deadlines.Single(d => d.Kind == DeadlineKind.InitialResponse && d.SourceEventId is null);
        Assert.Equal(DeadlineStatus.Superseded, before.Status);
        var resumed = deadlines.Single(d => d.Kind == DeadlineKind.InitialResponse && d.SourceEventId == answered.Id);
        Assert.Equal(D("2026-04-13"), resumed.DueOn);
        Assert.Equal(DeadlineStatus.Open, resumed.Status);
        Assert.Contains("15 business days left", resumed.Explanation);
    }

    [Fact]
    public void A_fee_estimate_tolls_the_federal_clock_until_the_fee_is_paid()
    {
        // Due Mon Mar 30; estimate Mon Mar 23 leaves Mar 23-27 (5) + Mar 30 (6) = 6 days; paid Wed Apr 1:
        // Apr 2, 3 (2), Apr 6-9 (6) -> Thu Apr 9.
        var estimate = Event(RequestEventKind.FeeEstimate, "2026-03-23");
        var paid = Event(RequestEventKind.FeePaid, "2026-04-01");
        var resumed = Calculate("US-FED", "2026-03-02", today: "2026-04-01", estimate, paid)
            .Single(d => d.SourceEventId == paid.Id);
        Assert.Equal(D("2026-04-09"), resumed.DueOn);
    }

    [Fact]
    public void A_request_for_clarification_after_the_deadline_passed_does_not_stop_the_clock()
    {
        var asked = Event(RequestEventKind.ClarificationRequested, "2026-04-02");
        var response = Single(Calculate("US-FED", "2026-03-02", today: "2026-04-02", asked), DeadlineKind.InitialResponse);
        Assert.Equal(DeadlineStatus.Missed, response.Status);
        Assert.Contains("does not stop the clock", response.Warning);
    }

    [Fact]
    public void A_federal_denial_meets_the_response_and_opens_a_90_day_appeal_window()
    {
        // Denied Wed Mar 25: Mar 26-31 (6), April (36), May (67), Jun 1-23 (90) -> Tue Jun 23.
        var denial = Event(RequestEventKind.Denial, "2026-03-25");
        var deadlines = Calculate("US-FED", "2026-03-02", today: "2026-03-25", denial);
        var response = Single(deadlines, DeadlineKind.InitialResponse);
        Assert.Equal(DeadlineStatus.Met, response.Status);
        Assert.Equal(D("2026-03-25"), response.ClosedOn);
        var appeal = Single(deadlines, DeadlineKind.AppealFiling);
        Assert.Equal(D("2026-06-23"), appeal.DueOn);
        Assert.Equal(denial.Id, appeal.SourceEventId);
    }

    [Fact]
    public void A_90_day_appeal_window_ending_on_a_sunday_rolls_to_monday()
    {
        // Denied Mon Mar 2: Mar 3-31 (29), April (59), May 1-31 (90) -> Sun May 31 -> Mon Jun 1.
        var denial = Event(RequestEventKind.Denial, "2026-03-02");
        var appeal = Single(Calculate("US-FED", "2026-02-01", today: "2026-03-02", denial), DeadlineKind.AppealFiling);
        Assert.Equal(D("2026-06-01"), appeal.DueOn);
        Assert.Contains("2026-05-31 (Sunday) is Sunday", appeal.Explanation);
    }

    [Fact]
    public void A_federal_appeal_closes_the_window_and_gives_the_agency_20_working_days_to_decide()
    {
        // Appealed Fri Apr 10: Apr 13-17 (5), 20-24 (10), Apr 27-May 1 (15), May 4-8 (20) -> Fri May 8.
        var denial = Event(RequestEventKind.Denial, "2026-03-25");
        var appeal = Event(RequestEventKind.Appeal, "2026-04-10");
        var deadlines = Calculate("US-FED", "2026-03-02", today: "2026-04-10", denial, appeal);
        Assert.Equal(DeadlineStatus.Met, Single(deadlines, DeadlineKind.AppealFiling).Status);
        var decision = Single(deadlines, DeadlineKind.AppealDecision);
        Assert.Equal(D("2026-05-08"), decision.DueOn);

        var decided = Event(RequestEventKind.AppealDecision, "2026-05-11");
        var late = Single(Calculate("US-FED", "2026-03-02", today: "2026-05-11", denial, appeal, decided), DeadlineKind.AppealDecision);
        Assert.Equal(DeadlineStatus.Missed, late.Status);
        Assert.Equal(D("2026-05-11"), late.ClosedOn); // answered late
    }

    [Fact]
    public void A_denial_after_the_deadline_leaves_the_response_missed_but_still_opens_the_appeal_window()
    {
        var denial = Event(RequestEventKind.Denial, "2026-04-02");
        var deadlines = Calculate("US-FED", "2026-03-02", today: "2026-04-02", denial);
        var response = Single(deadlines, DeadlineKind.InitialResponse);
        Assert.Equal(DeadlineStatus.Missed, response.Status);
        Assert.Equal(D("2026-04-02"), response.ClosedOn);
        Assert.Equal(DeadlineStatus.Open, Single(deadlines, DeadlineKind.AppealFiling).Status);
    }

    [Fact]
    public void Final_production_closes_the_agencys_deadlines_as_met_but_keeps_the_requesters_appeal_window()
    {
        var notice = Event(RequestEventKind.ExtensionNotice, "2026-03-20");
        var denial = Event(RequestEventKind.Denial, "2026-04-06");
        var production = Event(RequestEventKind.FinalProduction, "2026-04-06");
        var deadlines = Calculate("US-FED", "2026-03-02", today: "2026-04-06", notice, denial, production);
        Assert.Equal(DeadlineStatus.Met, Single(deadlines, DeadlineKind.ExtendedResponse).Status);
        Assert.Equal(DeadlineStatus.Open, Single(deadlines, DeadlineKind.AppealFiling).Status);
    }

    [Fact]
    public void Withdrawal_closes_every_open_deadline_including_a_paused_one()
    {
        var asked = Event(RequestEventKind.ClarificationRequested, "2026-03-10");
        var withdrawn = Event(RequestEventKind.Withdrawal, "2026-03-12");
        var response = Single(Calculate("US-FED", "2026-03-02", today: "2026-06-01", asked, withdrawn), DeadlineKind.InitialResponse);
        Assert.Equal(DeadlineStatus.Met, response.Status);
        Assert.Equal(D("2026-03-12"), response.ClosedOn);
    }

    [Fact]
    public void Without_a_date_of_receipt_there_is_no_response_deadline_yet()
    {
        Assert.Empty(DeadlineCalculator.Calculate(Law("US-FED"), Calendar("US-FED"), receivedOn: null, [], D("2026-03-02")));
    }

    // ---- California PRA: a determination within 10 calendar days (Gov. Code § 7922.535(a)), one extension of up to
    // ---- 14 days by written notice (§ 7922.535(b)); a last day on a Saturday, Sunday or judicial holiday rolls.

    [Fact]
    public void California_extension_gives_14_days_after_the_original_due_date()
    {
        // The API's example: received Mon 2026-03-02, due Thu Mar 12; extended Thu Mar 26.
        var notice = Event(RequestEventKind.ExtensionNotice, "2026-03-10");
        var deadlines = Calculate("US-CA", "2026-03-02", today: "2026-03-10", notice);
        Assert.Equal(D("2026-03-12"), Single(deadlines, DeadlineKind.InitialResponse).DueOn);
        Assert.Equal(D("2026-03-26"), Single(deadlines, DeadlineKind.ExtendedResponse).DueOn);
    }

    [Fact]
    public void A_California_extension_ending_on_Christmas_rolls_past_the_weekend()
    {
        // Received Tue 2026-12-01, due Fri Dec 11; +14 = Fri Dec 25 (Christmas), Sat 26 (a § 12a holiday), Sun 27 -> Mon Dec 28.
        var notice = Event(RequestEventKind.ExtensionNotice, "2026-12-09");
        var extended = Single(Calculate("US-CA", "2026-12-01", today: "2026-12-09", notice), DeadlineKind.ExtendedResponse);
        Assert.Equal(D("2026-12-28"), extended.DueOn);
        Assert.Contains("Christmas Day", extended.Explanation);
    }

    [Fact]
    public void A_California_extension_notice_sent_after_the_deadline_is_flagged_and_the_original_stays_missed()
    {
        var notice = Event(RequestEventKind.ExtensionNotice, "2026-03-13");
        var deadlines = Calculate("US-CA", "2026-03-02", today: "2026-03-13", notice);
        var initial = Single(deadlines, DeadlineKind.InitialResponse);
        Assert.Equal(DeadlineStatus.Missed, initial.Status);
        Assert.Equal(D("2026-03-13"), initial.ClosedOn);
        Assert.Contains("after the deadline it extends", Single(deadlines, DeadlineKind.ExtendedResponse).Warning);
    }

    [Fact]
    public void California_does_not_toll_for_clarification()
    {
        var asked = Event(RequestEventKind.ClarificationRequested, "2026-03-05");
        var response = Single(Calculate("US-CA", "2026-03-02", today: "2026-03-05", asked), DeadlineKind.InitialResponse);
        Assert.Equal(D("2026-03-12"), response.DueOn);
        Assert.Equal(DeadlineStatus.Open, response.Status);
    }

    [Fact]
    public void An_acknowledgement_does_not_meet_a_California_determination_but_its_promised_date_is_tracked()
    {
        var ack = Event(RequestEventKind.Acknowledged, "2026-03-04", promised: "2026-04-15");
        var deadlines = Calculate("US-CA", "2026-03-02", today: "2026-03-04", ack);
        Assert.Equal(DeadlineStatus.Open, Single(deadlines, DeadlineKind.InitialResponse).Status);
        var promised = Single(deadlines, DeadlineKind.PromisedProduction);
        Assert.Equal(D("2026-04-15"), promised.DueOn);
        Assert.Contains("No statute sets this date", promised.Explanation);
    }

    [Fact]
    public void A_California_denial_opens_no_appeal_window_because_the_remedy_is_court()
    {
        var denial = Event(RequestEventKind.Denial, "2026-03-10");
        var deadlines = Calculate("US-CA", "2026-03-02", today: "2026-03-10", denial);
        Assert.Equal(DeadlineStatus.Met, Single(deadlines, DeadlineKind.InitialResponse).Status);
        Assert.DoesNotContain(deadlines, d => d.Kind == DeadlineKind.AppealFiling);
    }

    // ---- UK FOIA 2000 s. 10: the 20th working day after receipt; bank holidays of any UK nation excluded (s. 10(6)).

    [Theory]
    // Received Mon 2026-12-14: Christmas Fri 25, Boxing Day Sat 26 -> substitute Mon 28, New Year Fri 2027-01-01,
    // Scotland's 2 January (Sat) -> substitute Mon Jan 4. Dec 15-18 (4), 21-24 (8), 29-31 (11), Jan 5-8 (15), 11-15 (20).
    [InlineData("2026-12-14", "2027-01-15")]
    // Received Wed 2026-03-18: Mar 19-20 (2), 23-27 (7), Mar 30-Apr 2 (11), Good Friday Apr 3 and Easter Monday Apr 6
    // skipped, Apr 7-10 (15), 13-17 (20) -> Fri Apr 17.
    [InlineData("2026-03-18", "2026-04-17")]
    // Received Mon 2026-06-01: Jun 2-5 (4), 8-12 (9), 15-19 (14), 22-26 (19), Mon Jun 29 (20).
    [InlineData("2026-06-01", "2026-06-29")]
    // Received Fri 2026-08-28: Aug 31 is the English summer bank holiday; Sep 1-4 (4), 7-11 (9), 14-18 (14), 21-25 (19), Mon Sep 28 (20).
    [InlineData("2026-08-28", "2026-09-28")]
    public void UK_FOIA_is_due_on_the_20th_working_day_after_receipt(string received, string expected)
    {
        Assert.Equal(D(expected), Single(Calculate("UK", received, today: received), DeadlineKind.InitialResponse).DueOn);
    }

    [Fact]
    public void A_UK_request_for_clarification_starts_a_full_new_period_from_the_answer()
    {
        // Answered Mon 2026-03-16; St Patrick's Day (Tue Mar 17, Northern Ireland) is skipped: Mar 18-20 (3), 23-27 (8),
        // Mar 30-Apr 2 (12), Apr 3 and Apr 6 skipped, Apr 7-10 (16), Apr 13-16 (20) -> Thu Apr 16.
        var asked = Event(RequestEventKind.ClarificationRequested, "2026-03-05");
        var answered = Event(RequestEventKind.ClarificationProvided, "2026-03-16");
        var restarted = Calculate("UK", "2026-03-02", today: "2026-03-16", asked, answered).Single(d => d.SourceEventId == answered.Id);
        Assert.Equal(D("2026-04-16"), restarted.DueOn);
        Assert.Contains("full new period", restarted.Explanation);
    }

    [Fact]
    public void UK_working_days_between_a_fees_notice_and_payment_are_disregarded()
    {
        // Due Mon Jun 29. Fees notice Thu Jun 11 leaves Jun 11-12 (2), 15-19 (7), 22-26 (12), 29 (13) = 13 days.
        // Paid Fri Jul 3: Jul 6-10 (5), Mon Jul 13 is the Battle of the Boyne substitute (Jul 12 is a Sunday),
        // Jul 14-17 (9), Jul 20-23 (13) -> Thu Jul 23.
        var notice = Event(RequestEventKind.FeeEstimate, "2026-06-11");
        var paid = Event(RequestEventKind.FeePaid, "2026-07-03");
        var resumed = Calculate("UK", "2026-06-01", today: "2026-07-03", notice, paid).Single(d => d.SourceEventId == paid.Id);
        Assert.Equal(D("2026-07-23"), resumed.DueOn);
    }

    [Theory]
    [InlineData("2027-12-27", "Christmas Day (substitute day)")] // Christmas 2027 is a Saturday
    [InlineData("2027-12-28", "Boxing Day (substitute day)")] // and Boxing Day a Sunday, so it takes the Tuesday
    [InlineData("2022-12-26", "Boxing Day")] // Christmas 2022 was a Sunday; Boxing Day kept its Monday
    [InlineData("2022-12-27", "Christmas Day (substitute day)")] // so Christmas moved to the Tuesday
    [InlineData("2022-01-03", "New Year's Day (substitute day)")] // 1 January 2022 was a Saturday
    [InlineData("2022-01-04", "2nd January (Scotland) (substitute day)")] // and 2 January a Sunday
    [InlineData("2026-04-06", "Easter Monday (England, Wales, Northern Ireland)")]
    [InlineData("2026-11-30", "St Andrew's Day (Scotland)")]
    [InlineData("2022-09-19", "office closed: State funeral of Queen Elizabeth II")]
    [InlineData("2026-11-27", null)]
    public void The_UK_calendar_knows_every_nations_bank_holidays_and_their_substitute_days(string date, string? expected)
    {
        Assert.Equal(expected, Calendar("UK").WhyClosed(D(date)));
    }

    // ---- Helpers

    internal static IReadOnlyList<CalculatedDeadline> Calculate(string lawCode, string received, string today, params TimelineEvent[] events) =>
        DeadlineCalculator.Calculate(Law(lawCode), Calendar(lawCode), D(received), events, D(today));

    internal static TimelineEvent Event(RequestEventKind kind, string on, string? promised = null) =>
        new(Guid.NewGuid(), kind, D(on), promised is null ? null : D(promised));

    internal static CalculatedDeadline Single(IEnumerable<CalculatedDeadline> deadlines, DeadlineKind kind) =>
        Assert.Single(deadlines, d => d.Kind == kind);

    internal static DateOnly D(string date) => DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture);

    internal static PublicRecordsLaw Law(string code) => SeededLaws.Value[code];

    internal static BusinessCalendar Calendar(string lawCode) => new(SeededCalendars.Value[Law(lawCode).HolidayCalendar.Code]);

    private static readonly Lazy<Dictionary<string, HolidayCalendar>> SeededCalendars =
        new(() => ReferenceDataSeeder.LoadCalendars().ToDictionary(c => c.Code));

    private static readonly Lazy<Dictionary<string, PublicRecordsLaw>> SeededLaws = new(() => ReferenceDataSeeder.LoadLaws()
        .ToDictionary(l => l.Code, l =>
        {
            var law = l.ToLaw(Guid.Empty);
            law.HolidayCalendar = SeededCalendars.Value[l.HolidayCalendarCode];
            return law;
        }));
}

/// <summary>
/// Worked cases for Illinois (5 ILCS 140/3(d)-(e)), Washington (RCW 42.56.520), New York (Pub. Off. Law § 89) and
/// the states with no fixed period (Texas, Florida, Ohio), on their seeded calendars.
/// </summary>
public sealed class StateDeadlineCalculatorTests
{
    [Fact]
    public void Illinois_gives_5_business_days_skipping_Lincolns_Birthday_and_Presidents_Day_and_5_more_on_extension()
    {
        // Received Tue 2026-02-10: Feb 11 (1), Lincoln's Birthday Thu Feb 12 skipped, Feb 13 (2), Presidents' Day Mon Feb 16
        // skipped, Feb 17-19 (5) -> Thu Feb 19. Extended 5 business days from the original due date: Feb 20 (1), Feb 23-26 (5).
        var notice = Event(RequestEventKind.ExtensionNotice, "2026-02-17");
        var deadlines = Calculate("US-IL", "2026-02-10", today: "2026-02-17", notice);
        Assert.Equal(D("2026-02-19"), Single(deadlines, DeadlineKind.InitialResponse).DueOn);
        Assert.Equal(D("2026-02-26"), Single(deadlines, DeadlineKind.ExtendedResponse).DueOn);
        Assert.Contains("Lincoln's Birthday", Single(deadlines, DeadlineKind.InitialResponse).Explanation);
    }

    [Fact]
    public void Illinois_skips_Thanksgiving_and_the_day_after()
    {
        // Received Mon 2026-11-23: Nov 24 (1), 25 (2), Nov 26-27 skipped, Nov 30 (3), Dec 1 (4), Dec 2 (5).
        Assert.Equal(D("2026-12-02"), Single(Calculate("US-IL", "2026-11-23", today: "2026-11-23"), DeadlineKind.InitialResponse).DueOn);
    }

    [Fact]
    public void An_Illinois_extension_notice_claiming_more_than_5_business_days_is_flagged()
    {
        var notice = Event(RequestEventKind.ExtensionNotice, "2026-02-17", promised: "2026-03-31");
        var extended = Single(Calculate("US-IL", "2026-02-10", today: "2026-02-17", notice), DeadlineKind.ExtendedResponse);
        Assert.Equal(D("2026-02-26"), extended.DueOn);
        Assert.NotNull(extended.Warning);
    }

    [Theory]
    // Received Tue 2026-11-24: Nov 25 (1), Thanksgiving and Native American Heritage Day (Nov 26-27) skipped, Nov 30 (2), Dec 1-3 (5).
    [InlineData("2026-11-24", "2026-12-03")]
    // Columbus Day is not a Washington holiday (RCW 1.16.050): received Thu 2026-10-08: Oct 9 (1), Oct 12-15 (5).
    [InlineData("2026-10-08", "2026-10-15")]
    // Received Fri 2026-12-31: New Year's Day (Fri Jan 1) skipped, Jan 4-8 (5).
    [InlineData("2026-12-31", "2027-01-08")]
    public void Washington_gives_5_business_days_on_its_own_holidays(string received, string expected)
    {
        Assert.Equal(D(expected), Single(Calculate("US-WA", received, today: received), DeadlineKind.InitialResponse).DueOn);
    }

    [Fact]
    public void A_Washington_acknowledgement_with_an_estimate_meets_the_5_days_and_the_estimate_becomes_the_agencys_date()
    {
        var ack = Event(RequestEventKind.Acknowledged, "2026-10-13", promised: "2026-12-15");
        var deadlines = Calculate("US-WA", "2026-10-08", today: "2026-10-13", ack);
        var response = Single(deadlines, DeadlineKind.InitialResponse);
        Assert.Equal(DeadlineStatus.Met, response.Status);
        var promised = Single(deadlines, DeadlineKind.PromisedProduction);
        Assert.Equal(D("2026-12-15"), promised.DueOn);
        Assert.Equal(DeadlineStatus.Open, promised.Status);

        // A later, revised estimate replaces the first.
        var revised = Event(RequestEventKind.ExtensionNotice, "2026-12-10", promised: "2027-02-01");
        var after = Calculate("US-WA", "2026-10-08", today: "2026-12-10", ack, revised);
        Assert.Equal(DeadlineStatus.Superseded, after.Single(d => d.SourceEventId == ack.Id).Status);
        Assert.Equal(D("2027-02-01"), after.Single(d => d.SourceEventId == revised.Id).DueOn);
    }

    [Fact]
    public void A_Washington_request_for_clarification_is_a_timely_first_response()
    {
        var asked = Event(RequestEventKind.ClarificationRequested, "2026-10-12");
        Assert.Equal(DeadlineStatus.Met, Single(Calculate("US-WA", "2026-10-08", today: "2026-10-20", asked), DeadlineKind.InitialResponse).Status);
    }

    [Theory]
    // Received on Veterans Day (Wed 2026-11-11): Nov 12 (1), 13 (2), 16-18 (5).
    [InlineData("2026-11-11", "2026-11-18")]
    // Received Fri 2026-10-30: Nov 2 (1), Election Day (Tue Nov 3, Gen. Constr. Law § 24) skipped, Nov 4-6 (4), Mon Nov 9 (5).
    [InlineData("2026-10-30", "2026-11-09")]
    // Received Wed 2026-02-11: Lincoln's Birthday (Thu Feb 12) skipped, Feb 13 (1), Washington's Birthday (Mon Feb 16) skipped, Feb 17-20 (5).
    [InlineData("2026-02-11", "2026-02-20")]
    public void New_York_gives_5_business_days_on_its_own_holidays(string received, string expected)
    {
        Assert.Equal(D(expected), Single(Calculate("US-NY", received, today: received), DeadlineKind.InitialResponse).DueOn);
    }

    [Fact]
    public void A_New_York_acknowledgement_meets_the_5_days_and_opens_20_business_days_to_grant_or_deny()
    {
        // Acknowledged Thu 2026-11-05: Nov 6 (1), 9-10 (3), Veterans Day skipped, Nov 12-13 (5), 16-20 (10), 23-25 (13),
        // Thanksgiving skipped (the day after is not a New York holiday), Nov 27 (14), Nov 30-Dec 4 (19), Mon Dec 7 (20).
        var ack = Event(RequestEventKind.Acknowledged, "2026-11-05");
        var deadlines = Calculate("US-NY", "2026-10-30", today: "2026-11-05", ack);
        Assert.Equal(DeadlineStatus.Met, Single(deadlines, DeadlineKind.InitialResponse).Status);
        var decision = Single(deadlines, DeadlineKind.ExtendedResponse);
        Assert.Equal(D("2026-12-07"), decision.DueOn);
        Assert.Contains("the acknowledgement", decision.Explanation);
    }

    [Fact]
    public void A_New_York_denial_gives_30_days_to_appeal_and_the_agency_10_business_days_to_decide()
    {
        // Denied Tue 2026-12-01: +30 = Thu Dec 31. Appealed Thu Dec 10: Dec 11 (1), 14-18 (6), 21-24 (10) -> Thu Dec 24.
        var denial = Event(RequestEventKind.Denial, "2026-12-01");
        var appeal = Event(RequestEventKind.Appeal, "2026-12-10");
        var deadlines = Calculate("US-NY", "2026-11-20", today: "2026-12-10", denial, appeal);
        Assert.Equal(D("2026-12-31"), Single(deadlines, DeadlineKind.AppealFiling).DueOn);
        Assert.Equal(D("2026-12-24"), Single(deadlines, DeadlineKind.AppealDecision).DueOn);
    }

    [Theory]
    [InlineData("2026-07-03", null)] // Independence Day 2026 is a Saturday; New York moves only Sunday holidays
    [InlineData("2027-07-05", "Independence Day (observed)")] // Jul 4 2027 is a Sunday
    [InlineData("2026-11-03", "Election Day")]
    public void New_York_moves_only_a_Sunday_holiday_to_Monday(string date, string? expected)
    {
        Assert.Equal(expected, Calendar("US-NY").WhyClosed(D(date)));
    }

    [Theory]
    [InlineData("US-TX")]
    [InlineData("US-FL")]
    [InlineData("US-OH")]
    public void A_state_with_no_fixed_period_gets_no_invented_deadline_only_the_agencys_own_date(string code)
    {
        Assert.Equal(ResponseKind.NoFixedPeriod, Law(code).ResponseKind);
        Assert.Empty(Calculate(code, "2026-03-02", today: "2026-06-01"));

        // Texas § 552.221(d): an officer who cannot produce in 10 business days certifies a date; that date is tracked.
        var certified = Event(RequestEventKind.ExtensionNotice, "2026-03-16", promised: "2026-04-15");
        var promised = Single(Calculate(code, "2026-03-02", today: "2026-04-16", certified), DeadlineKind.PromisedProduction);
        Assert.Equal(D("2026-04-15"), promised.DueOn);
        Assert.Equal(DeadlineStatus.Missed, promised.Status);
    }
}
