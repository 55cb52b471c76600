using System.Net;
using Hangfire;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Console;
using Microsoft.Extensions.Options;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;
using PraTracker.Data.Identity;
using PraTracker.Jobs.Observability;
using PraTracker.Web.Observability;

namespace PraTracker.Tests;

/// <summary>Logs carry who and what they are about; traces, metrics and logs leave the app only when an OTLP endpoint is configured.</summary>
public sealed class ObservabilityTests(SqliteAppFixture fixture) : IClassFixture<SqliteAppFixture>
{
    [Theory]
    [InlineData(ObservabilityServiceCollectionExtensions.OtlpEndpointKey)]
    [InlineData("OTEL_EXPORTER_OTLP_ENDPOINT")] // the standard environment variable
    public async Task With_an_OTLP_endpoint_configured_the_app_exports_its_traces_metrics_and_logs_there(string endpointKey)
    {
        using var receiver = OtlpReceiver.Start();
        var instance = $"pratracker-test-{Guid.NewGuid():N}";
        await using var app = fixture.App.WithWebHostBuilder(host =>
        {
            host.UseSetting(endpointKey, receiver.Endpoint);
            host.UseSetting(ObservabilityServiceCollectionExtensions.InstanceNameKey, instance);
            host.UseSetting("Jobs:RunServer", "true");

            // The exporters' standard settings, short so the test need not wait for the default intervals.
            host.UseSetting("OTEL_BSP_SCHEDULE_DELAY", "200");
            host.UseSetting("OTEL_BLRP_SCHEDULE_DELAY", "200");
            host.UseSetting("OTEL_METRIC_EXPORT_INTERVAL", "500");
        });
        using var client = app.CreateClient(AppFixture.BrowserLike);
        var request = await fixture.PublicDemoRequestAsync();

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/healthz")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/requests/{request.Id}")).StatusCode);
        app.Services.GetRequiredService<IBackgroundJobClient>().Enqueue<ExportedProbeJob>(job => job.Run());

        // The page's span, named by its route, in the PraTracker service of this instance, and the queries it made.
        var traces = await receiver.ExportsAsync("traces", "PraTracker", instance, "GET /requests/{Id:guid}", "OpenTelemetry.Instrumentation.EntityFrameworkCore", "FROM \"Requests\"");
        Assert.DoesNotContain(traces, export => OtlpReceiver.Holds(export, "/healthz"));
        await receiver.ExportsAsync("traces", "ExportedProbeJob.Run");
        await receiver.ExportsAsync("metrics", "PraTracker", instance, "http.server.request.duration", JobTelemetry.PerformedCounterName);
        await receiver.ExportsAsync("logs", "PraTracker", instance);
    }

    [Fact]
    public void With_nothing_configured_no_OpenTelemetry_runs_and_nothing_is_exported()
    {
        var services = fixture.App.Services;

        Assert.Null(services.GetService<TracerProvider>());
        Assert.Null(services.GetService<MeterProvider>());
        Assert.DoesNotContain(services.GetServices<ILoggerProvider>(), provider => provider.GetType().Namespace!.StartsWith("OpenTelemetry", StringComparison.Ordinal));
        Assert.NotEqual(ConsoleFormatterNames.Json, services.GetRequiredService<IOptionsMonitor<ConsoleLoggerOptions>>().CurrentValue.FormatterName);
    }

    [Fact]
    public async Task A_signed_in_users_log_lines_carry_their_user_id_and_an_anonymous_visitors_do_not()
    {
        var logs = new RecordingLoggerProvider();
        await using var app = fixture.App.WithWebHostBuilder(host =>
        {
            // The endpoint middleware's "Executing endpoint" line is written inside every request's scopes.
            host.UseSetting("Logging:LogLevel:Microsoft.AspNetCore", "Information");
            host.ConfigureLogging(logging => logging.AddProvider(logs));
        });
        var email = await fixture.CreateUserAsync(Roles.Attorney);
        string userId;
        await using (var scope = fixture.App.Services.CreateAsyncScope())
        {
            userId = (await scope.ServiceProvider.GetRequiredService<UserManager<PraTrackerUser>>().FindByEmailAsync(email))!.Id;
        }

        using var attorney = app.CreateClient(AppFixture.BrowserLike);
        Assert.Equal(HttpStatusCode.Redirect, (await AppFixture.SignInAsync(attorney, email, AppFixture.AttorneyPassword)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await attorney.GetAsync("/dashboard")).StatusCode);
        using var visitor = app.CreateClient(AppFixture.BrowserLike);
        Assert.Equal(HttpStatusCode.OK, (await visitor.GetAsync("/requests")).StatusCode);

        var signedIn = EndpointLines(logs, "/dashboard");
        Assert.NotEmpty(signedIn);
        Assert.All(signedIn, line => Assert.Equal(userId, line.Scopes["UserId"]));
        Assert.All(signedIn, line => Assert.False(string.IsNullOrEmpty(line.Scopes["RequestId"] as string)));
        var anonymous = EndpointLines(logs, "/requests");
        Assert.NotEmpty(anonymous);
        Assert.All(anonymous, line => Assert.False(line.Scopes.ContainsKey("UserId")));
        Assert.DoesNotContain(logs.Logs, line => line.Scopes.Values.Any(value => value?.ToString()?.Contains(email, StringComparison.OrdinalIgnoreCase) == true));
    }

    [Fact]
    public async Task Logging_format_json_writes_the_console_as_json_with_scopes()
    {
        await using var app = fixture.App.WithWebHostBuilder(host => host.UseSetting(ObservabilityServiceCollectionExtensions.LogFormatKey, "json"));

        Assert.Equal(ConsoleFormatterNames.Json, app.Services.GetRequiredService<IOptionsMonitor<ConsoleLoggerOptions>>().CurrentValue.FormatterName);
        Assert.True(app.Services.GetRequiredService<IOptionsMonitor<JsonConsoleFormatterOptions>>().CurrentValue.IncludeScopes);
    }

    private static List<RecordedLog> EndpointLines(RecordingLoggerProvider logs, string path) =>
        logs.Logs
            .Where(line => line.Category == "Microsoft.AspNetCore.Routing.EndpointMiddleware")
            .Where(line => line.Scopes.TryGetValue("RequestPath", out var requestPath) && (string?)requestPath == path)
            .ToList();
}

/// <summary>A job that does nothing, for the app's Hangfire server to perform while its telemetry is exported.</summary>
public sealed class ExportedProbeJob
{
    public void Run()
    {
    }
}
