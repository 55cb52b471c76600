using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace PraTracker.Data.Database;

/// <summary>Opens a context on the configured provider, one per operation (Blazor circuits live too long to hold one).</summary>
public sealed class PraTrackerDbContextFactory : IDbContextFactory<PraTrackerDbContext>
{
    private readonly Func<PraTrackerDbContext> _create;

    public PraTrackerDbContextFactory(DatabaseSettings settings, TimeProvider clock, ILoggerFactory? loggerFactory = null)
    {
        Settings = settings;
        _create = settings.Provider switch
        {
            DatabaseProvider.Postgres => CreatePostgres(settings, clock, loggerFactory),
            _ => CreateSqlite(settings, clock, loggerFactory),
        };
    }

    public DatabaseSettings Settings { get; }

    public PraTrackerDbContext CreateDbContext() => _create();

    private static Func<PraTrackerDbContext> CreatePostgres(DatabaseSettings settings, TimeProvider clock, ILoggerFactory? loggerFactory)
    {
        var builder = new DbContextOptionsBuilder<PostgresPraTrackerDbContext>()
            .UseNpgsql(settings.ConnectionString, npgsql => npgsql.EnableRetryOnFailure());
        var options = Configure(builder, loggerFactory).Options;
        return () => new PostgresPraTrackerDbContext(options, clock);
    }

    private static Func<PraTrackerDbContext> CreateSqlite(DatabaseSettings settings, TimeProvider clock, ILoggerFactory? loggerFactory)
    {
        Directory.CreateDirectory(settings.DataDirectory);
        var builder = new DbContextOptionsBuilder<SqlitePraTrackerDbContext>().UseSqlite(settings.ConnectionString);
        var options = Configure(builder, loggerFactory).Options;
        return () => new SqlitePraTrackerDbContext(options, clock);
    }

    private static DbContextOptionsBuilder<T> Configure<T>(DbContextOptionsBuilder<T> builder, ILoggerFactory? loggerFactory)
        where T : DbContext
    {
        if (loggerFactory is not null)
        {
            builder.UseLoggerFactory(loggerFactory);
        }

        return builder;
    }
}
