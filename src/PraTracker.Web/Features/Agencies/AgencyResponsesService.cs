using PraTracker.Data.Agencies;
using PraTracker.Data.Database;
using PraTracker.Web.Security;

namespace PraTracker.Web.Features.Agencies;

/// <summary>The "how agencies respond" page: every agency's scorecard as the viewer may see it, filtered, sorted and paged.</summary>
public sealed class AgencyResponsesService(ViewerContextFactory contexts, AgencyScorecardCache cache, TimeProvider clock)
{
    // A page asks for its grid, its jurisdictions and its filter choices at once: staff compute their set once for all three.
    private static readonly TimeSpan StaffReuse = TimeSpan.FromSeconds(10);
    private (AgencyScorecardSet Set, DateTimeOffset At)? _staffSet;

    public async Task<Page<AgencyScorecardRow>> ListAsync(ScorecardFilter filter, PageRequest page, CancellationToken ct = default) =>
        AgencyScorecards.Page(await ScorecardsAsync(ct), filter, page);

    public async Task<IReadOnlyList<JurisdictionScorecard>> JurisdictionsAsync(CancellationToken ct = default) =>
        (await ScorecardsAsync(ct)).Jurisdictions;

    /// <summary>The states and laws the filter offers: those of the agencies with scorecards.</summary>
    public async Task<(IReadOnlyList<string> States, IReadOnlyList<string> LawCodes)> FilterChoicesAsync(CancellationToken ct = default)
    {
        var agencies = (await ScorecardsAsync(ct)).Agencies;
        return ([.. agencies.Select(a => a.State).Distinct().Order()], [.. agencies.Select(a => a.LawCode).OfType<string>().Distinct().Order()]);
    }

    // Visitors share one computed set; staff compute their own, which counts private requests.
    private async Task<AgencyScorecardSet> ScorecardsAsync(CancellationToken ct)
    {
        await using var db = await contexts.OpenAsync(ct);
        if (cache.Serves(db.Viewer))
        {
            return await cache.GetAsync().WaitAsync(ct);
        }

        // This service lives as long as one visitor's circuit, so what it keeps is never shown to anyone else.
        if (_staffSet is { } kept && clock.GetUtcNow() - kept.At < StaffReuse)
        {
            return kept.Set;
        }

        var set = await AgencyScorecards.ForAllAsync(db, ct);
        _staffSet = (set, clock.GetUtcNow());
        return set;
    }
}
