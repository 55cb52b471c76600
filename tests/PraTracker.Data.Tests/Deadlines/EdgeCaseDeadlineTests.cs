using PraTracker.Data.Deadlines;
using PraTracker.Data.Requests;
using static PraTracker.Tests.Deadlines.DeadlineCalculatorTests;

namespace PraTracker.Tests.Deadlines;

/// <summary>Worked response deadlines across leap years, year ends, receipt on a weekend or holiday, and holidays that fall on a weekend.</summary>
public sealed class EdgeCaseDeadlineTests
{
    [Theory]
    // FOIA, leap year: received Mon 2028-02-14; Washington's Birthday (Mon Feb 21) skipped; Feb 15-18 (4), 22-25 (8),
    // Feb 28-29 (10), Mar 1-3 (13), 6-10 (18), Mar 13-14 (20).
    [InlineData("US-FED", "2028-02-14", "2028-03-14")]
    // FOIA, received on a holiday (MLK Day, Mon 2026-01-19): Jan 20-23 (4), 26-30 (9), Feb 2-6 (14), 9-13 (19),
    // Washington's Birthday (Mon Feb 16) skipped, Tue Feb 17 (20).
    [InlineData("US-FED", "2026-01-19", "2026-02-17")]
    // FOIA, holidays on Saturdays observed on Fridays: Christmas 2027 -> Fri Dec 24, New Year 2028 -> Fri Dec 31 2027.
    // Received Mon 2027-12-20: Dec 21-23 (3), 27-30 (7), Jan 3-7 (12), 10-14 (17), MLK Day (Jan 17) skipped, Jan 18-20 (20).
    [InlineData("US-FED", "2027-12-20", "2028-01-20")]
    // California, leap day: received Sat 2028-02-19 + 10 = Tue 2028-02-29, a court day.
    [InlineData("US-CA", "2028-02-19", "2028-02-29")]
    // California: Independence Day 2027 is a Sunday and is observed Monday (Gov. Code § 6701).
    // Received Thu 2027-06-24 + 10 = Sun Jul 4; Mon Jul 5 is the observed holiday; Tue Jul 6.
    [InlineData("US-CA", "2027-06-24", "2027-07-06")]
    // California, across the year end: received Wed 2027-12-22 + 10 = Sat 2028-01-01 (New Year's Day, a Saturday, not moved),
    // then Sunday; Mon Jan 3.
    [InlineData("US-CA", "2027-12-22", "2028-01-03")]
    // Illinois, across the year end: received Wed 2026-12-23; Dec 24 (1), Christmas skipped, Dec 28-31 (5).
    [InlineData("US-IL", "2026-12-23", "2026-12-31")]
    // Illinois, received on a Saturday: Mon Mar 9 is day 1, Fri 2026-03-13 day 5.
    [InlineData("US-IL", "2026-03-07", "2026-03-13")]
    // Washington, leap year: received Thu 2028-02-24; Feb 25 (1), 28 (2), 29 (3), Mar 1 (4), Mar 2 (5).
    [InlineData("US-WA", "2028-02-24", "2028-03-02")]
    // Washington: Juneteenth 2027 is a Saturday, observed Friday Jun 18 under the seeded rule (Saturday to Friday).
    // Received Tue 2027-06-15: Jun 16 (1), 17 (2), 18 skipped, 21-23 (5).
    [InlineData("US-WA", "2027-06-15", "2027-06-23")]
    // New York moves only Sunday holidays (Gen. Constr. Law § 24): Lincoln's Birthday 2028 is a Saturday and closes no weekday.
    // Received Thu 2028-02-10: Feb 11 (1), 14-17 (5).
    [InlineData("US-NY", "2028-02-10", "2028-02-17")]
    // New York across the year end: Christmas 2027 and New Year's Day 2028 are Saturdays, not moved.
    // Received Mon 2027-12-27: Dec 28-31 (4), Mon Jan 3 (5).
    [InlineData("US-NY", "2027-12-27", "2028-01-03")]
    public void The_response_deadline_is_right_at_the_edges_of_the_calendar(string law, string received, string expected)
    {
        var response = Single(Calculate(law, received, today: received), DeadlineKind.InitialResponse);
        Assert.Equal(D(expected), response.DueOn);
        Assert.True(Calendar(law).IsBusinessDay(response.DueOn));
    }

