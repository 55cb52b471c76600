using PraTracker.Data.Deadlines;

namespace PraTracker.Tests.Deadlines;

/// <summary>
/// Worked cases on the seeded calendars, each derived by hand from the statute and a real calendar:
/// federal FOIA counts 20 working days after receipt (5 U.S.C. § 552(a)(6)(A)(i)) and skips the legal
/// public holidays of 5 U.S.C. § 6103; the California PRA counts 10 calendar days (Gov. Code § 7922.535(a)),
/// the first day excluded and the last included (Code Civ. Proc. § 12), and a last day on a Saturday, a
/// Sunday or a judicial holiday (§§ 12a, 135) rolls forward.
/// </summary>
public sealed class DayCountingTests
{
    private static readonly BusinessCalendar Federal = Calendar("US-FED");
    private static readonly BusinessCalendar California = Calendar("US-CA");

    [Theory]
    // Received Monday 2026-03-02: Mar 3-6 are days 1-4, 9-13 are 5-9, 16-20 are 10-14, 23-27 are 15-19, Mon Mar 30 is day 20.
    [InlineData("2026-03-02", 20, "2026-03-30")]
    // Received Wed 2026-11-25: Thanksgiving (Thu 26) is skipped, Fri 27 is day 1, Dec 24 is day 20, before Christmas.
    [InlineData("2026-11-25", 20, "2026-12-24")]
    // Received Wed 2026-07-01: Independence Day is a Saturday, observed Friday Jul 3, which is skipped; day 20 is Thu Jul 30.
    [InlineData("2026-07-01", 20, "2026-07-30")]
    // Received on a Saturday counts like a Friday receipt: Mon 2026-03-09 is day 1, Fri 2026-04-03 is day 20.
    [InlineData("2026-03-07", 20, "2026-04-03")]
    [InlineData("2026-03-06", 20, "2026-04-03")]
    // Across the year end: received Mon 2026-12-14; Christmas (Fri 25) and New Year's Day (Fri 2027-01-01) are skipped.
    // Dec 15-18 (4), 21-24 (8), 28-31 (12), Jan 4-8 (17), Jan 11-13 (20).
    [InlineData("2026-12-14", 20, "2027-01-13")]
    // Appeal decision, 20 working days after an appeal received Fri 2027-01-08: MLK Day (Mon Jan 18) is skipped.
    // Jan 11-15 (5), 19-22 (9), 25-29 (14), Feb 1-5 (19), Mon Feb 8 (20).
    [InlineData("2027-01-08", 20, "2027-02-08")]
    public void Federal_FOIA_counts_working_days_after_receipt_skipping_weekends_and_legal_public_holidays(string received, int days, string expected)
    {
        var counted = DayCounting.AddBusinessDays(DateOnly.Parse(received), days, Federal, "receipt");
        Assert.Equal(DateOnly.Parse(expected), counted.Due);
    }

    [Fact]
    public void A_FOIA_explanation_names_the_holidays_it_skipped()
    {
        var counted = DayCounting.AddBusinessDays(new DateOnly(2026, 11, 25), 20, Federal, "receipt");
        Assert.Equal(
            "20 business days after receipt on 2026-11-25 (Wednesday) (the day of receipt not counted) is 2026-12-24 (Thursday), skipping 8 weekend days, 2026-11-26 (Thursday) Thanksgiving Day",
            counted.Explanation);
    }

    [Theory]
    // Received Mon 2026-03-02: the 10th day is Thu 2026-03-12, a business day.
    [InlineData("2026-03-02", 10, "2026-03-12")]
    // Extension of 14 days from the original due date Thu 2026-03-12: Thu 2026-03-26.
    [InlineData("2026-03-12", 14, "2026-03-26")]
    // Received Wed 2026-03-04: the 10th day is Saturday Mar 14, a holiday under § 12a; Sunday too; Monday Mar 16.
    [InlineData("2026-03-04", 10, "2026-03-16")]
    // Received Sat 2026-03-21: the 10th day is Tue Mar 31, César Chávez Day (§ 135 via Gov. Code § 6700); Wed Apr 1.
    [InlineData("2026-03-21", 10, "2026-04-01")]
    // Received Tue 2026-11-17: the 10th day is Fri Nov 27, the day after Thanksgiving (§ 135), then Sat and Sun; Mon Nov 30.
    [InlineData("2026-11-17", 10, "2026-11-30")]
    // Leap year: received Sun 2028-02-20; Feb 29 exists, so the 10th day is Wed 2028-03-01.
    [InlineData("2028-02-20", 10, "2028-03-01")]
    // Across the year end: received Tue 2026-12-22; the 10th day is Fri 2027-01-01, New Year's Day; then Sat and Sun; Mon Jan 4.
    [InlineData("2026-12-22", 10, "2027-01-04")]
    // Admission Day (Sep 9) is not a judicial holiday (§ 135 excludes it): received Sun 2026-08-30, due Wed 2026-09-09.
    [InlineData("2026-08-30", 10, "2026-09-09")]
    public void California_counts_calendar_days_and_rolls_a_closed_last_day_forward(string from, int days, string expected)
    {
        var counted = DayCounting.AddCalendarDays(DateOnly.Parse(from), days, California, rollsToNextBusinessDay: true, "receipt");
        Assert.Equal(DateOnly.Parse(expected), counted.Due);
    }

