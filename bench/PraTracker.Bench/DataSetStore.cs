using System.Text;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using PraTracker.Data.Database;
using PraTracker.Data.Deadlines;
using PraTracker.Data.Identity;

namespace PraTracker.Bench;

/// <summary>The benchmark database: created, migrated and marked complete once generated, so a second run reuses it.</summary>
public static class DataSetStore
{
    private const string Marker = "bench_data_set";

    /// <summary>Makes the database ready to fill; false when it already holds a complete data set to reuse.</summary>
    public static async Task<bool> PrepareAsync(BenchOptions options, PraTrackerDbContextFactory factory, TextWriter log)
    {
        var server = new NpgsqlConnectionStringBuilder(options.ServerConnection) { Database = "postgres" }.ConnectionString;
        await using (var admin = new NpgsqlConnection(server))
        {
            await admin.OpenAsync();
            var exists = await Scalar<bool>(admin, $"SELECT EXISTS (SELECT 1 FROM pg_database WHERE datname = '{options.Database}')");
            if (exists && !options.Regenerate && await IsCompleteAsync(factory))
            {
                // Migrations added since it was generated apply to it, as they would to a deployment.
                log.WriteLine("Reusing the data set generated earlier (pass --regenerate to build it again).");
                await using var existing = factory.CreateDbContext().ViewAs(Viewer.System);
                await existing.Database.MigrateAsync();
                return false;
            }

            if (exists)
            {
                await Execute(admin, $"DROP DATABASE \"{options.Database}\" WITH (FORCE)");
            }

            await Execute(admin, $"CREATE DATABASE \"{options.Database}\"");
        }

        await using var db = factory.CreateDbContext().ViewAs(Viewer.System);
        await db.Database.MigrateAsync();
        await ReferenceDataSeeder.SeedAsync(db);
        return true;
    }

    public static async Task MarkCompleteAsync(PraTrackerDbContextFactory factory)
    {
        await using var db = factory.CreateDbContext();
        await db.Database.ExecuteSqlRawAsync($"CREATE TABLE {Marker} (generated_at timestamptz NOT NULL DEFAULT now())");
        await db.Database.ExecuteSqlRawAsync($"INSERT INTO {Marker} DEFAULT VALUES");
    }

    /// <summary>Row counts and sizes of what was generated, for the report.</summary>
    public static async Task<string> DescribeAsync(PraTrackerDbContextFactory factory)
    {
        await using var db = factory.CreateDbContext();
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        await connection.OpenAsync();
        var text = new StringBuilder("| data | rows |\n| --- | ---: |\n");
        foreach (var table in new[] { "Agencies", "Vendors", "Contracts", "Requests", "RequestEvents", "Deadlines", "Documents", "DocumentPages" })
        {
            text.Append($"| {table} | {await Scalar<long>(connection, $"SELECT count(*) FROM \"{table}\""):N0} |\n");
        }

        var characters = await Scalar<long>(connection, "SELECT coalesce(sum(length(\"ExtractedText\")), 0) FROM \"Documents\"");
        var size = await Scalar<long>(connection, "SELECT pg_database_size(current_database())");
        text.Append($"| extracted text | {characters / 1_000_000.0:N0} million characters |\n");
        text.Append($"| database on disk | {size / (1024.0 * 1024 * 1024):N1} GiB |\n");
        return text.ToString();
    }

    private static async Task<bool> IsCompleteAsync(PraTrackerDbContextFactory factory)
    {
        await using var db = factory.CreateDbContext();
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        await connection.OpenAsync();
        return await Scalar<bool>(connection, $"SELECT to_regclass('{Marker}') IS NOT NULL");
    }

    internal static async Task<T> Scalar<T>(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        return (T)(await command.ExecuteScalarAsync())!;
    }

    private static async Task Execute(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
