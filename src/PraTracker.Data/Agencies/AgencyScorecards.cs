using Microsoft.EntityFrameworkCore;
using PraTracker.Data.Database;
using PraTracker.Data.Deadlines;
using PraTracker.Data.Exemptions;
using PraTracker.Data.Requests;

namespace PraTracker.Data.Agencies;

/// <summary>An agency and its scorecard, as the comparison page lists it; the flat properties are its sort keys.</summary>
public sealed record AgencyScorecardRow(Guid AgencyId, string Name, string State, string? LawCode, AgencyScorecard Scorecard)
{
    public int Requests => Scorecard.Requests;

    public double? MedianFirstResponse => Scorecard.FirstResponse.Median;

    public double? P90FirstResponse => Scorecard.FirstResponse.Percentile90;

    public double? MedianCompletion => Scorecard.Completion.Median;

    public double? P90Completion => Scorecard.Completion.Percentile90;

    public double? OnTimeShare => Scorecard.OnTimeShare;

    public double? DeniedShare => Scorecard.DeniedShare;
}

/// <summary>Every agency under one public-records law taken together, with the response period the law sets.</summary>
public sealed record JurisdictionScorecard(
    Guid LawId, string LawCode, string Jurisdiction, string LawName, int? ResponseDays, DayCount ResponseDayCount, int Agencies, AgencyScorecard Scorecard);

/// <summary>The scorecards of every agency the viewer can see a sent request of, and of every law over its agencies.</summary>
public sealed record AgencyScorecardSet(IReadOnlyList<AgencyScorecardRow> Agencies, IReadOnlyList<JurisdictionScorecard> Jurisdictions);

/// <summary>Which agencies the comparison page shows: a state, a law's code, and at least so many requests.</summary>
public sealed record ScorecardFilter(string? State = null, string? LawCode = null, int MinimumRequests = 1);

/// <summary>
/// Computes scorecards through the context's visibility filter, so an anonymous viewer's count only public requests.
/// The database returns a few columns per request, the waiting and exemption events, the withholding logs, and deadline counts grouped by
/// agency; the medians and percentiles are computed here. One pass serves one agency or all of them, never a query per agency.
/// </summary>
public static class AgencyScorecards
{
    public static async Task<AgencyScorecard> ForAgencyAsync(PraTrackerDbContext db, Guid agencyId, CancellationToken ct = default)
    {
        var scorecards = await ComputeAsync(db, db.Requests.Where(r => r.AgencyId == agencyId), ct);
        return scorecards.TryGetValue(agencyId, out var scorecard) ? scorecard.Scorecard : AgencyScorecard.Empty;
    }

    public static async Task<AgencyScorecardSet> ForAllAsync(PraTrackerDbContext db, CancellationToken ct = default)
    {
        var byAgency = await ComputeAsync(db, db.Requests, ct);
        var agencies = await db.Agencies.AsNoTracking()
            .Select(a => new { a.Id, a.Name, a.State, a.LawId, LawCode = a.Law != null ? a.Law.Code : null })
            .ToListAsync(ct);
        var laws = await db.Laws.AsNoTracking()
            .Select(l => new { l.Id, l.Code, l.Jurisdiction, l.Name, l.ResponseDays, l.ResponseDayCount })
            .ToDictionaryAsync(l => l.Id, ct);

        var scored = agencies.Where(a => byAgency.ContainsKey(a.Id)).ToList();
        var rows = scored
            .Select(a => new AgencyScorecardRow(a.Id, a.Name, a.State, a.LawCode, byAgency[a.Id].Scorecard))
            .OrderBy(r => r.Name, StringComparer.OrdinalIgnoreCase)
            .ToList();
        var jurisdictions = scored
            .Where(a => a.LawId is not null && laws.ContainsKey(a.LawId.Value))
            .GroupBy(a => a.LawId!.Value)
            .Select(g =>
            {
                var law = laws[g.Key];
                var parts = g.Select(a => byAgency[a.Id]).ToList();
                var scorecard = AgencyScorecard.Compute(
                    [.. parts.SelectMany(p => p.Requests)], parts.Sum(p => p.Scorecard.DeadlinesMet), parts.Sum(p => p.Scorecard.DeadlinesMissed));
                return new JurisdictionScorecard(law.Id, law.Code, law.Jurisdiction, law.Name, law.ResponseDays, law.ResponseDayCount, g.Count(), scorecard);
            })
            .OrderByDescending(j => j.Scorecard.Requests).ThenBy(j => j.Jurisdiction, StringComparer.OrdinalIgnoreCase)
            .ToList();
        return new AgencyScorecardSet(rows, jurisdictions);
    }

