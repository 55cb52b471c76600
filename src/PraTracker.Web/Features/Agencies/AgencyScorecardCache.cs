using Microsoft.EntityFrameworkCore;
using PraTracker.Data.Agencies;
using PraTracker.Data.Database;
using PraTracker.Web.Components.Shared;

namespace PraTracker.Web.Features.Agencies;

/// <summary>
/// Every agency's and every law's scorecard as anonymous visitors see them, read once and reused (see
/// <see cref="VisitorCache{T}"/>): the comparison page computes them all, from every sent request's dates, to sort by
/// medians that exist only in code. Staff, whose scorecards count private requests, always compute theirs fresh.
/// </summary>
public sealed class AgencyScorecardCache(IDbContextFactory<PraTrackerDbContext> dbFactory, IConfiguration configuration, TimeProvider clock, ILogger<AgencyScorecardCache> logger)
    : VisitorCache<AgencyScorecardSet>(dbFactory, configuration, clock, logger)
{
    /// <summary>How long visitors may see the computed scorecards, in seconds; 0 computes them every time.</summary>
    public const string SecondsKey = "Agencies:ScorecardCacheSeconds";

    protected override string LifetimeKey => SecondsKey;

    protected override int DefaultSeconds => 60;

    protected override Task<AgencyScorecardSet> ReadAsync(PraTrackerDbContext db) => AgencyScorecards.ForAllAsync(db);
}