    [Fact]
    public void A_rolled_California_deadline_says_why_each_day_was_passed_over()
    {
        var counted = DayCounting.AddCalendarDays(new DateOnly(2026, 11, 17), 10, California, rollsToNextBusinessDay: true, "receipt");
        Assert.Equal(
            "10 calendar days after receipt on 2026-11-17 (Tuesday) is 2026-11-27 (Friday); 2026-11-27 (Friday) is Day after Thanksgiving, "
            + "2026-11-28 (Saturday) is Saturday (a holiday under this calendar), 2026-11-29 (Sunday) is Sunday, so the deadline rolls to 2026-11-30 (Monday)",
            counted.Explanation);
    }

    [Theory]
    [InlineData("2021-12-31", "New Year's Day (observed)")] // Jan 1 2022 was a Saturday: observed the Friday before, in the previous year.
    [InlineData("2021-06-18", "Juneteenth National Independence Day (observed)")] // first observed in 2021, on a Friday.
    [InlineData("2020-06-19", null)] // Juneteenth was not a federal holiday before 2021.
    [InlineData("2027-07-05", "Independence Day (observed)")] // Jul 4 2027 is a Sunday.
    [InlineData("2026-05-25", "Memorial Day")] // the last Monday in May 2026.
    [InlineData("2026-10-12", "Columbus Day")]
    [InlineData("2026-11-27", null)] // the day after Thanksgiving is not a federal holiday.
    public void The_federal_calendar_follows_5_USC_6103_with_observed_days(string date, string? expected)
    {
        Assert.Equal(expected, Federal.WhyClosed(DateOnly.Parse(date)));
    }

    [Theory]
    [InlineData(2024, "2024-03-31")]
    [InlineData(2025, "2025-04-20")]
    [InlineData(2026, "2026-04-05")]
    [InlineData(2038, "2038-04-25")]
    public void Easter_falls_where_the_church_calendar_puts_it(int year, string expected)
    {
        Assert.Equal(DateOnly.Parse(expected), HolidayDates.EasterSunday(year));
    }

    [Fact]
    public void General_election_day_is_the_Tuesday_after_the_first_Monday_of_November()
    {
        var rule = new HolidayRule { Name = "Election Day", Kind = HolidayRuleKind.GeneralElectionDay, Month = 11 };
        Assert.Equal(new DateOnly(2026, 11, 3), HolidayDates.ActualDate(rule, 2026));
        Assert.Equal(new DateOnly(2027, 11, 2), HolidayDates.ActualDate(rule, 2027)); // Nov 1 2027 is a Monday
        Assert.Equal(new DateOnly(2022, 11, 8), HolidayDates.ActualDate(rule, 2022)); // Nov 1 2022 is a Tuesday, so not the 1st
    }

    [Fact]
    public void A_one_off_closure_is_not_a_business_day()
    {
        var calendar = new HolidayCalendar { Code = "T", Name = "Test", Closures = [new HolidayClosure { Date = new DateOnly(2026, 1, 27), Reason = "storm" }] };
        var counted = DayCounting.AddBusinessDays(new DateOnly(2026, 1, 23), 2, new BusinessCalendar(calendar), "receipt");
        Assert.Equal(new DateOnly(2026, 1, 28), counted.Due);
        Assert.Contains("office closed: storm", counted.Explanation);
    }

    [Fact]
    public void A_business_day_deadline_never_lands_on_a_weekend_or_holiday()
    {
        // Every receipt day over five years, for every period from 1 to 30 working days.
        for (var received = new DateOnly(2025, 1, 1); received < new DateOnly(2030, 1, 1); received = received.AddDays(1))
        {
            for (var days = 1; days <= 30; days += 7)
            {
                var due = DayCounting.AddBusinessDays(received, days, Federal, "receipt").Due;
                Assert.True(Federal.IsBusinessDay(due), $"{days} working days after {received} landed on {due}");
                Assert.True(due > received);
            }
        }
    }

    private static BusinessCalendar Calendar(string code) =>
        new(ReferenceDataSeeder.LoadCalendars().Single(c => c.Code == code));
}