    /// <summary>
    /// Filters, sorts and pages the agencies of a computed set in memory (their medians exist only here). Sort keys are
    /// <see cref="AgencyScorecardRow"/>'s property names ("Name", "State", "Requests", "MedianFirstResponse", "OnTimeShare"...);
    /// a missing statistic sorts last either way.
    /// </summary>
    public static Page<AgencyScorecardRow> Page(AgencyScorecardSet set, ScorecardFilter filter, PageRequest page)
    {
        var rows = set.Agencies.Where(r =>
            r.Scorecard.Requests >= Math.Max(1, filter.MinimumRequests)
            && (string.IsNullOrWhiteSpace(filter.State) || string.Equals(r.State, filter.State.Trim(), StringComparison.OrdinalIgnoreCase))
            && (string.IsNullOrWhiteSpace(filter.LawCode) || string.Equals(r.LawCode, filter.LawCode.Trim(), StringComparison.OrdinalIgnoreCase)));
        Func<AgencyScorecardRow, double?>? statistic = page.SortBy switch
        {
            nameof(AgencyScorecardRow.Requests) => r => r.Requests,
            nameof(AgencyScorecardRow.MedianFirstResponse) => r => r.MedianFirstResponse,
            nameof(AgencyScorecardRow.P90FirstResponse) => r => r.P90FirstResponse,
            nameof(AgencyScorecardRow.MedianCompletion) => r => r.MedianCompletion,
            nameof(AgencyScorecardRow.P90Completion) => r => r.P90Completion,
            nameof(AgencyScorecardRow.OnTimeShare) => r => r.OnTimeShare,
            nameof(AgencyScorecardRow.DeniedShare) => r => r.DeniedShare,
            _ => null,
        };
        IOrderedEnumerable<AgencyScorecardRow> sorted;
        if (statistic is not null)
        {
            var present = rows.OrderBy(r => statistic(r) is null);
            sorted = page.Descending ? present.ThenByDescending(statistic) : present.ThenBy(statistic);
        }
        else
        {
            Func<AgencyScorecardRow, string> text = page.SortBy switch
            {
                nameof(AgencyScorecardRow.State) => r => r.State,
                nameof(AgencyScorecardRow.LawCode) => r => r.LawCode ?? "",
                _ => r => r.Name,
            };
            sorted = page.Descending ? rows.OrderByDescending(text, StringComparer.OrdinalIgnoreCase) : rows.OrderBy(text, StringComparer.OrdinalIgnoreCase);
        }

        var all = sorted.ThenBy(r => r.Name, StringComparer.OrdinalIgnoreCase).ThenBy(r => r.AgencyId).ToList();
        return new Page<AgencyScorecardRow>([.. all.Skip(page.Skip).Take(page.Take)], all.Count);
    }

    // "Exemption 7(E)" in a letter and "5 U.S.C. § 552(b)(7)(E)" in the log are one exemption, counted once, as the library cites it.
    private static string InLibraryWords(string cited, IEnumerable<string> library) =>
        library.FirstOrDefault(c => CitationMatching.Matches(cited, c)) ?? cited;

    private sealed record AgencyPart(AgencyScorecard Scorecard, IReadOnlyList<RequestFacts> Requests);

