using Microsoft.EntityFrameworkCore;
using PraTracker.Data.Agencies;
using PraTracker.Data.Database;
using PraTracker.Data.Deadlines;
using PraTracker.Data.Identity;
using PraTracker.Data.Requests;

namespace PraTracker.Tests;

/// <summary>The arithmetic of scorecards, worked by hand: percentiles, waiting days, exemptions, and the comparison's paging.</summary>
public sealed class ScorecardArithmeticTests
{
    [Fact]
    public void Percentiles_interpolate_between_closest_ranks_as_spreadsheets_percentile_inc_does()
    {
        // Of 2, 4, 10, 15: the median's rank is (4 − 1) × 0.5 = 1.5, halfway between 4 and 10 = 7;
        // the 90th percentile's rank is 3 × 0.9 = 2.7, seven tenths from 10 to 15 = 13.5.
        double[] days = [2, 4, 10, 15];
        Assert.Equal(7, Percentiles.Inclusive(days, 0.5));
        Assert.Equal(13.5, Percentiles.Inclusive(days, 0.9)!.Value, 9);
        Assert.Equal(3.7, Percentiles.Inclusive([1, 2, 3, 4], 0.9)!.Value, 9);
        Assert.Equal(2.5, Percentiles.Inclusive([1, 2, 3, 4], 0.5));
        Assert.Equal(9, Percentiles.Inclusive([9], 0.9));
        Assert.Null(Percentiles.Inclusive([], 0.5));
        Assert.Equal(new DayStatistic(0, null, null), DayStatistic.Of([]));
    }

    [Fact]
    public void Days_waiting_on_the_requester_before_the_determination_are_not_counted_and_overlapping_waits_count_once()
    {
        var start = new DateOnly(2026, 1, 5);
        var end = new DateOnly(2026, 2, 14); // 40 days after the start

        Assert.Equal(40, ResponseTimes.DaysToCompletion(start, end, RequestOutcome.FullRelease, []));

        // Clarification asked Jan 9, answered Jan 19 (10 days); fee estimated Jan 15, paid Jan 25 (10 days, 4 of them
        // overlapping the clarification): 16 days waiting, 24 counted.
        (RequestEventKind, DateOnly)[] waits =
        [
            (RequestEventKind.ClarificationRequested, new DateOnly(2026, 1, 9)), (RequestEventKind.ClarificationProvided, new DateOnly(2026, 1, 19)),
            (RequestEventKind.FeeEstimate, new DateOnly(2026, 1, 15)), (RequestEventKind.FeePaid, new DateOnly(2026, 1, 25)),
        ];
        Assert.Equal(24, ResponseTimes.DaysToCompletion(start, end, RequestOutcome.PartialRelease, waits));

        // A fee never paid stops counting at the determination; a payment after it is not a wait before completion.
        Assert.Equal(10, ResponseTimes.DaysToCompletion(start, end, RequestOutcome.Denied, [(RequestEventKind.FeeEstimate, new DateOnly(2026, 1, 15))]));
        Assert.Equal(
            10,
            ResponseTimes.DaysToCompletion(start, end, RequestOutcome.Denied, [(RequestEventKind.FeeEstimate, new DateOnly(2026, 1, 15)), (RequestEventKind.FeePaid, new DateOnly(2026, 3, 1))]));

        Assert.Null(ResponseTimes.DaysToCompletion(start, end, RequestOutcome.Withdrawn, []));
        Assert.Null(ResponseTimes.DaysToCompletion(start, null, null, []));
    }

    [Fact]
    public void Exemptions_are_split_on_semicolons_and_lines_not_commas_with_whitespace_normalised()
    {
        Assert.Equal(
            ["5 U.S.C. § 552(b)(6), (b)(7)(C)", "Gov. Code § 7923.600", "Gov. Code § 7922.000"],
            ResponseTimes.Citations("5 U.S.C.  § 552(b)(6), (b)(7)(C);Gov. Code § 7923.600\r\n\tGov. Code §\u00a07922.000 ;; "));
        Assert.Empty(ResponseTimes.Citations("  "));
        Assert.Empty(ResponseTimes.Citations(null));
    }

