using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Npgsql;
using PraTracker.Data.Database;
using PraTracker.Data.Identity;

namespace PraTracker.Bench;

/// <summary>
/// The plans PostgreSQL chooses for the app's own queries: the commands EF sends while some work runs are recorded,
/// then explained with the same parameters. The benchmark prints them to show why a target is missed; the test
/// suite uses them to fail when the list and search queries stop using their indexes.
/// </summary>
public static class QueryPlans
{
    /// <summary>A command EF sent, with its parameters.</summary>
    public sealed record SentCommand(string Sql, IReadOnlyList<NpgsqlParameter> Parameters);

    /// <summary>Runs <paramref name="work"/> on a PostgreSQL context that records every command it sends.</summary>
    public static async Task<IReadOnlyList<SentCommand>> CaptureAsync(
        string connectionString, Viewer viewer, Func<PraTrackerDbContext, Task> work, TimeProvider? clock = null)
    {
        var recorder = new Recorder();
        var options = new DbContextOptionsBuilder<PostgresPraTrackerDbContext>()
            .UseNpgsql(connectionString)
            .AddInterceptors(recorder)
            .Options;
        await using var db = new PostgresPraTrackerDbContext(options, clock ?? TimeProvider.System);
        await work(db.ViewAs(viewer));
        return recorder.Commands;
    }

    /// <summary>The plan of a recorded command, as text; with <paramref name="analyze"/> it is also run, with timings and buffers.</summary>
    public static async Task<string> ExplainAsync(NpgsqlConnection connection, SentCommand command, bool analyze, bool seqScanOff = false)
    {
        if (seqScanOff)
        {
            await using var off = new NpgsqlCommand("SET enable_seqscan = off", connection);
            await off.ExecuteNonQueryAsync();
        }

        try
        {
            var explain = analyze ? "EXPLAIN (ANALYZE, BUFFERS, COSTS OFF)" : "EXPLAIN (COSTS OFF)";
            await using var plan = new NpgsqlCommand($"{explain} {command.Sql}", connection);
            foreach (var parameter in command.Parameters)
            {
                plan.Parameters.Add(parameter.Clone());
            }

            var lines = new List<string>();
            await using var reader = await plan.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                lines.Add(reader.GetString(0));
            }

            return string.Join('\n', lines);
        }
        finally
        {
            if (seqScanOff)
            {
                await using var on = new NpgsqlCommand("RESET enable_seqscan", connection);
                await on.ExecuteNonQueryAsync();
            }
        }
    }

    private sealed class Recorder : DbCommandInterceptor
    {
        public List<SentCommand> Commands { get; } = [];

        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
            DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            Record(command);
            return base.ReaderExecutingAsync(command, eventData, result, cancellationToken);
        }

        public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(
            DbCommand command, CommandEventData eventData, InterceptionResult<object> result, CancellationToken cancellationToken = default)
        {
            Record(command);
            return base.ScalarExecutingAsync(command, eventData, result, cancellationToken);
        }

        private void Record(DbCommand command) =>
            Commands.Add(new SentCommand(command.CommandText, [.. command.Parameters.Cast<NpgsqlParameter>().Select(p => p.Clone())]));
    }
}
