using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using Hangfire.Common;
using Hangfire.Server;
using Hangfire.States;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace PraTracker.Jobs.Observability;

/// <summary>A Hangfire filter that traces each performed job, counts its outcome, times it, and scopes its log lines with the job id.</summary>
public sealed class JobTelemetry : IServerFilter, IElectStateFilter, IJobFilter
{
    /// <summary>The name of the jobs' ActivitySource and Meter, for OpenTelemetry to listen to.</summary>
    public const string Name = "PraTracker.Jobs";

    public const string PerformedCounterName = "pratracker.jobs.performed";
    public const string DurationHistogramName = "pratracker.jobs.duration";

    private const string ItemKey = "PraTracker.Jobs.Telemetry";

    private static readonly ActivitySource Source = new(Name);

    private static readonly Func<ILogger, string, string, IDisposable?> JobScope =
        LoggerMessage.DefineScope<string, string>("Job {JobId} ({JobType})");

    private readonly ILogger _logger;
    private readonly Counter<long> _performed;
    private readonly Histogram<double> _duration;

    // A job's outcome is known only once Hangfire elects its next state (a failure may become a retry), after the job has run.
    private readonly ConcurrentDictionary<string, Performance> _awaitingOutcome = new();

    public JobTelemetry(IMeterFactory meterFactory, ILogger<JobTelemetry> logger)
    {
        _logger = logger;
        var meter = meterFactory.Create(Name);
        _performed = meter.CreateCounter<long>(PerformedCounterName, "{job}", "Background jobs performed, by type, method and outcome.");
        _duration = meter.CreateHistogram<double>(
            DurationHistogramName,
            "s",
            "How long background jobs ran, by type, method and outcome.",
            tags: null,
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.01, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120, 300, 600] });
    }

    // After AutomaticRetry (order 20), so the elected state already says whether a failure will be retried.
    public int Order => 30;

    public bool AllowMultiple => false;

    public void OnPerforming(PerformingContext context)
    {
        var job = context.BackgroundJob;
        var type = job.Job.Type.Name;
        var method = job.Job.Method.Name;
        var activity = Source.StartActivity($"{type}.{method}", ActivityKind.Consumer);
        activity?.SetTag("job.id", job.Id);
        activity?.SetTag("job.type", type);
        activity?.SetTag("job.method", method);
        context.Items[ItemKey] = new Performance(type, method, activity, JobScope(_logger, job.Id, type), Stopwatch.StartNew());
    }

    public void OnPerformed(PerformedContext context)
    {
        if (!context.Items.TryGetValue(ItemKey, out var item) || item is not Performance performance)
        {
            return;
        }

        performance.Watch.Stop();
        var exception = context.Exception is JobPerformanceException { InnerException: { } inner } ? inner : context.Exception;
        if (performance.Activity is { } activity)
        {
            if (exception is not null && !context.ExceptionHandled)
            {
                activity.AddException(exception);
                activity.SetStatus(ActivityStatusCode.Error, exception.Message);
            }

            activity.Dispose();
        }

        performance.LogScope?.Dispose();

        // An aborted job (deleted while running, or the server stopping) gets no new state, so nothing would be elected.
        if (exception is JobAbortedException || (exception is OperationCanceledException && context.CancellationToken.ShutdownToken.IsCancellationRequested))
        {
            Record(performance, "aborted");
            return;
        }

        _awaitingOutcome[context.BackgroundJob.Id] = performance;
    }

    public void OnStateElection(ElectStateContext context)
    {
        if (context.CurrentState != ProcessingState.StateName || !_awaitingOutcome.TryRemove(context.BackgroundJob.Id, out var performance))
        {
            return;
        }

        Record(performance, context.CandidateState switch
        {
            SucceededState => "succeeded",
            FailedState => "failed",
            ScheduledState or EnqueuedState => "retrying",
            DeletedState => "deleted",
            var other => other.Name.ToLowerInvariant(),
        });
    }

    private void Record(Performance performance, string outcome)
    {
        var tags = new TagList { { "job.type", performance.Type }, { "job.method", performance.Method }, { "job.outcome", outcome } };
        _performed.Add(1, tags);
        _duration.Record(performance.Watch.Elapsed.TotalSeconds, tags);
    }

    private sealed record Performance(string Type, string Method, Activity? Activity, IDisposable? LogScope, Stopwatch Watch);
}

/// <summary>Registers <see cref="JobTelemetry"/> as a filter of every job this container's Hangfire client and server handle.</summary>
public static class JobTelemetryRegistration
{
    /// <summary>Before AddHangfire, which keeps this filter provider.</summary>
    public static IServiceCollection AddJobTelemetry(this IServiceCollection services)
    {
        services.AddSingleton<JobTelemetry>();

        // Hangfire's global filters are static, changed by every host that starts (tests run several side by side);
        // a filter provider in the container keeps each host's filter its own, beside the global ones.
        services.AddSingleton<IJobFilterProvider>(sp =>
            new JobFilterProviderCollection(JobFilterProviders.Providers, new JobFilterCollection { sp.GetRequiredService<JobTelemetry>() }));
        return services;
    }
}
