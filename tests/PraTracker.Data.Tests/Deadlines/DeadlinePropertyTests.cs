using PraTracker.Data.Deadlines;
using PraTracker.Data.Requests;
using static PraTracker.Tests.Deadlines.DeadlineCalculatorTests;

namespace PraTracker.Tests.Deadlines;

/// <summary>
/// Properties that must hold for every law, every receipt day and every order of events, checked over generated
/// timelines (a fixed seed per case, so a failure names a case that can be replayed).
/// </summary>
public sealed class DeadlinePropertyTests
{
    private static readonly RequestEventKind[] EventKinds =
    [
        RequestEventKind.Acknowledged, RequestEventKind.ExtensionNotice, RequestEventKind.ClarificationRequested,
        RequestEventKind.ClarificationProvided, RequestEventKind.FeeEstimate, RequestEventKind.FeePaid,
        RequestEventKind.PartialProduction, RequestEventKind.FinalProduction, RequestEventKind.Denial,
        RequestEventKind.Appeal, RequestEventKind.AppealDecision, RequestEventKind.Withdrawal, RequestEventKind.Note,
    ];

    public static TheoryData<string> SeededLawCodes()
    {
        var data = new TheoryData<string>();
        foreach (var law in ReferenceDataSeeder.LoadLaws())
        {
            data.Add(law.Code);
        }

        return data;
    }

