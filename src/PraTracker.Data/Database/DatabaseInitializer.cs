using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using Npgsql;
using PraTracker.Data.Deadlines;
using PraTracker.Data.Demo;
using PraTracker.Data.Documents;
using PraTracker.Data.Identity;

namespace PraTracker.Data.Database;

/// <summary>Start-up work on the database: migrations, reference data, the data-protection key, the first admin, and the demo data.</summary>
public sealed class DatabaseInitializer(
    IDbContextFactory<PraTrackerDbContext> dbFactory,
    DatabaseSettings settings,
    AdminBootstrapper adminBootstrapper,
    IConfiguration configuration,
    OrganisationClock clock,
    IDocumentFileStore files,
    IDataProtectionProvider dataProtection,
    ILogger<DatabaseInitializer> logger)
{
    /// <param name="console">Where a generated first-admin password is shown, once; the process console by default.</param>
    public async Task InitializeAsync(TextWriter? console = null, CancellationToken ct = default)
    {
        // Several instances may start at once on one PostgreSQL database: one at a time migrates and seeds,
        // and the next finds the work done.
        await using var startupLock = settings.Provider == DatabaseProvider.Postgres
            ? await PostgresStartupLock.AcquireAsync(settings.ConnectionString, logger, ct)
            : null;

        await using var db = dbFactory.CreateDbContext().ViewAs(Viewer.System);
        logger.LogInformation("Applying {Provider} migrations", settings.Provider);
        await db.Database.MigrateAsync(ct);
        await ReferenceDataSeeder.SeedAsync(db, ct);

        // The first protected value makes the data-protection key, here under the lock, so instances starting
        // together share one key instead of each making its own.
        dataProtection.CreateProtector("PraTracker.Startup").Protect([1]);

        var adminId = await adminBootstrapper.EnsureAdminAsync(console);

        // The demo data belongs to the embedded default; a PostgreSQL deployment asks for it explicitly.
        if (configuration.GetValue("Demo:Seed", settings.IsEmbedded))
        {
            if (await DemoDataSeeder.SeedAsync(db, adminId, clock.Today, files, ct))
            {
                logger.LogInformation("Seeded the demo data set");
            }
        }
    }
}

/// <summary>
/// A PostgreSQL session-level advisory lock held by its own unpooled connection; released on dispose, or by the
/// server when the process dies.
/// </summary>
internal sealed class PostgresStartupLock : IAsyncDisposable
{
    /// <summary>An arbitrary number that names this lock among the database's advisory locks ("PraTrack" in ASCII).</summary>
    private const long Key = 0x507261547261636B;

    private readonly NpgsqlConnection _connection;

    private PostgresStartupLock(NpgsqlConnection connection) => _connection = connection;

    public static async Task<PostgresStartupLock> AcquireAsync(string connectionString, ILogger logger, CancellationToken ct)
    {
        var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false }.ConnectionString);
        try
        {
            await connection.OpenAsync(ct);
            await using var tryLock = new NpgsqlCommand("SELECT pg_try_advisory_lock(@key)", connection) { Parameters = { new("key", Key) } };
            if (await tryLock.ExecuteScalarAsync(ct) is not true)
            {
                logger.LogInformation("Another instance is preparing the database; waiting for it to finish");
                await using var waitLock = new NpgsqlCommand("SELECT pg_advisory_lock(@key)", connection) { Parameters = { new("key", Key) }, CommandTimeout = 0 };
                await waitLock.ExecuteNonQueryAsync(ct);
            }

            return new PostgresStartupLock(connection);
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        // Closing the unpooled connection ends its session, which releases the lock.
        await _connection.DisposeAsync();
    }
}
