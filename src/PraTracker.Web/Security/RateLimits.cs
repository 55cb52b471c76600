using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;

namespace PraTracker.Web.Security;

/// <summary>
/// The app's rate limits, each a fixed window per client address, answered with 429 and a Retry-After header:
/// sign-in attempts (on top of the per-account lockout, so a guesser trying many accounts from one address is slowed
/// down too; only form posts count, showing the form is free), answered in words; and calls to the public API,
/// answered as a problem-details JSON body.
/// </summary>
public static class RateLimits
{
    public const string SignInPolicy = "sign-in";
    public const string SignInPerMinuteKey = "Security:SignInAttemptsPerMinute";
    public const int SignInDefaultPerMinute = 30;

    public const string ApiPolicy = "api";
    public const string ApiPerMinuteKey = "Api:RequestsPerMinute";
    public const int ApiDefaultPerMinute = 120;

    private static readonly TimeSpan Window = TimeSpan.FromMinutes(1);

    public static IServiceCollection AddPraTrackerRateLimits(this IServiceCollection services, IConfiguration configuration)
    {
        var signInPerMinute = PerMinute(configuration, SignInPerMinuteKey, SignInDefaultPerMinute);
        var apiPerMinute = PerMinute(configuration, ApiPerMinuteKey, ApiDefaultPerMinute);

        return services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.OnRejected = (context, ct) => PolicyOf(context.HttpContext) == ApiPolicy
                ? RefuseApiCallAsync(context, ct)
                : RefuseSignInAsync(context.HttpContext, ct);
            options.AddPolicy(SignInPolicy, context => HttpMethods.IsPost(context.Request.Method)
                ? PerAddress(context, signInPerMinute)
                : RateLimitPartition.GetNoLimiter(string.Empty));
            options.AddPolicy(ApiPolicy, context => PerAddress(context, apiPerMinute));
        });
    }

    private static int PerMinute(IConfiguration configuration, string key, int fallback)
    {
        var perMinute = configuration.GetValue(key, fallback);
        return perMinute >= 1 ? perMinute : throw new InvalidOperationException($"{key} is {perMinute}; it must be at least 1.");
    }

    private static RateLimitPartition<string> PerAddress(HttpContext context, int perMinute) =>
        RateLimitPartition.GetFixedWindowLimiter(
            context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
            _ => new FixedWindowRateLimiterOptions { PermitLimit = perMinute, Window = Window, QueueLimit = 0 });

    private static string? PolicyOf(HttpContext context) => context.GetEndpoint()?.Metadata.GetMetadata<EnableRateLimitingAttribute>()?.PolicyName;

    private static async ValueTask RefuseSignInAsync(HttpContext context, CancellationToken ct)
    {
        context.Response.Headers.RetryAfter = "60";
        await context.Response.WriteAsync("Too many sign-in attempts from this address. Wait a minute, then try again.", ct);
    }

    private static async ValueTask RefuseApiCallAsync(OnRejectedContext rejected, CancellationToken ct)
    {
        var seconds = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter)
            ? Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds))
            : (int)Window.TotalSeconds;
        var response = rejected.HttpContext.Response;
        response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        await response.WriteAsJsonAsync(
            new ProblemDetails
            {
                Status = StatusCodes.Status429TooManyRequests,
                Title = "Too many requests",
                Detail = $"This address has made too many calls to the API this minute. Try again in {seconds} seconds.",
            },
            options: null,
            contentType: "application/problem+json",
            cancellationToken: ct);
    }
}