    public static TheoryData<string, int> EventOrders()
    {
        var data = new TheoryData<string, int>();
        foreach (var law in new[] { "US-FED", "US-CA", "US-IL", "US-WA", "US-NY" })
        {
            for (var order = 0; order < 24; order++)
            {
                data.Add(law, order);
            }
        }

        return data;
    }

    /// <summary>
    /// Every order of four events (24 permutations) for each of the five laws, a week apart: whatever the order, each
    /// deadline is explained, keyed uniquely, closed no earlier than it was opened, and the result is the same when
    /// the same events are logged again.
    /// </summary>
    [Theory]
    [MemberData(nameof(EventOrders))]
    public void Any_order_of_events_gives_consistent_deadlines(string law, int order)
    {
        RequestEventKind[] kinds = [RequestEventKind.ExtensionNotice, RequestEventKind.ClarificationRequested, RequestEventKind.ClarificationProvided, RequestEventKind.Denial];
        var permutation = Permutation(kinds, order);
        var received = D("2026-03-02");
        var events = permutation
            .Select((kind, i) => new TimelineEvent(new Guid(order + 1, (short)i, 0, new byte[8]), kind, received.AddDays(3 + (7 * i)), kind == RequestEventKind.ExtensionNotice ? received.AddDays(40) : null))
            .ToList();
        var today = received.AddDays(60);

        var deadlines = DeadlineCalculator.Calculate(Law(law), Calendar(law), received, events, today);
        Assert.Equal(deadlines, DeadlineCalculator.Calculate(Law(law), Calendar(law), received, events, today));
        Assert.Equal(deadlines.Count, deadlines.Select(d => (d.Kind, d.SourceEventId)).Distinct().Count());
        foreach (var deadline in deadlines)
        {
            // Statutory deadlines cite the statute; an agency-promised date says it is the agency's own.
            Assert.Contains(deadline.Kind == DeadlineKind.PromisedProduction ? "No statute sets this date" : Law(law).Citation, deadline.Explanation);
            var openedOn = deadline.SourceEventId is { } source ? events.Single(e => e.Id == source).OccurredOn : received;
            Assert.True(deadline.ClosedOn is null || deadline.ClosedOn >= openedOn, $"{deadline} closed before it opened on {openedOn}");
        }

        // The denial always ends the response clock.
        Assert.DoesNotContain(deadlines, d => d.Kind is DeadlineKind.InitialResponse or DeadlineKind.ExtendedResponse && d.Status is DeadlineStatus.Open or DeadlineStatus.Paused);
    }

    private static List<T> Permutation<T>(IReadOnlyList<T> items, int index)
    {
        var pool = items.ToList();
        var result = new List<T>();
        for (var n = pool.Count; n > 0; n--)
        {
            var factorial = Enumerable.Range(1, n - 1).Aggregate(1, (a, b) => a * b);
            result.Add(pool[index / factorial]);
            pool.RemoveAt(index / factorial);
            index %= factorial;
        }

        return result;
    }
}

/// <summary>The public calculator's answers, which have no timeline to go on.</summary>
public sealed class CalculatorAnswerTests
{
    [Fact]
    public void For_New_York_the_calculator_counts_the_20_days_from_the_latest_possible_acknowledgement()
    {
        // Received Fri 2026-10-30, response due Mon Nov 9. From Nov 9: Nov 10 (1), Veterans Day skipped, Nov 12-13 (3), 16-20 (8),
        // 23-25 (11), Thanksgiving skipped, Nov 27 (12), Nov 30-Dec 4 (17), Dec 7-9 (20) -> Wed 2026-12-09.
        var deadlines = StatutoryDeadlines.AfterReceipt(Law("US-NY"), Calendar("US-NY"), D("2026-10-30"), extended: true);
        Assert.Equal(D("2026-11-09"), deadlines[0].DueOn);
        Assert.Equal(D("2026-12-09"), deadlines[1].DueOn);
        Assert.StartsWith("Taking the acknowledgement as sent on the last day allowed, 2026-11-09", deadlines[1].Explanation);
    }
}
