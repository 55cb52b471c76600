using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using PraTracker.Data.Deadlines;
using PraTracker.Data.Demo;
using PraTracker.Data.Documents;
using PraTracker.Data.Identity;

namespace PraTracker.Data.Database;

/// <summary>Start-up work on the database: migrations, reference data, the first admin, and the demo data.</summary>
public sealed class DatabaseInitializer(
    IDbContextFactory<PraTrackerDbContext> dbFactory,
    DatabaseSettings settings,
    AdminBootstrapper adminBootstrapper,
    IConfiguration configuration,
    OrganisationClock clock,
    IDocumentFileStore files,
    ILogger<DatabaseInitializer> logger)
{
    /// <param name="console">Where a generated first-admin password is shown, once; the process console by default.</param>
    public async Task InitializeAsync(TextWriter? console = null, CancellationToken ct = default)
    {
        await using var db = dbFactory.CreateDbContext().ViewAs(Viewer.System);
        logger.LogInformation("Applying {Provider} migrations", settings.Provider);
        await db.Database.MigrateAsync(ct);
        await ReferenceDataSeeder.SeedAsync(db, ct);

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
