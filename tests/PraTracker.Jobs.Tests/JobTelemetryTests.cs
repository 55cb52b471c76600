using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using Hangfire;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using PraTracker.Data;
using PraTracker.Data.Database;
using PraTracker.Jobs;
using PraTracker.Jobs.Observability;

namespace PraTracker.Tests;

/// <summary>Jobs performed by a real Hangfire server are traced, counted by outcome, timed, and log with their job id.</summary>
public sealed class JobTelemetryTests : IAsyncLifetime
{
    private readonly RecordingLoggerProvider _logs = new();
    private readonly ConcurrentQueue<(string Instrument, double Value, Dictionary<string, object?> Tags)> _measurements = new();
    private readonly ConcurrentQueue<Activity> _activities = new();
    private readonly MeterListener _meterListener = new();
    private readonly ActivityListener _activityListener;
    private TestDatabase _database = null!;
    private IHost _host = null!;

    public JobTelemetryTests()
    {
        _activityListener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == JobTelemetry.Name,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = _activities.Enqueue,
        };
    }

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync(DatabaseProvider.Sqlite);
        _host = new HostBuilder()
            .ConfigureAppConfiguration(config => config.AddInMemoryCollection(_database.AppSettings))
            .ConfigureLogging(logging => logging.AddProvider(_logs))
            .ConfigureServices((context, services) =>
            {
                services.AddTransient<TelemetryProbeJob>();
                services.AddPraTrackerData(context.Configuration);
                services.AddPraTrackerJobs(context.Configuration);
            })
            .Build();

        // Only this host's meter: hosts of earlier tests made meters of the same name.
        var meters = _host.Services.GetRequiredService<IMeterFactory>();
        _meterListener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Scope == meters && instrument.Meter.Name == JobTelemetry.Name)
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _meterListener.SetMeasurementEventCallback<long>((instrument, value, tags, _) => Measured(instrument, value, tags));
        _meterListener.SetMeasurementEventCallback<double>((instrument, value, tags, _) => Measured(instrument, value, tags));
        ActivitySource.AddActivityListener(_activityListener);
        await _host.StartAsync();
        _meterListener.Start();
    }

    public async Task DisposeAsync()
    {
        await _host.StopAsync();
        _host.Dispose();
        _meterListener.Dispose();
        _activityListener.Dispose();
        await _database.DisposeAsync();
    }

    [Fact]
    public async Task A_job_that_succeeds_is_counted_as_succeeded_and_its_log_lines_carry_its_job_id()
    {
        var jobId = Jobs.Enqueue<TelemetryProbeJob>(job => job.SucceedAsync());

        var performed = await PerformedAsync(nameof(TelemetryProbeJob.SucceedAsync));

        Assert.Equal("succeeded", performed["job.outcome"]);
        Assert.Equal(nameof(TelemetryProbeJob), performed["job.type"]);
        var duration = await MeasurementAsync(JobTelemetry.DurationHistogramName, nameof(TelemetryProbeJob.SucceedAsync));
        Assert.InRange(duration.Value, 0, 60);
        var line = Assert.Single(_logs.Logs, log => log.Message == TelemetryProbeJob.Message);
        Assert.Equal(jobId, line.Scopes["JobId"]);
        Assert.Equal(nameof(TelemetryProbeJob), line.Scopes["JobType"]);
        var activity = Assert.Single(_activities, a => (string?)a.GetTagItem("job.id") == jobId);
        Assert.Equal("TelemetryProbeJob.SucceedAsync", activity.DisplayName);
        Assert.Equal(ActivityStatusCode.Unset, activity.Status);
    }

    [Fact]
    public async Task A_job_that_throws_with_no_retries_left_is_counted_as_failed_and_traced_as_an_error()
    {
        var jobId = Jobs.Enqueue<TelemetryProbeJob>(job => job.FailAsync());

        var performed = await PerformedAsync(nameof(TelemetryProbeJob.FailAsync));

        Assert.Equal("failed", performed["job.outcome"]);
        var activity = await ActivityAsync(jobId);
        Assert.Equal(ActivityStatusCode.Error, activity.Status);
        Assert.Equal(TelemetryProbeJob.Failure, activity.StatusDescription);
    }

    [Fact]
    public async Task A_job_that_throws_with_retries_left_is_counted_as_retrying()
    {
        Jobs.Enqueue<TelemetryProbeJob>(job => job.FailThenRetryAsync());

        var performed = await PerformedAsync(nameof(TelemetryProbeJob.FailThenRetryAsync));

        Assert.Equal("retrying", performed["job.outcome"]);
    }

    private IBackgroundJobClient Jobs => _host.Services.GetRequiredService<IBackgroundJobClient>();

    private void Measured<T>(Instrument instrument, T value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
        where T : struct =>
        _measurements.Enqueue((instrument.Name, Convert.ToDouble(value), new Dictionary<string, object?>(tags.ToArray())));

    private async Task<Dictionary<string, object?>> PerformedAsync(string method) =>
        (await MeasurementAsync(JobTelemetry.PerformedCounterName, method)).Tags;

    private async Task<(string Instrument, double Value, Dictionary<string, object?> Tags)> MeasurementAsync(string instrument, string method)
    {
        // The outcome is recorded when Hangfire moves the job out of processing, a moment after the job returns.
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (DateTime.UtcNow < deadline)
        {
            var found = _measurements.FirstOrDefault(m => m.Instrument == instrument && (string?)m.Tags["job.method"] == method);
            if (found.Tags is not null)
            {
                return found;
            }

            await Task.Delay(50);
        }

        throw new TimeoutException($"No {instrument} measurement for {method}.");
    }

    private async Task<Activity> ActivityAsync(string jobId)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (DateTime.UtcNow < deadline)
        {
            if (_activities.FirstOrDefault(a => (string?)a.GetTagItem("job.id") == jobId) is { } activity)
            {
                return activity;
            }

            await Task.Delay(50);
        }

        throw new TimeoutException($"No activity for job {jobId}.");
    }
}

/// <summary>Jobs that succeed, or fail with or without retries left, and log as they run.</summary>
public sealed class TelemetryProbeJob(ILogger<TelemetryProbeJob> logger)
{
    public const string Message = "The telemetry probe ran.";
    public const string Failure = "The telemetry probe failed on purpose.";

    public async Task SucceedAsync()
    {
        await Task.Yield();
        logger.LogInformation(Message);
    }

    [AutomaticRetry(Attempts = 0)]
    public async Task FailAsync()
    {
        await Task.Yield();
        throw new InvalidOperationException(Failure);
    }

    [AutomaticRetry(Attempts = 1, DelaysInSeconds = [3600])]
    public async Task FailThenRetryAsync()
    {
        await Task.Yield();
        throw new InvalidOperationException(Failure);
    }
}
