using Microsoft.EntityFrameworkCore.Design;

namespace PraTracker.Data.Database;

// Used only by `dotnet ef migrations add`; the connection strings are never opened.
internal sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresPraTrackerDbContext>
{
    public PostgresPraTrackerDbContext CreateDbContext(string[] args) =>
        (PostgresPraTrackerDbContext)new PraTrackerDbContextFactory(
            new DatabaseSettings(DatabaseProvider.Postgres, "Host=localhost;Database=pratracker_design", Path.GetTempPath()),
            TimeProvider.System).CreateDbContext();
}

internal sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqlitePraTrackerDbContext>
{
    public SqlitePraTrackerDbContext CreateDbContext(string[] args) =>
        (SqlitePraTrackerDbContext)new PraTrackerDbContextFactory(
            new DatabaseSettings(DatabaseProvider.Sqlite, "Data Source=design.db", Path.GetTempPath()),
            TimeProvider.System).CreateDbContext();
}
