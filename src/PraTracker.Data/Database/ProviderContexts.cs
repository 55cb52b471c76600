using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using PraTracker.Data.Documents;
using PraTracker.Data.Requests;

namespace PraTracker.Data.Database;

/// <summary>The PostgreSQL flavour of the context; its migrations live in Migrations/Postgres.</summary>
public sealed class PostgresPraTrackerDbContext(DbContextOptions<PostgresPraTrackerDbContext> options, TimeProvider clock)
    : PraTrackerDbContext(options, clock)
{
    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        DocumentSearch.ConfigurePostgres(builder.Entity<Document>());
        DocumentPageSearch.ConfigurePostgres(builder.Entity<DocumentPage>());
        RecordsRequestConfiguration.ConfigurePostgres(builder);
    }
}

/// <summary>The embedded SQLite flavour of the context; its migrations live in Migrations/Sqlite.</summary>
public sealed class SqlitePraTrackerDbContext(DbContextOptions<SqlitePraTrackerDbContext> options, TimeProvider clock)
    : PraTrackerDbContext(options, clock)
{
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        base.ConfigureConventions(configurationBuilder);

        // SQLite has no instant or decimal type, so EF cannot compare or sort them there. Instants are
        // stored as UTC ticks (every instant here is UTC, so their order is kept) and amounts as reals.
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<DateTimeOffsetToBinaryConverter>();
        configurationBuilder.Properties<decimal>().HaveConversion<double>();
    }
}