    [Fact]
    public void The_comparison_filters_by_state_law_and_request_count_and_sorts_a_missing_statistic_last_either_way()
    {
        static AgencyScorecardRow Row(string name, string state, int requests, double? median) => new(
            Guid.NewGuid(), name, state, state == "US" ? "US-FED" : "US-" + state,
            AgencyScorecard.Empty with { Requests = requests, FirstResponse = new DayStatistic(median is null ? 0 : requests, median, median) });
        var set = new AgencyScorecardSet(
            [Row("Oakland", "CA", 5, 12), Row("Fresno", "CA", 2, null), Row("Berkeley", "CA", 9, 3), Row("Seattle", "WA", 9, 40), Row("Alameda", "CA", 1, 1)], []);

        var slowest = AgencyScorecards.Page(set, new ScorecardFilter(State: "ca", MinimumRequests: 2), new PageRequest(0, 2, "MedianFirstResponse", Descending: true));
        Assert.Equal(3, slowest.TotalCount);
        Assert.Equal(["Oakland", "Berkeley"], slowest.Items.Select(r => r.Name));
        var fastest = AgencyScorecards.Page(set, new ScorecardFilter(State: "CA", MinimumRequests: 2), new PageRequest(0, 25, "MedianFirstResponse"));
        Assert.Equal(["Berkeley", "Oakland", "Fresno"], fastest.Items.Select(r => r.Name));
        Assert.Equal(["Seattle"], AgencyScorecards.Page(set, new ScorecardFilter(LawCode: "US-WA"), new PageRequest()).Items.Select(r => r.Name));
        Assert.Equal(["Alameda", "Berkeley"], AgencyScorecards.Page(set, new ScorecardFilter(), new PageRequest(0, 2)).Items.Select(r => r.Name));
    }
}

