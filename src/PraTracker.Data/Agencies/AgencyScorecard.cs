using System.Text.RegularExpressions;
using PraTracker.Data.Requests;

namespace PraTracker.Data.Agencies;

/// <summary>
/// How an agency (or every agency under one law) has answered the requests the viewer may see that were sent.
/// Every statistic carries the count it was computed from; a percentile of no values is null, shown as "—".
/// </summary>
/// <param name="Requests">Requests in scope: visible to the viewer and sent (SentOn set).</param>
/// <param name="FirstResponse">
/// Calendar days from receipt (else sending) to the agency's first response of any kind: acknowledgement, extension
/// notice, request for clarification, fee estimate, partial or final production, denial.
/// </param>
/// <param name="Completion">
/// Calendar days from receipt (else sending) to the determination that ended the request (its first final production
/// or denial), less the days spent waiting on the requester (clarification asked until answered, fee estimated until
/// paid) before then. Withdrawn and still-open requests are not completed and not counted here.
/// </param>
/// <param name="DeadlinesMet">Initial and extended response deadlines met.</param>
/// <param name="DeadlinesMissed">Initial and extended response deadlines missed.</param>
/// <param name="Outcomes">How the requests in scope ended, where they have.</param>
/// <param name="TopExemptions">
/// The five exemptions cited on most requests, in responses or withholding logs, each counted once per request and named
/// as the library cites it where it is in the library.
/// </param>
public sealed record AgencyScorecard(
    int Requests, DayStatistic FirstResponse, DayStatistic Completion, int DeadlinesMet, int DeadlinesMissed, OutcomeCounts Outcomes,
    IReadOnlyList<ExemptionCount> TopExemptions)
{
    /// <summary>How many exemptions <see cref="TopExemptions"/> holds at most.</summary>
    public const int TopExemptionCount = 5;

    public static readonly AgencyScorecard Empty = new(0, DayStatistic.Empty, DayStatistic.Empty, 0, 0, OutcomeCounts.None, []);

    /// <summary>Response deadlines decided either way (met or missed); open, paused and superseded ones are not.</summary>
    public int DeadlinesDecided => DeadlinesMet + DeadlinesMissed;

    /// <summary>Of the response deadlines decided, the share met; null when none is decided.</summary>
    public double? OnTimeShare => DeadlinesDecided == 0 ? null : (double)DeadlinesMet / DeadlinesDecided;

    /// <summary>Of the requests that ended other than by withdrawal, the share denied outright (partial releases are not denials).</summary>
    public double? DeniedShare => Outcomes.Decided == 0 ? null : (double)Outcomes.Denied / Outcomes.Decided;

    /// <summary>Of the requests that ended other than by withdrawal, the share released in part.</summary>
    public double? PartialShare => Outcomes.Decided == 0 ? null : (double)Outcomes.PartialRelease / Outcomes.Decided;

    /// <summary>Computes a scorecard from the facts of each request in scope and the response deadlines decided on them.</summary>
    public static AgencyScorecard Compute(IReadOnlyCollection<RequestFacts> requests, int deadlinesMet, int deadlinesMissed)
    {
        var exemptions = requests
            .SelectMany(r => r.Exemptions)
            .GroupBy(c => c, StringComparer.OrdinalIgnoreCase)
            .Select(g => new ExemptionCount(g.First(), g.Count()))
            .OrderByDescending(e => e.Requests).ThenBy(e => e.Citation, StringComparer.OrdinalIgnoreCase)
            .Take(TopExemptionCount)
            .ToList();
        return new AgencyScorecard(
            requests.Count,
            DayStatistic.Of(requests.Where(r => r.DaysToFirstResponse is not null).Select(r => r.DaysToFirstResponse!.Value)),
            DayStatistic.Of(requests.Where(r => r.DaysToCompletion is not null).Select(r => r.DaysToCompletion!.Value)),
            deadlinesMet,
            deadlinesMissed,
            OutcomeCounts.Of(requests.Select(r => r.Outcome)),
            exemptions);
    }
}

/// <summary>A number of days measured over some requests: how many, the median and the 90th percentile.</summary>
/// <param name="Count">How many requests the days were measured on.</param>
/// <param name="Median">The 50th percentile, by <see cref="Percentiles.Inclusive"/>; null with no values.</param>
/// <param name="Percentile90">The 90th percentile, by <see cref="Percentiles.Inclusive"/>; null with no values.</param>
public sealed record DayStatistic(int Count, double? Median, double? Percentile90)
{
    public static readonly DayStatistic Empty = new(0, null, null);

    public static DayStatistic Of(IEnumerable<int> days)
    {
        var sorted = days.Select(d => (double)d).Order().ToList();
        return new DayStatistic(sorted.Count, Percentiles.Inclusive(sorted, 0.5), Percentiles.Inclusive(sorted, 0.9));
    }
}

/// <summary>How many requests ended each way.</summary>
public sealed record OutcomeCounts(int FullRelease, int PartialRelease, int NoRecords, int Denied, int Withdrawn)
{
    public static readonly OutcomeCounts None = new(0, 0, 0, 0, 0);

    /// <summary>Requests with an outcome other than withdrawal: the base of the denied and partial shares.</summary>
    public int Decided => FullRelease + PartialRelease + NoRecords + Denied;

    public static OutcomeCounts Of(IEnumerable<RequestOutcome?> outcomes)
    {
        var list = outcomes.ToList();
        int Count(RequestOutcome outcome) => list.Count(o => o == outcome);
        return new OutcomeCounts(
            Count(RequestOutcome.FullRelease), Count(RequestOutcome.PartialRelease), Count(RequestOutcome.NoRecords), Count(RequestOutcome.Denied),
            Count(RequestOutcome.Withdrawn));
    }
}

