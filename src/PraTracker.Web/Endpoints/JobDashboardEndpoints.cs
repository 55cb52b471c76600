using Hangfire;
using Hangfire.Dashboard;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using PraTracker.Data.Identity;
using PraTracker.Web.Security;

namespace PraTracker.Web.Endpoints;

/// <summary>
/// Hangfire's dashboard at /hangfire, for admins only. It is not a page of the app, so it answers as an API would:
/// 401 to anonymous visitors and 403 to signed-in users who are not admins, rather than a sign-in redirect.
/// </summary>
public static class JobDashboardEndpoints
{
    public const string Path = "/hangfire";

    public static IEndpointRouteBuilder MapJobDashboard(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapHangfireDashboard(Path, new DashboardOptions
        {
            Authorization = [new AdminOnlyDashboardFilter()],
            AppPath = "/admin",
            DashboardTitle = "PraTracker jobs",
        }).RequireAuthorization(Policies.Admin);
        return endpoints;
    }

    /// <summary>Makes the sign-in cookie answer 401 and 403 on the dashboard instead of redirecting to the sign-in page.</summary>
    public static void AnswerWithStatusCodes(CookieAuthenticationEvents events)
    {
        var redirectToLogin = events.OnRedirectToLogin;
        var redirectToAccessDenied = events.OnRedirectToAccessDenied;
        events.OnRedirectToLogin = context => Owns(context) ? Refuse(context, StatusCodes.Status401Unauthorized) : redirectToLogin(context);
        events.OnRedirectToAccessDenied = context => Owns(context) ? Refuse(context, StatusCodes.Status403Forbidden) : redirectToAccessDenied(context);
    }

    private static bool Owns(RedirectContext<CookieAuthenticationOptions> context) =>
        context.Request.Path.StartsWithSegments(Path, StringComparison.OrdinalIgnoreCase);

    private static Task Refuse(RedirectContext<CookieAuthenticationOptions> context, int status)
    {
        context.Response.StatusCode = status;
        context.HttpContext.SkipStatusCodePage();
        return Task.CompletedTask;
    }

    // The endpoint policy already requires an admin; the dashboard checks again so that it stays closed
    // even if it is ever mapped without the policy.
    private sealed class AdminOnlyDashboardFilter : IDashboardAuthorizationFilter
    {
        public bool Authorize(DashboardContext context) => context.GetHttpContext().User.IsInRole(Roles.Admin);
    }
}
