using Bunit;
using PraTracker.Data.Agencies;
using PraTracker.Data.Deadlines;
using PraTracker.Web.Features.Agencies;

namespace PraTracker.Tests;

/// <summary>An agency's scorecard as it reads: every number with the count behind it, and "—" for a statistic of nothing.</summary>
public sealed class AgencyScorecardPanelTests : ComponentTestContext
{
    [Fact]
    public void A_statistic_of_nothing_reads_as_a_dash_beside_its_zero_count_and_shares_are_whole_percents()
    {
        var scorecard = new AgencyScorecard(
            3, new DayStatistic(2, 4.5, 6.3), DayStatistic.Empty, 1, 2, new OutcomeCounts(0, 1, 0, 0, 1),
            [new ExemptionCount("Gov. Code § 7923.600", 1)]);
        var panel = Render<AgencyScorecardPanel>(p => p
            .Add(x => x.Scorecard, scorecard).Add(x => x.ResponseDays, 10).Add(x => x.ResponseDayCount, DayCount.Calendar));

        string Row(string measure) => string.Join(" | ", panel.FindAll("[data-testid=scorecard-numbers] tbody tr")
            .Single(r => r.QuerySelector("th")!.TextContent == measure).QuerySelectorAll("td").Select(c => c.TextContent));

        Assert.Contains("Sent requests counted: 3", panel.Markup);
        Assert.Equal("4.5 | 2 answered", Row("Median days to first response"));
        Assert.Equal("6.3 | 2 answered", Row("90th percentile, first response"));
        Assert.Equal("— | 0 completed", Row("Median days to completion"));
        Assert.Equal("33% | 3 decided", Row("Response deadlines met"));
        Assert.Equal("0% | 1 ended", Row("Denied"));
        Assert.Equal("100% | 1 ended", Row("Released in part"));
        Assert.Equal("10 calendar days", Row("The law's response period"));
        Assert.Contains("Gov. Code § 7923.600", panel.Find("[data-testid=scorecard-exemptions]").TextContent);
    }

    [Fact]
    public void An_agency_with_no_sent_request_the_viewer_can_see_has_nothing_to_measure()
    {
        var panel = Render<AgencyScorecardPanel>(p => p.Add(x => x.Scorecard, AgencyScorecard.Empty));

        Assert.Contains("No sent requests you can see yet", panel.Markup);
        Assert.Empty(panel.FindAll("[data-testid=scorecard-numbers]"));
    }
}