/// <summary>Scorecards read from the database on both providers: worked numbers, jurisdictions, and nothing private counted for visitors.</summary>
public abstract class AgencyScorecardTests<TFixture>(TFixture fixture) : IClassFixture<TFixture>
    where TFixture : DatabaseFixture
{
    private static DateOnly Jan(int day) => new(2026, 1, day);

    private static DateOnly Feb(int day) => new(2026, 2, day);

    [Fact]
    public async Task An_agencys_scorecard_is_worked_from_receipt_less_waiting_on_the_requester_and_leaves_out_drafts_and_withdrawals()
    {
        var agencyId = await SeedWorkedAgencyAsync("US-CA");

        await using var anonymous = fixture.Open(Viewer.Anonymous);
        var scorecard = await AgencyScorecards.ForAgencyAsync(anonymous, agencyId);

        Assert.Equal(5, scorecard.Requests); // the draft is not sent
        Assert.Equal(new DayStatistic(4, 7, 13.5), Rounded(scorecard.FirstResponse)); // 2, 4, 10, 15
        Assert.Equal(new DayStatistic(3, 24, 24.8), Rounded(scorecard.Completion)); // 20, 24 (34 − 10 waiting), 25 (35 − 10 waiting)
        Assert.Equal((2, 1), (scorecard.DeadlinesMet, scorecard.DeadlinesMissed));
        Assert.Equal(2.0 / 3, scorecard.OnTimeShare!.Value, 9);
        Assert.Equal(new OutcomeCounts(1, 1, 0, 1, 1), scorecard.Outcomes);
        Assert.Equal(1.0 / 3, scorecard.DeniedShare!.Value, 9); // of full, partial and denied; the withdrawal is not counted
        Assert.Equal(
            [new ExemptionCount("Gov. Code § 7923.600", 2), new ExemptionCount("5 U.S.C. § 552(b)(6), (b)(7)(C)", 1), new ExemptionCount("Gov. Code § 7922.000", 1)],
            scorecard.TopExemptions);

        await using var page = fixture.Open(Viewer.Anonymous);
        AssertSame(scorecard, (await AgencyPages.GetAsync(page, agencyId))!.Scorecard);
    }

    [Fact]
    public async Task A_private_request_with_extreme_values_moves_the_staff_scorecard_and_no_statistic_an_anonymous_visitor_sees()
    {
        var agencyId = await SeedWorkedAgencyAsync("US-CA");
        await using var anonymousBefore = fixture.Open(Viewer.Anonymous);
        var before = await AgencyScorecards.ForAgencyAsync(anonymousBefore, agencyId);

        await using (var db = fixture.Open(Viewer.System))
        {
            var agency = await db.Agencies.SingleAsync(a => a.Id == agencyId);
            var law = await db.Laws.SingleAsync(l => l.Code == "US-CA");
            var secret = Request(agency, law, Jan(5), RequestOutcome.Denied, RequestVisibility.Private);
            Event(secret, RequestEventKind.Acknowledged, new DateOnly(2026, 9, 1));
            Event(secret, RequestEventKind.Denial, new DateOnly(2026, 9, 1), "Secret exemption § 1; Gov. Code § 7923.600");
            Deadline(secret, DeadlineKind.InitialResponse, DeadlineStatus.Missed);
            Deadline(secret, DeadlineKind.ExtendedResponse, DeadlineStatus.Missed);
            db.Requests.Add(secret);
            await db.SaveChangesAsync();
        }

        await using var anonymous = fixture.Open(Viewer.Anonymous);
        AssertSame(before, await AgencyScorecards.ForAgencyAsync(anonymous, agencyId));
        await using var anonymousSet = fixture.Open(Viewer.Anonymous);
        AssertSame(before, (await AgencyScorecards.ForAllAsync(anonymousSet)).Agencies.Single(a => a.AgencyId == agencyId).Scorecard);

        await using var staff = fixture.Open(Viewer.Staff("attorney"));
        var seenByStaff = await AgencyScorecards.ForAgencyAsync(staff, agencyId);
        Assert.Equal(6, seenByStaff.Requests);
        Assert.Equal(new DayStatistic(5, 10, 149.4), Rounded(seenByStaff.FirstResponse)); // 2, 4, 10, 15, 239: rank 3.6 is 15 + 0.6 × 224
        Assert.Equal(4, seenByStaff.Completion.Count);
        Assert.Equal((2, 3), (seenByStaff.DeadlinesMet, seenByStaff.DeadlinesMissed));
        Assert.Equal(2, seenByStaff.Outcomes.Denied);
        Assert.Contains(new ExemptionCount("Secret exemption § 1", 1), seenByStaff.TopExemptions);
        Assert.Contains(new ExemptionCount("Gov. Code § 7923.600", 3), seenByStaff.TopExemptions);
    }

    [Fact]
    public async Task An_agency_with_only_private_requests_is_not_compared_for_visitors_and_jurisdictions_pool_their_agencies_requests()
    {
        Guid slow, fast, hidden;
        await using (var db = fixture.Open(Viewer.System))
        {
            var oregon = await db.Laws.SingleAsync(l => l.Code == "US-OR");
            var (a, b, c) = (Build.Agency(oregon, "OR"), Build.Agency(oregon, "OR"), Build.Agency(oregon, "OR"));
            foreach (var days in new[] { 2, 4, 10 })
            {
                var request = Request(a, oregon, Jan(5), RequestOutcome.FullRelease);
                Event(request, RequestEventKind.Acknowledged, Jan(5).AddDays(days));
                db.Requests.Add(request);
            }

            var late = Request(b, oregon, Jan(5), null);
            Event(late, RequestEventKind.Acknowledged, Feb(4)); // 30 days
            var secret = Request(c, oregon, Jan(5), null, RequestVisibility.Private);
            Event(secret, RequestEventKind.Acknowledged, Jan(6));
            db.Requests.AddRange(late, secret);
            await db.SaveChangesAsync();
            (slow, fast, hidden) = (b.Id, a.Id, c.Id);
        }

        await using var anonymous = fixture.Open(Viewer.Anonymous);
        var set = await AgencyScorecards.ForAllAsync(anonymous);
        Assert.Contains(set.Agencies, r => r.AgencyId == fast);
        Assert.Contains(set.Agencies, r => r.AgencyId == slow);
        Assert.DoesNotContain(set.Agencies, r => r.AgencyId == hidden);
        var oregonCard = set.Jurisdictions.Single(j => j.LawCode == "US-OR");
        Assert.Equal(2, oregonCard.Agencies);
        Assert.Equal(4, oregonCard.Scorecard.Requests);

        // Pooled: the median of 2, 4, 10 and 30 is 7, not the median of the agencies' medians (4 and 30).
        Assert.Equal(new DayStatistic(4, 7, 24), Rounded(oregonCard.Scorecard.FirstResponse));

        await using var staff = fixture.Open(Viewer.Staff("attorney"));
        var staffOregon = (await AgencyScorecards.ForAllAsync(staff)).Jurisdictions.Single(j => j.LawCode == "US-OR");
        Assert.Equal((3, 5), (staffOregon.Agencies, staffOregon.Scorecard.Requests));
    }

    // Records compare lists by reference; the exemptions are compared by their contents.
    private static void AssertSame(AgencyScorecard expected, AgencyScorecard actual)
    {
        Assert.Equal(expected with { TopExemptions = [] }, actual with { TopExemptions = [] });
        Assert.Equal(expected.TopExemptions, actual.TopExemptions);
    }

    private static DayStatistic Rounded(DayStatistic s) =>
        s with { Median = s.Median is { } m ? Math.Round(m, 6) : null, Percentile90 = s.Percentile90 is { } p ? Math.Round(p, 6) : null };

    // Five sent public requests and a draft, worked in the comments; see the first test for the sums.
    private async Task<Guid> SeedWorkedAgencyAsync(string lawCode)
    {
        await using var db = fixture.Open(Viewer.System);
        var law = await db.Laws.SingleAsync(l => l.Code == lawCode);
        var agency = Build.Agency(law);

        // Acknowledged after 2 days, produced after 20; its initial deadline met.
        var full = Request(agency, law, Jan(5), RequestOutcome.FullRelease);
        Event(full, RequestEventKind.Acknowledged, Jan(7));
        Event(full, RequestEventKind.FinalProduction, Jan(25));
        Deadline(full, DeadlineKind.InitialResponse, DeadlineStatus.Met);

        // Sent on the 2nd, received on the 5th (counted from receipt): clarification asked after 4 days and answered
        // 10 days later; produced in part on Feb 8, 34 days after receipt, 24 counted.
        var partial = Request(agency, law, Jan(5), RequestOutcome.PartialRelease);
        partial.SentOn = Jan(2);
        Event(partial, RequestEventKind.ClarificationRequested, Jan(9));
        Event(partial, RequestEventKind.ClarificationProvided, Jan(19));
        Event(partial, RequestEventKind.FinalProduction, Feb(8), "Gov. Code § 7923.600; Gov. Code § 7922.000\nGov. Code   § 7923.600");
        Deadline(partial, DeadlineKind.InitialResponse, DeadlineStatus.Met);

        // No receipt date: counted from sending on the 10th. A fee estimated after 10 days, paid 10 days later, then
        // denied on Feb 14: 35 days, 25 counted. Its initial deadline missed, the extended one superseded.
        var denied = Request(agency, law, null, RequestOutcome.Denied);
        denied.SentOn = Jan(10);
        Event(denied, RequestEventKind.FeeEstimate, Jan(20));
        Event(denied, RequestEventKind.FeePaid, Jan(30));
        Event(denied, RequestEventKind.Denial, Feb(14), "Gov. Code § 7923.600; 5 U.S.C. § 552(b)(6), (b)(7)(C)");
        Deadline(denied, DeadlineKind.InitialResponse, DeadlineStatus.Missed);
        Deadline(denied, DeadlineKind.ExtendedResponse, DeadlineStatus.Superseded);

        // Acknowledged after 15 days, then withdrawn: a first response, never completed.
        var withdrawn = Request(agency, law, Jan(5), RequestOutcome.Withdrawn);
        Event(withdrawn, RequestEventKind.Acknowledged, Jan(20));
        Event(withdrawn, RequestEventKind.Withdrawal, Jan(25));
        Deadline(withdrawn, DeadlineKind.InitialResponse, DeadlineStatus.Open);
        Deadline(withdrawn, DeadlineKind.PromisedProduction, DeadlineStatus.Missed);

        // Sent, never answered.
        var open = Request(agency, law, Jan(5), null);

        // A draft is not sent, whatever its timeline says.
        var draft = Request(agency, law, null, null);
        draft.SentOn = null;
        Event(draft, RequestEventKind.Acknowledged, Jan(6));

        db.Requests.AddRange(full, partial, denied, withdrawn, open, draft);
        await db.SaveChangesAsync();
        return agency.Id;
    }

    private static RecordsRequest Request(Agency agency, PublicRecordsLaw law, DateOnly? received, RequestOutcome? outcome, RequestVisibility visibility = RequestVisibility.Public)
    {
        var request = Build.Request(agency, law, visibility);
        request.SentOn = received;
        request.ReceivedOn = received;
        request.Outcome = outcome;
        request.Status = outcome is null ? RequestStatus.Sent : RequestStatus.Closed;
        return request;
    }

    private static void Event(RecordsRequest request, RequestEventKind kind, DateOnly on, string? exemptions = null) =>
        request.Events.Add(new RequestEvent
        {
            Kind = kind,
            OccurredOn = on,
            Summary = kind.ToString(),
            ExemptionsCited = exemptions,
            LoggedAt = new DateTimeOffset(on.ToDateTime(new TimeOnly(17, 0)), TimeSpan.Zero),
        });

    private static void Deadline(RecordsRequest request, DeadlineKind kind, DeadlineStatus status)
    {
        var deadline = Build.Deadline(request, Jan(20));
        deadline.Kind = kind;
        deadline.Status = status;
        request.Deadlines.Add(deadline);
    }
}

public sealed class PostgresAgencyScorecardTests(PostgresFixture fixture) : AgencyScorecardTests<PostgresFixture>(fixture);

public sealed class SqliteAgencyScorecardTests(SqliteFixture fixture) : AgencyScorecardTests<SqliteFixture>(fixture);
