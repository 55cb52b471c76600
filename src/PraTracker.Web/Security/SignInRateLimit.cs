using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;

namespace PraTracker.Web.Security;

/// <summary>
/// Limits sign-in attempts per client address, on top of the per-account lockout: a guesser trying many accounts from
/// one address is slowed down too. Only form posts count; showing the form is free. Over the limit the answer is 429
/// with a Retry-After header.
/// </summary>
public static class SignInRateLimit
{
    public const string Policy = "sign-in";
    public const string PerMinuteKey = "Security:SignInAttemptsPerMinute";
    public const int DefaultPerMinute = 30;

    public static IServiceCollection AddSignInRateLimit(this IServiceCollection services, IConfiguration configuration)
    {
        var perMinute = configuration.GetValue(PerMinuteKey, DefaultPerMinute);
        if (perMinute < 1)
        {
            throw new InvalidOperationException($"{PerMinuteKey} is {perMinute}; it must be at least 1.");
        }

        return services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.OnRejected = async (context, ct) =>
            {
                context.HttpContext.Response.Headers.RetryAfter = "60";
                await context.HttpContext.Response.WriteAsync("Too many sign-in attempts from this address. Wait a minute, then try again.", ct);
            };
            options.AddPolicy(Policy, context => HttpMethods.IsPost(context.Request.Method)
                ? RateLimitPartition.GetFixedWindowLimiter(
                    context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                    _ => new FixedWindowRateLimiterOptions { PermitLimit = perMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 })
                : RateLimitPartition.GetNoLimiter(string.Empty));
        });
    }
}
