namespace PraTracker.Web.Security;

/// <summary>
/// Outside development the app's cookies (sign-in, form tokens) travel over HTTPS only (Security:HttpsOnly, default
/// true), so a page reached over plain HTTP could never sign anyone in: it is refused with the reason and the way out,
/// instead of failing deep inside the form code. The health probes stay reachable over HTTP for the orchestrator.
/// </summary>
public static class HttpsOnly
{
    public const string Key = "Security:HttpsOnly";

    public const string Refusal =
        "PraTracker answers over HTTPS only: its sign-in cookies are sent over HTTPS only. Open its https:// address. "
        + "For a trial over plain HTTP, set Security:HttpsOnly to false (HTTPS_ONLY=false in docker compose's .env).";

    public static bool IsRequired(IHostEnvironment environment, IConfiguration configuration) =>
        !environment.IsDevelopment() && configuration.GetValue(Key, true);

    public static IApplicationBuilder UseHttpsOnlyRefusal(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        var path = context.Request.Path;
        if (!context.Request.IsHttps && !path.StartsWithSegments("/healthz") && !path.StartsWithSegments("/readyz"))
        {
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            context.Response.ContentType = "text/plain; charset=utf-8";
            await context.Response.WriteAsync(Refusal);
            return;
        }

        await next();
    });
}
