using PraTracker.Data.Agencies;
using PraTracker.Data.Deadlines;

namespace PraTracker.Web.Features.Agencies;

/// <summary>How scorecard numbers read on screen: "—" for a statistic of nothing, days to a tenth, shares in whole percent.</summary>
public static class ScorecardText
{
    public const string Nothing = "—";

    public static string Days(double? days) => days is { } d ? d.ToString("0.#", System.Globalization.CultureInfo.InvariantCulture) : Nothing;

    public static string Share(double? share) => share is { } s ? $"{Math.Round(s * 100):0}%" : Nothing;

    /// <summary>"67% (2 of 3)", or "—" when there is nothing to take a share of.</summary>
    public static string Share(int part, int whole) => whole == 0 ? Nothing : $"{Share((double)part / whole)} ({part} of {whole})";

    /// <summary>"10 calendar days", or null where the law sets no fixed period.</summary>
    public static string? Period(int? days, DayCount? count) =>
        days is { } d ? $"{d} {(count == DayCount.Business ? "business" : "calendar")} day{(d == 1 ? "" : "s")}" : null;

    /// <summary>The definitions the scorecards are computed by, in the words shown beside them.</summary>
    public static readonly IReadOnlyList<string> Definitions =
    [
        "Counted over the requests you can see that were sent; each figure shows how many requests (or deadlines) it is based on.",
        "Days to first response: calendar days from the agency's receipt (or, without one, the sending) to its first acknowledgement, extension notice, request for clarification, fee estimate, production or denial.",
        "Days to completion: calendar days from receipt to the final production or denial that ended the request, less the days the agency waited on the requester (clarification asked until answered, fee estimated until paid). Withdrawn and open requests are not completed.",
        "Median and 90th percentile by linear interpolation between closest ranks (as PERCENTILE.INC in a spreadsheet); \"—\" where there is nothing to measure.",
        "Deadlines met: of the initial and extended response deadlines decided either way, the share met.",
        "Denied: of the requests that ended other than by withdrawal, the share denied outright; releases in part are counted apart.",
        "Exemptions: as cited on the agency's responses (separated by semicolons or lines), each counted once per request.",
    ];

    public static string DeadlinesMet(AgencyScorecard s) => Share(s.DeadlinesMet, s.DeadlinesDecided);

    public static string Denied(AgencyScorecard s) => Share(s.Outcomes.Denied, s.Outcomes.Decided);

    public static string Partial(AgencyScorecard s) => Share(s.Outcomes.PartialRelease, s.Outcomes.Decided);
}
