using System.Security.Claims;

namespace PraTracker.Web.Observability;

/// <summary>Scopes every log line of a signed-in user's request with the user's id: never the e-mail or name, which are private.</summary>
public static class UserLogScope
{
    private static readonly Func<ILogger, string, IDisposable?> Scope = LoggerMessage.DefineScope<string>("User {UserId}");

    /// <summary>After authentication, which sets the user.</summary>
    public static IApplicationBuilder UseUserLogScope(this IApplicationBuilder app)
    {
        var logger = app.ApplicationServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(UserLogScope));
        return app.Use(async (context, next) =>
        {
            if (context.User.FindFirstValue(ClaimTypes.NameIdentifier) is not { } userId)
            {
                await next(context);
                return;
            }

            using (Scope(logger, userId))
            {
                await next(context);
            }
        });
    }
}
