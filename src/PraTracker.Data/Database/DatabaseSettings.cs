using Microsoft.Extensions.Configuration;

namespace PraTracker.Data.Database;

/// <summary>Which database the app runs on, read from configuration.</summary>
/// <param name="Provider">PostgreSQL when ConnectionStrings:Postgres is set, otherwise the embedded SQLite file.</param>
/// <param name="ConnectionString">The provider's connection string.</param>
/// <param name="DataDirectory">The folder for the SQLite file and uploaded files.</param>
public sealed record DatabaseSettings(DatabaseProvider Provider, string ConnectionString, string DataDirectory)
{
    public const string PostgresConnectionStringName = "Postgres";
    public const string DataDirectoryKey = "DataDirectory";

    public bool IsEmbedded => Provider == DatabaseProvider.Sqlite;

    public static DatabaseSettings FromConfiguration(IConfiguration configuration)
    {
        var dataDirectory = Path.GetFullPath(configuration[DataDirectoryKey] is { Length: > 0 } configured
            ? configured
            : Path.Combine(Directory.GetCurrentDirectory(), "data"));

        var postgres = configuration.GetConnectionString(PostgresConnectionStringName);
        return string.IsNullOrWhiteSpace(postgres)
            ? new DatabaseSettings(DatabaseProvider.Sqlite, $"Data Source={Path.Combine(dataDirectory, "pratracker.db")}", dataDirectory)
            : new DatabaseSettings(DatabaseProvider.Postgres, postgres, dataDirectory);
    }
}

/// <summary>The database engines the app supports.</summary>
public enum DatabaseProvider
{
    Sqlite,
    Postgres,
}
