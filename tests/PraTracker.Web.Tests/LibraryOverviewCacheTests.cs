using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using PraTracker.Data.Agencies;
using PraTracker.Data.Database;
using PraTracker.Data.Deadlines;
using PraTracker.Data.Documents;
using PraTracker.Data.Identity;
using PraTracker.Data.Requests;
using PraTracker.Web.Features.Documents;

namespace PraTracker.Tests;

/// <summary>The home page's overview for visitors: read once, kept, refreshed behind their backs, forgotten on publishing.</summary>
public abstract class LibraryOverviewCacheTests(DatabaseProvider provider) : IAsyncLifetime
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 3, 2, 17, 0, 0, TimeSpan.Zero));
    private TestDatabase _database = null!;
    private PraTrackerDbContextFactory _factory = null!;
    private Guid _requestId;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync(provider);
        _factory = _database.CreateFactory(_clock);
        await using var db = _factory.CreateDbContext().ViewAs(Viewer.System);
        await db.Database.MigrateAsync();
        await ReferenceDataSeeder.SeedAsync(db);
        var california = await db.Laws.SingleAsync(l => l.Code == "US-CA");
        var request = new RecordsRequest
        {
            Reference = "PRA-2026-0001",
            Title = "Spokeo contract",
            Agency = new Agency { Name = "Pasadena Police Department", State = "CA" },
            LawId = california.Id,
            Visibility = RequestVisibility.Public,
            Status = RequestStatus.Sent,
        };
        db.Add(request);
        await db.SaveChangesAsync();
        _requestId = request.Id;
        await PublishAsync("Spokeo invoices");
    }

    public async Task DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public async Task Visitors_get_one_read_until_it_is_stale_then_the_old_one_while_a_background_read_replaces_it()
    {
        var cache = Cache(seconds: 30);
        Assert.Single((await cache.GetAsync()).Latest);

        await PublishAsync("Spokeo audit log");
        Assert.Single((await cache.GetAsync()).Latest); // still the first read

        _clock.Advance(TimeSpan.FromSeconds(31));
        Assert.Single((await cache.GetAsync()).Latest); // stale, served at once, while the refresh runs
        Assert.Equal(2, await EventuallyAsync(cache, latest => latest == 2));
    }

    [Fact]
    public async Task Publishing_through_the_app_forgets_the_overview_at_once()
    {
        var cache = Cache(seconds: 3_600);
        Assert.Single((await cache.GetAsync()).Latest);

        await PublishAsync("Spokeo training slides");
        cache.Forget();

        Assert.Equal(2, (await cache.GetAsync()).Latest.Count);
    }

    [Fact]
    public void Staff_are_never_served_the_visitors_overview_and_a_lifetime_of_zero_turns_it_off()
    {
        Assert.True(Cache(seconds: 30).Serves(Viewer.Anonymous));
        Assert.False(Cache(seconds: 30).Serves(Viewer.Staff("attorney")));
        Assert.False(Cache(seconds: 0).Serves(Viewer.Anonymous));
    }

    private LibraryOverviewCache Cache(int seconds) => new(
        _factory,
        new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { [LibraryOverviewCache.SecondsKey] = seconds.ToString() }).Build(),
        _clock,
        NullLogger<LibraryOverviewCache>.Instance);

    private static async Task<int> EventuallyAsync(LibraryOverviewCache cache, Func<int, bool> done)
    {
        var count = 0;
        for (var attempt = 0; attempt < 100 && !done(count); attempt++)
        {
            await Task.Delay(50);
            count = (await cache.GetAsync()).Latest.Count;
        }

        return count;
    }

    private async Task PublishAsync(string title)
    {
        await using var db = _factory.CreateDbContext().ViewAs(Viewer.System);
        db.Add(new Document
        {
            RequestId = _requestId,
            Title = title,
            FileName = $"{title}.pdf",
            ContentType = "application/pdf",
            Sha256 = new string('a', 64),
            ReleasedOn = new DateOnly(2026, 3, 1),
            PublicationStatus = PublicationStatus.Published,
            PublishedAt = _clock.GetUtcNow(),
            UploadedAt = _clock.GetUtcNow(),
            TextStatus = TextStatus.Extracted,
            ExtractedText = title,
        });
        await db.SaveChangesAsync();
    }
}

public sealed class PostgresLibraryOverviewCacheTests() : LibraryOverviewCacheTests(DatabaseProvider.Postgres);

public sealed class SqliteLibraryOverviewCacheTests() : LibraryOverviewCacheTests(DatabaseProvider.Sqlite);