/// <summary>An exemption as cited (whitespace normalised) and the number of requests it was cited on.</summary>
public sealed record ExemptionCount(string Citation, int Requests);

/// <summary>What a scorecard needs to know of one request, worked out from its dates and timeline.</summary>
public sealed record RequestFacts(int? DaysToFirstResponse, int? DaysToCompletion, RequestOutcome? Outcome, IReadOnlyCollection<string> Exemptions);

/// <summary>Percentiles of a sorted sample.</summary>
public static class Percentiles
{
    /// <summary>
    /// The <paramref name="p"/>-th percentile (0 to 1) by linear interpolation between closest ranks, as spreadsheets'
    /// PERCENTILE.INC computes it: the value at zero-based rank (n − 1) × p, interpolated between the two values around
    /// it. Of 1, 2, 3, 4 the median is 2.5 and the 90th percentile 3.7; of a single value, that value; of none, null.
    /// </summary>
    public static double? Inclusive(IReadOnlyList<double> sorted, double p)
    {
        if (sorted.Count == 0)
        {
            return null;
        }

        var rank = (sorted.Count - 1) * p;
        var below = (int)Math.Floor(rank);
        var above = Math.Min(below + 1, sorted.Count - 1);
        return sorted[below] + ((rank - below) * (sorted[above] - sorted[below]));
    }
}

/// <summary>The timeline arithmetic of a scorecard: days to first response and to completion of one request.</summary>
public static partial class ResponseTimes
{
    /// <summary>Events by which the agency answers a request, the first of which is its first response.</summary>
    public static readonly IReadOnlyList<RequestEventKind> Responses =
    [
        RequestEventKind.Acknowledged, RequestEventKind.ExtensionNotice, RequestEventKind.ClarificationRequested, RequestEventKind.FeeEstimate,
        RequestEventKind.PartialProduction, RequestEventKind.FinalProduction, RequestEventKind.Denial,
    ];

    /// <summary>Events by which the agency ends a request with a determination.</summary>
    public static readonly IReadOnlyList<RequestEventKind> Determinations = [RequestEventKind.FinalProduction, RequestEventKind.Denial];

    /// <summary>Events that start or end time spent waiting on the requester.</summary>
    public static readonly IReadOnlyList<RequestEventKind> Waits =
    [
        RequestEventKind.ClarificationRequested, RequestEventKind.ClarificationProvided, RequestEventKind.FeeEstimate, RequestEventKind.FeePaid,
    ];

    /// <summary>Calendar days from the start to the first response; a response logged before the start counts as 0 days.</summary>
    public static int? DaysToFirstResponse(DateOnly start, DateOnly? firstResponse) =>
        firstResponse is { } on ? Math.Max(0, on.DayNumber - start.DayNumber) : null;

    /// <summary>
    /// Calendar days from the start to the determination, less the days the agency waited on the requester before it.
    /// A wait opens on a request for clarification (or a fee estimate) and closes on the answer (or the payment); one
    /// still open at the determination ends there; overlapping waits are counted once. Null when there is no
    /// determination or the request was withdrawn.
    /// </summary>
    public static int? DaysToCompletion(DateOnly start, DateOnly? determination, RequestOutcome? outcome, IEnumerable<(RequestEventKind Kind, DateOnly On)> waitEvents)
    {
        if (determination is not { } end || outcome == RequestOutcome.Withdrawn)
        {
            return null;
        }

        var waits = new List<(int From, int To)>();
        int? clarificationFrom = null, feeFrom = null;
        foreach (var (kind, on) in waitEvents.Where(e => e.On <= end).OrderBy(e => e.On).ThenBy(e => e.Kind))
        {
            var day = Math.Max(on.DayNumber, start.DayNumber);
            switch (kind)
            {
                case RequestEventKind.ClarificationRequested:
                    clarificationFrom ??= day;
                    break;
                case RequestEventKind.FeeEstimate:
                    feeFrom ??= day;
                    break;
                case RequestEventKind.ClarificationProvided when clarificationFrom is { } from:
                    waits.Add((from, day));
                    clarificationFrom = null;
                    break;
                case RequestEventKind.FeePaid when feeFrom is { } from:
                    waits.Add((from, day));
                    feeFrom = null;
                    break;
                default:
                    break;
            }
        }

        foreach (var open in new[] { clarificationFrom, feeFrom })
        {
            if (open is { } from)
            {
                waits.Add((from, end.DayNumber));
            }
        }

        var waited = 0;
        var coveredTo = int.MinValue;
        foreach (var (from, to) in waits.OrderBy(w => w.From))
        {
            var fresh = Math.Max(from, coveredTo);
            if (to > fresh)
            {
                waited += to - fresh;
                coveredTo = to;
            }
        }

        return Math.Max(0, end.DayNumber - start.DayNumber - waited);
    }

    /// <summary>
    /// The exemptions one event's text cites: split on semicolons and line breaks (commas occur inside citations such
    /// as "§ 552(b)(6), (b)(7)(C)"), whitespace collapsed, empty pieces dropped.
    /// </summary>
    public static IEnumerable<string> Citations(string? exemptionsCited) =>
        string.IsNullOrWhiteSpace(exemptionsCited)
            ? []
            : exemptionsCited.Split([';', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries)
                .Select(c => Whitespace().Replace(c, " ").Trim())
                .Where(c => c.Length > 0);

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
