using System.Reflection;
using OpenTelemetry;
using OpenTelemetry.Exporter;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;
using PraTracker.Jobs.Observability;

namespace PraTracker.Web.Observability;

/// <summary>
/// Registers the app's logging format and, only when an OTLP endpoint is configured, OpenTelemetry traces, metrics and
/// logs exported to it. With nothing configured nothing is exported and no OpenTelemetry SDK runs.
/// </summary>
public static class ObservabilityServiceCollectionExtensions
{
    public const string ServiceName = "PraTracker";
    public const string OtlpEndpointKey = "OpenTelemetry:OtlpEndpoint";
    public const string OtlpProtocolKey = "OpenTelemetry:OtlpProtocol";
    public const string LogFormatKey = "Logging:Format";
    public const string InstanceNameKey = "Instance:Name";

    // The standard OpenTelemetry environment variables, which reach configuration like any other.
    private const string StandardEndpointKey = "OTEL_EXPORTER_OTLP_ENDPOINT";
    private const string StandardProtocolKey = "OTEL_EXPORTER_OTLP_PROTOCOL";

    // Not worth a span: probes, framework files, and the Blazor hub's connection, which lasts as long as a circuit.
    private static readonly string[] UntracedPaths = ["/healthz", "/readyz", "/_framework", "/_content", "/_blazor"];

    public static IServiceCollection AddPraTrackerObservability(this IServiceCollection services, IConfiguration configuration)
    {
        if (string.Equals(configuration[LogFormatKey], "json", StringComparison.OrdinalIgnoreCase))
        {
            // One JSON object a line for a container's log collector, with the request, user and job ids of its scopes.
            services.AddLogging(logging => logging.AddJsonConsole(json => json.IncludeScopes = true));
        }

        var endpoint = configuration[OtlpEndpointKey] is { Length: > 0 } configured ? configured : configuration[StandardEndpointKey];
        if (string.IsNullOrWhiteSpace(endpoint))
        {
            return services;
        }

        services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(
                ServiceName,
                serviceVersion: typeof(ObservabilityServiceCollectionExtensions).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion,
                autoGenerateServiceInstanceId: false,
                serviceInstanceId: configuration[InstanceNameKey] is { Length: > 0 } instance ? instance : $"{Environment.MachineName}-{Environment.ProcessId}"))
            .WithTracing(tracing => tracing
                .AddAspNetCoreInstrumentation(aspNetCore =>
                {
                    aspNetCore.Filter = context => !UntracedPaths.Any(path => context.Request.Path.StartsWithSegments(path));

                    // Every render and event of a circuit is a hub call; the Blazor activities already trace what a user did.
                    aspNetCore.EnableAspNetCoreSignalRSupport = false;
                })
                .AddHttpClientInstrumentation()

                // The app's own queries on either provider; Npgsql's tracing would add Hangfire's storage polling as root spans.
                .AddEntityFrameworkCoreInstrumentation()
                .AddSource(JobTelemetry.Name))
            .WithMetrics(metrics => metrics
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation()
                .AddRuntimeInstrumentation()
                .AddMeter(JobTelemetry.Name))
            .WithLogging(configureBuilder: null, configureOptions: logs =>
            {
                logs.IncludeScopes = true;
                logs.IncludeFormattedMessage = true;
            })
            .UseOtlpExporter(OtlpProtocol(configuration), OtlpEndpoint(endpoint));
        return services;
    }

    private static Uri OtlpEndpoint(string endpoint) =>
        Uri.TryCreate(endpoint, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
            ? uri
            : throw new InvalidOperationException($"The OTLP endpoint '{endpoint}' ({OtlpEndpointKey} or {StandardEndpointKey}) is not an http(s) address.");

    // http/protobuf unless told otherwise, as the OpenTelemetry specification says (the .NET exporter's own default is grpc).
    private static OtlpExportProtocol OtlpProtocol(IConfiguration configuration) =>
        (configuration[OtlpProtocolKey] is { Length: > 0 } configured ? configured : configuration[StandardProtocolKey]) switch
        {
            null or "" or "http/protobuf" => OtlpExportProtocol.HttpProtobuf,
            "grpc" => OtlpExportProtocol.Grpc,
            var other => throw new InvalidOperationException($"The OTLP protocol '{other}' ({OtlpProtocolKey} or {StandardProtocolKey}) is neither grpc nor http/protobuf."),
        };
}