    // The requests in scope are those of `requests` (already filtered for the viewer by the context) that were sent.
    private static async Task<Dictionary<Guid, AgencyPart>> ComputeAsync(PraTrackerDbContext db, IQueryable<RecordsRequest> requests, CancellationToken ct)
    {
        var sent = requests.Where(r => r.SentOn != null);
        var responses = ResponseTimes.Responses.ToArray();
        var determinations = ResponseTimes.Determinations.ToArray();
        var facts = await sent.AsNoTracking()
            .Select(r => new { r.Id, r.AgencyId, r.LawId, Start = r.ReceivedOn ?? r.SentOn, r.Outcome })
            .ToListAsync(ct);
        if (facts.Count == 0)
        {
            return [];
        }

        // One grouped pass over the response events rather than a lookup per request.
        var answers = await db.RequestEvents.AsNoTracking()
            .Where(e => responses.Contains(e.Kind) && sent.Any(r => r.Id == e.RequestId))
            .GroupBy(e => e.RequestId)
            .Select(g => new
            {
                RequestId = g.Key,
                FirstResponse = g.Min(e => e.OccurredOn),
                Determination = g.Where(e => determinations.Contains(e.Kind)).Min(e => (DateOnly?)e.OccurredOn),
            })
            .ToDictionaryAsync(a => a.RequestId, ct);

        var waitKinds = ResponseTimes.Waits.ToArray();
        var waits = (await db.RequestEvents.AsNoTracking()
                .Where(e => waitKinds.Contains(e.Kind) && sent.Any(r => r.Id == e.RequestId))
                .Select(e => new { e.RequestId, e.Kind, e.OccurredOn })
                .ToListAsync(ct))
            .ToLookup(e => e.RequestId, e => (e.Kind, e.OccurredOn));
        var exemptions = (await db.RequestEvents.AsNoTracking()
                .Where(e => e.ExemptionsCited != null && sent.Any(r => r.Id == e.RequestId))
                .Select(e => new { e.RequestId, e.ExemptionsCited })
                .ToListAsync(ct))
            .ToLookup(e => e.RequestId, e => e.ExemptionsCited);

        // The withholding logs name exemptions too: the library's by its citation, the rest as the agency wrote them.
        var withheld = (await db.Withholdings.AsNoTracking()
                .Where(w => sent.Any(r => r.Id == w.RequestId))
                .Select(w => new { w.RequestId, w.OtherCitations, Library = w.Exemptions.Select(l => l.Exemption.Citation).ToList() })
                .ToListAsync(ct))
            .ToLookup(w => w.RequestId, w => w.Library.Concat(ResponseTimes.Citations(w.OtherCitations)));
        var library = (await db.Exemptions.AsNoTracking().Select(e => new { e.LawId, e.Citation }).ToListAsync(ct))
            .ToLookup(e => e.LawId, e => e.Citation);
        var deadlines = (await db.Deadlines.AsNoTracking()
                .Where(d => (d.Kind == DeadlineKind.InitialResponse || d.Kind == DeadlineKind.ExtendedResponse)
                    && (d.Status == DeadlineStatus.Met || d.Status == DeadlineStatus.Missed)
                    && sent.Any(r => r.Id == d.RequestId))
                .GroupBy(d => new { d.Request.AgencyId, d.Status })
                .Select(g => new { g.Key.AgencyId, g.Key.Status, Count = g.Count() })
                .ToListAsync(ct))
            .ToLookup(d => d.AgencyId);

        return facts
            .GroupBy(f => f.AgencyId)
            .ToDictionary(g => g.Key, g =>
            {
                var requestFacts = g.Select(f => new RequestFacts(
                        ResponseTimes.DaysToFirstResponse(f.Start!.Value, answers.TryGetValue(f.Id, out var a) ? a.FirstResponse : null),
                        ResponseTimes.DaysToCompletion(f.Start!.Value, answers.TryGetValue(f.Id, out var d) ? d.Determination : null, f.Outcome, waits[f.Id]),
                        f.Outcome,
                        exemptions[f.Id].SelectMany(ResponseTimes.Citations).Concat(withheld[f.Id].SelectMany(c => c))
                            .Select(c => InLibraryWords(c, library[f.LawId]))
                            .Distinct(StringComparer.OrdinalIgnoreCase).ToList()))
                    .ToList();
                var counts = deadlines[g.Key].ToList();
                var scorecard = AgencyScorecard.Compute(
                    requestFacts,
                    counts.Where(d => d.Status == DeadlineStatus.Met).Sum(d => d.Count),
                    counts.Where(d => d.Status == DeadlineStatus.Missed).Sum(d => d.Count));
                return new AgencyPart(scorecard, requestFacts);
            });
    }
}
