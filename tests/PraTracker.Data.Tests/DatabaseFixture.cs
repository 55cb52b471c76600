using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using PraTracker.Data.Database;
using PraTracker.Data.Deadlines;
using PraTracker.Data.Identity;

namespace PraTracker.Tests;

/// <summary>One migrated database with the reference data, shared by the tests of one class; tests isolate by unique names.</summary>
public abstract class DatabaseFixture(DatabaseProvider provider) : IAsyncLifetime
{
    public TestDatabase Database { get; private set; } = null!;

    /// <summary>A clock the tests move; starts on 2026-03-02 at 17:00 UTC.</summary>
    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 3, 2, 17, 0, 0, TimeSpan.Zero));

    public PraTrackerDbContextFactory Factory { get; private set; } = null!;

    public DatabaseProvider Provider => provider;

    public async Task InitializeAsync()
    {
        Database = await TestDatabase.CreateAsync(provider);
        Factory = Database.CreateFactory(Clock);
        await using var db = Open(Viewer.System);
        await db.Database.MigrateAsync();
        await ReferenceDataSeeder.SeedAsync(db);
    }

    public PraTrackerDbContext Open(Viewer viewer) => Factory.CreateDbContext().ViewAs(viewer);

    public async Task DisposeAsync() => await Database.DisposeAsync();
}

public sealed class PostgresFixture() : DatabaseFixture(DatabaseProvider.Postgres);

public sealed class SqliteFixture() : DatabaseFixture(DatabaseProvider.Sqlite);