    public static TheoryData<string, int> Timelines()
    {
        var data = new TheoryData<string, int>();
        foreach (var code in new[] { "US-FED", "US-CA", "US-IL", "US-WA", "US-NY", "US-TX", "UK" })
        {
            for (var seed = 1; seed <= 40; seed++)
            {
                data.Add(code, seed);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(SeededLawCodes))]
    public void Every_business_day_deadline_of_every_seeded_law_lands_on_a_business_day(string code)
    {
        var law = Law(code);
        var calendar = Calendar(code);
        for (var received = D("2025-01-01"); received < D("2029-01-01"); received = received.AddDays(1))
        {
            foreach (var deadline in StatutoryDeadlines.AfterReceipt(law, calendar, received, extended: true))
            {
                Assert.True(deadline.DueOn > received, $"{code}: {deadline.Kind} after {received} is {deadline.DueOn}");
                if (MustBeBusinessDay(law, deadline.Kind))
                {
                    Assert.True(calendar.IsBusinessDay(deadline.DueOn), $"{code}: {deadline.Kind} after {received} lands on {deadline.DueOn}, {calendar.WhyClosed(deadline.DueOn)}");
                }
            }
        }
    }

    [Theory]
    [MemberData(nameof(SeededLawCodes))]
    public void A_law_with_no_fixed_period_never_gets_an_invented_response_deadline(string code)
    {
        var law = Law(code);
        var deadlines = StatutoryDeadlines.AfterReceipt(law, Calendar(code), D("2026-03-02"), extended: true);
        if (law.ResponseKind == ResponseKind.NoFixedPeriod)
        {
            Assert.Null(law.ResponseDays);
            Assert.Empty(deadlines);
        }
        else
        {
            Assert.NotNull(law.ResponseDays);
            Assert.Contains(deadlines, d => d.Kind == DeadlineKind.InitialResponse);
        }
    }

    [Theory]
    [MemberData(nameof(Timelines))]
    public void Adding_a_later_event_never_moves_or_reopens_a_closed_deadline(string code, int seed)
    {
        var (received, events) = RandomTimeline(seed);
        for (var n = 0; n < events.Count; n++)
        {
            var before = DeadlineCalculator.Calculate(Law(code), Calendar(code), received, events.Take(n), TodayAfter(received, events.Take(n)));
            var after = DeadlineCalculator.Calculate(Law(code), Calendar(code), received, events.Take(n + 1), TodayAfter(received, events.Take(n + 1)));
            foreach (var closed in before.Where(d => d.ClosedOn is not null))
            {
                var same = Assert.Single(after, d => d.Kind == closed.Kind && d.SourceEventId == closed.SourceEventId);
                Assert.True(closed == same, $"{code} seed {seed}: adding {events[n].Kind} on {events[n].OccurredOn} changed {closed} into {same}");
            }
        }
    }

    [Theory]
    [MemberData(nameof(Timelines))]
    public void Calculation_is_deterministic_and_every_deadline_explains_itself(string code, int seed)
    {
        var (received, events) = RandomTimeline(seed);
        var today = TodayAfter(received, events);
        var first = DeadlineCalculator.Calculate(Law(code), Calendar(code), received, events, today);
        var second = DeadlineCalculator.Calculate(Law(code), Calendar(code), received, events.ToList(), today);
        Assert.Equal(first, second);

        foreach (var deadline in first)
        {
            Assert.False(string.IsNullOrWhiteSpace(deadline.Explanation));
            if (deadline.Status is DeadlineStatus.Open or DeadlineStatus.Paused)
            {
                Assert.Null(deadline.ClosedOn);
            }
            else if (deadline.Status is DeadlineStatus.Met or DeadlineStatus.Superseded)
            {
                Assert.NotNull(deadline.ClosedOn);
            }

            Assert.False(deadline.Status == DeadlineStatus.Open && deadline.DueOn < today, $"{deadline} is open after its date");
        }

        // The stored deadlines are keyed on kind and source event, so no two may share them.
        Assert.Equal(first.Count, first.Select(d => (d.Kind, d.SourceEventId)).Distinct().Count());
    }

    [Theory]
    [MemberData(nameof(Timelines))]
    public void A_statutory_business_day_deadline_never_lands_on_a_weekend_or_holiday_whatever_the_events(string code, int seed)
    {
        var law = Law(code);
        var calendar = Calendar(code);
        var (received, events) = RandomTimeline(seed);
        foreach (var deadline in DeadlineCalculator.Calculate(law, calendar, received, events, TodayAfter(received, events)))
        {
            if (deadline.Kind != DeadlineKind.PromisedProduction && MustBeBusinessDay(law, deadline.Kind)
                && !deadline.Explanation.Contains("the agency named", StringComparison.OrdinalIgnoreCase))
            {
                Assert.True(calendar.IsBusinessDay(deadline.DueOn), $"{code} seed {seed}: {deadline}");
            }
        }
    }

    // A count in business days always ends on one; a count in calendar days only when the law rolls it forward.
    private static bool MustBeBusinessDay(PublicRecordsLaw law, DeadlineKind kind) => law.RollsToNextBusinessDay || kind switch
    {
        DeadlineKind.InitialResponse => law.ResponseDayCount == DayCount.Business,
        DeadlineKind.ExtendedResponse => law.ExtensionDayCount == DayCount.Business,
        DeadlineKind.AppealFiling => law.AppealWindowDayCount == DayCount.Business,
        DeadlineKind.AppealDecision => law.AppealDecisionDayCount == DayCount.Business,
        _ => false,
    };

    private static DateOnly TodayAfter(DateOnly received, IEnumerable<TimelineEvent> events) =>
        events.Select(e => e.OccurredOn).DefaultIfEmpty(received).Max();

    // A timeline of up to 8 events over about four months, starting in some month between 2024 and 2028, with
    // events in date order as an attorney would log them.
    private static (DateOnly Received, List<TimelineEvent> Events) RandomTimeline(int seed)
    {
        var random = new Random(seed);
        var received = D("2024-01-01").AddDays(random.Next(0, 5 * 365));
        var on = received;
        var events = new List<TimelineEvent>();
        var count = random.Next(1, 9);
        for (var i = 0; i < count; i++)
        {
            on = on.AddDays(random.Next(0, 15));
            var kind = EventKinds[random.Next(EventKinds.Length)];
            DateOnly? promised = random.Next(3) == 0 ? on.AddDays(random.Next(1, 60)) : null;
            events.Add(new TimelineEvent(new Guid(seed, (short)i, 0, new byte[8]), kind, on, promised));
        }

        return (received, events);
    }
}
