namespace PraTracker.Web.Security;

/// <summary>
/// The headers every response carries unless its endpoint sets its own: a Content-Security-Policy that Blazor Server
/// and MudBlazor run under (scripts and connections only from the app itself; MudBlazor sets inline styles), no
/// framing by other sites, no MIME sniffing, and no address sent to other sites in the Referer header (request
/// addresses name private records).
/// </summary>
public static class SecurityHeaders
{
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; "
        + "connect-src 'self'; frame-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    /// <summary>For a document shown inside the app's own document page: framed by the app, never by another site.</summary>
    public const string FramedByTheApp = "frame-ancestors 'self'";

    // Hangfire's dashboard writes inline scripts of its own; it is for admins only and keeps the other headers.
    private static readonly PathString JobDashboard = Endpoints.JobDashboardEndpoints.Path;

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) => app.Use((context, next) =>
    {
        context.Response.OnStarting(() =>
        {
            var headers = context.Response.Headers;
            if (!headers.ContainsKey("Content-Security-Policy") && !context.Request.Path.StartsWithSegments(JobDashboard))
            {
                headers.ContentSecurityPolicy = ContentSecurityPolicy;
            }

            headers.XContentTypeOptions = "nosniff";
            headers["Referrer-Policy"] = "same-origin";
            headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=(), payment=()";
            headers["Cross-Origin-Opener-Policy"] = "same-origin";
            return Task.CompletedTask;
        });
        return next();
    });
}
