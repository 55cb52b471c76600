using System.Net.Sockets;
using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using PraTracker.Data.Database;
using PraTracker.Data.Documents;
using PraTracker.Jobs.Email;

namespace PraTracker.Web.Endpoints;

/// <summary>
/// Probes for a load balancer or orchestrator, both anonymous and free of private data:
/// /healthz (liveness) says the process answers; /readyz (readiness) checks the database, file storage and mail server.
/// </summary>
public static class HealthEndpoints
{
    public const string ReadyTag = "ready";

    public static IHealthChecksBuilder AddPraTrackerHealthChecks(this IServiceCollection services) =>
        services.AddHealthChecks()
            .AddCheck<DatabaseHealthCheck>("database", tags: [ReadyTag])
            .AddCheck<StorageHealthCheck>("storage", tags: [ReadyTag])
            .AddCheck<SmtpHealthCheck>("smtp", tags: [ReadyTag]);

    public static IEndpointRouteBuilder MapHealthEndpoints(this IEndpointRouteBuilder endpoints)
    {
        // Liveness runs no check: a database outage must not make an orchestrator restart every instance.
        endpoints.MapHealthChecks("/healthz", new HealthCheckOptions { Predicate = _ => false, ResponseWriter = WriteAsync }).AllowAnonymous();
        endpoints.MapHealthChecks("/readyz", new HealthCheckOptions { Predicate = c => c.Tags.Contains(ReadyTag), ResponseWriter = WriteAsync }).AllowAnonymous();
        return endpoints;
    }

    private static Task WriteAsync(HttpContext context, HealthReport report)
    {
        context.Response.ContentType = "application/json";
        context.Response.Headers.CacheControl = "no-store";
        var body = new
        {
            status = report.Status.ToString(),
            checks = report.Entries.ToDictionary(e => e.Key, e => new { status = e.Value.Status.ToString(), description = e.Value.Description }),
        };
        return context.Response.WriteAsync(JsonSerializer.Serialize(body));
    }
}

/// <summary>Healthy when the configured database accepts a connection.</summary>
internal sealed class DatabaseHealthCheck(IDbContextFactory<PraTrackerDbContext> dbFactory) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            return await db.Database.CanConnectAsync(cancellationToken)
                ? HealthCheckResult.Healthy()
                : HealthCheckResult.Unhealthy("The database does not answer.");
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return HealthCheckResult.Unhealthy("The database does not answer.");
        }
    }
}

/// <summary>
/// Healthy when the file store can be written (a local folder) or reached with its credentials (an S3 bucket).
/// The reason it cannot is logged, not shown: the probe is anonymous and the reason names buckets and folders.
/// </summary>
internal sealed class StorageHealthCheck(IDocumentFileStore store, ILogger<StorageHealthCheck> logger) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await store.EnsureReachableAsync(cancellationToken);
            return HealthCheckResult.Healthy();
        }
        catch (DocumentStoreUnavailableException e)
        {
            logger.LogError(e, "File storage ({Store}) cannot be used: {Reason}", store.Description, e.Message);
            return HealthCheckResult.Unhealthy("File storage cannot be used; the app's log says why.");
        }
    }
}

/// <summary>
/// Mail is not needed to serve pages, so it never makes an instance unready: degraded when e-mail is off or the
/// server does not accept a connection (alerts wait and are retried), healthy when it does.
/// </summary>
internal sealed class SmtpHealthCheck(SmtpSettings settings) : IHealthCheck
{
    private static readonly TimeSpan ConnectTimeout = TimeSpan.FromSeconds(3);

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (!settings.Enabled)
        {
            return HealthCheckResult.Degraded("E-mail is off: Smtp:Host is not set, so no alert or invitation is sent.");
        }

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(ConnectTimeout);
        try
        {
            using var client = new TcpClient();
            await client.ConnectAsync(settings.Host!, settings.Port, timeout.Token);
            return HealthCheckResult.Healthy();
        }
        catch (Exception e) when (e is SocketException or OperationCanceledException && !cancellationToken.IsCancellationRequested)
        {
            return HealthCheckResult.Degraded("The mail server does not accept connections; alerts wait and are retried.");
        }
    }
}
