using System.Collections.Concurrent;
using Hangfire;
using Hangfire.InMemory;
using Hangfire.PostgreSql;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Npgsql;
using PraTracker.Data;
using PraTracker.Data.Database;
using PraTracker.Jobs;

namespace PraTracker.Tests;

/// <summary>Hangfire runs on the app's PostgreSQL database when one is configured, and in memory on the embedded default.</summary>
public sealed class JobStorageTests
{
    [Fact]
    public async Task On_PostgreSQL_jobs_are_stored_in_their_own_schema_and_processed()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Postgres);
        using var host = BuildHost(database);
        await host.StartAsync();
        try
        {
            Assert.IsType<PostgreSqlStorage>(host.Services.GetRequiredService<JobStorage>());
            var marker = Guid.NewGuid().ToString();
            host.Services.GetRequiredService<IBackgroundJobClient>().Enqueue<ProbeJob>(job => job.RunAsync(marker));
            await ProbeJob.WaitForAsync(marker);

            // The job's method returns a moment before Hangfire records its state in the schema.
            await using var connection = new NpgsqlConnection(database.Settings.ConnectionString);
            await connection.OpenAsync();
            await using var count = new NpgsqlCommand(
                $"SELECT count(*) FROM {JobsServiceCollectionExtensions.HangfireSchema}.job WHERE statename = 'Succeeded'", connection);
            var deadline = DateTime.UtcNow.AddSeconds(30);
            long succeeded;
            while ((succeeded = (long)(await count.ExecuteScalarAsync())!) == 0 && DateTime.UtcNow < deadline)
            {
                await Task.Delay(100);
            }

            Assert.Equal(1L, succeeded);
        }
        finally
        {
            await host.StopAsync();
        }
    }

    [Fact]
    public async Task On_the_embedded_default_jobs_run_in_memory()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        using var host = BuildHost(database);
        await host.StartAsync();
        try
        {
            Assert.IsType<InMemoryStorage>(host.Services.GetRequiredService<JobStorage>());
            var marker = Guid.NewGuid().ToString();
            host.Services.GetRequiredService<IBackgroundJobClient>().Enqueue<ProbeJob>(job => job.RunAsync(marker));
            await ProbeJob.WaitForAsync(marker);
        }
        finally
        {
            await host.StopAsync();
        }
    }

    private static IHost BuildHost(TestDatabase database) =>
        new HostBuilder()
            .ConfigureAppConfiguration(config => config.AddInMemoryCollection(database.AppSettings))
            .ConfigureServices((context, services) =>
            {
                services.AddTransient<ProbeJob>();
                services.AddPraTrackerData(context.Configuration);
                services.AddPraTrackerJobs(context.Configuration);
            })
            .Build();
}

/// <summary>A job that records that it ran, so a test can wait for the server to pick it up.</summary>
public sealed class ProbeJob
{
    private static readonly ConcurrentDictionary<string, TaskCompletionSource> Runs = new();

    public Task RunAsync(string marker)
    {
        Completion(marker).TrySetResult();
        return Task.CompletedTask;
    }

    public static Task WaitForAsync(string marker) => Completion(marker).Task.WaitAsync(TimeSpan.FromSeconds(60));

    private static TaskCompletionSource Completion(string marker) =>
        Runs.GetOrAdd(marker, _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
}
