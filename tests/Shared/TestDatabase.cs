using Npgsql;
using PraTracker.Data.Database;

namespace PraTracker.Tests;

/// <summary>
/// A fresh, empty database for one test class: a new database on the test PostgreSQL cluster that
/// scripts/test.sh starts, or a new SQLite file. Dropped or deleted when the class is done.
/// </summary>
public sealed class TestDatabase : IAsyncDisposable
{
    public const string PostgresVariable = "PRATRACKER_TEST_POSTGRES";

    private readonly string? _postgresName;

    private TestDatabase(DatabaseSettings settings, string? postgresName)
    {
        Settings = settings;
        _postgresName = postgresName;
    }

    public DatabaseSettings Settings { get; }

    public DatabaseProvider Provider => Settings.Provider;

    /// <summary>The configuration keys that point the app at this database.</summary>
    public IReadOnlyDictionary<string, string?> AppSettings => new Dictionary<string, string?>
    {
        ["ConnectionStrings:Postgres"] = Provider == DatabaseProvider.Postgres ? Settings.ConnectionString : "",
        ["DataDirectory"] = Settings.DataDirectory,
    };

    public static async Task<TestDatabase> CreateAsync(DatabaseProvider provider)
    {
        var dataDirectory = Directory.CreateTempSubdirectory("pratracker-test-").FullName;
        if (provider == DatabaseProvider.Sqlite)
        {
            return new TestDatabase(
                new DatabaseSettings(DatabaseProvider.Sqlite, $"Data Source={Path.Combine(dataDirectory, "test.db")};Pooling=false", dataDirectory), null);
        }

        var server = Environment.GetEnvironmentVariable(PostgresVariable);
        if (string.IsNullOrWhiteSpace(server))
        {
            // Failing, not skipping: a green run must mean PostgreSQL was tested.
            throw new InvalidOperationException(
                $"{PostgresVariable} is not set. Run the tests with scripts/test.sh, which starts a throwaway PostgreSQL cluster.");
        }

        var name = $"pratracker_test_{Guid.NewGuid():N}";
        await using (var connection = new NpgsqlConnection(server))
        {
            await connection.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
            await create.ExecuteNonQueryAsync();
        }

        var connectionString = new NpgsqlConnectionStringBuilder(server) { Database = name }.ConnectionString;
        return new TestDatabase(new DatabaseSettings(DatabaseProvider.Postgres, connectionString, dataDirectory), name);
    }

    public PraTrackerDbContextFactory CreateFactory(TimeProvider? clock = null) => new(Settings, clock ?? TimeProvider.System);

    public async ValueTask DisposeAsync()
    {
        if (_postgresName is not null)
        {
            NpgsqlConnection.ClearAllPools();
            await using var connection = new NpgsqlConnection(Environment.GetEnvironmentVariable(PostgresVariable));
            await connection.OpenAsync();
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{_postgresName}\" WITH (FORCE)", connection);
            await drop.ExecuteNonQueryAsync();
        }

        try
        {
            Directory.Delete(Settings.DataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open by a finishing host is cleaned up with the temp folder later.
        }
    }
}
