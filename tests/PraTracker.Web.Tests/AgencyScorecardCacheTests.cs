using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using PraTracker.Data.Agencies;
using PraTracker.Data.Database;
using PraTracker.Data.Deadlines;
using PraTracker.Data.Identity;
using PraTracker.Data.Requests;
using PraTracker.Web.Features.Agencies;

namespace PraTracker.Tests;

/// <summary>The comparison's scorecards kept for visitors: always computed as a visitor, never served to staff.</summary>
public abstract class AgencyScorecardCacheTests(DatabaseProvider provider) : IAsyncLifetime
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 3, 2, 17, 0, 0, TimeSpan.Zero));
    private TestDatabase _database = null!;
    private PraTrackerDbContextFactory _factory = null!;
    private Guid _agencyId;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync(provider);
        _factory = _database.CreateFactory(_clock);
        await using var db = _factory.CreateDbContext().ViewAs(Viewer.System);
        await db.Database.MigrateAsync();
        await ReferenceDataSeeder.SeedAsync(db);
        var california = await db.Laws.SingleAsync(l => l.Code == "US-CA");
        var agency = new Agency { Name = "Pasadena Police Department", State = "CA", Law = california };
        RecordsRequest Sent(string reference, RequestVisibility visibility) => new()
        {
            Reference = reference,
            Title = "Spokeo contract",
            Agency = agency,
            LawId = california.Id,
            Visibility = visibility,
            Status = RequestStatus.Sent,
            SentOn = new DateOnly(2026, 3, 2),
        };
        db.Requests.AddRange(Sent("PRA-2026-0001", RequestVisibility.Public), Sent("PRA-2026-0002", RequestVisibility.Private));
        await db.SaveChangesAsync();
        _agencyId = agency.Id;
    }

    public async Task DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public async Task The_kept_scorecards_are_computed_as_a_visitor_and_count_no_private_request()
    {
        var cache = Cache(seconds: 60);
        var kept = await cache.GetAsync();

        Assert.Equal(1, kept.Agencies.Single(a => a.AgencyId == _agencyId).Requests);
        Assert.Equal(1, kept.Jurisdictions.Single(j => j.LawCode == "US-CA").Scorecard.Requests);
    }

    [Fact]
    public void Staff_are_never_served_the_visitors_scorecards_and_a_lifetime_of_zero_turns_it_off()
    {
        Assert.True(Cache(seconds: 60).Serves(Viewer.Anonymous));
        Assert.False(Cache(seconds: 60).Serves(Viewer.Staff("attorney")));
        Assert.False(Cache(seconds: 0).Serves(Viewer.Anonymous));
    }

    private AgencyScorecardCache Cache(int seconds) => new(
        _factory,
        new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { [AgencyScorecardCache.SecondsKey] = seconds.ToString() }).Build(),
        _clock,
        NullLogger<AgencyScorecardCache>.Instance);
}

public sealed class PostgresAgencyScorecardCacheTests() : AgencyScorecardCacheTests(DatabaseProvider.Postgres);

public sealed class SqliteAgencyScorecardCacheTests() : AgencyScorecardCacheTests(DatabaseProvider.Sqlite);
