using Hangfire;
using Hangfire.Dashboard;
using PraTracker.Data.Identity;
using PraTracker.Web.Security;

namespace PraTracker.Web.Endpoints;

/// <summary>Hangfire's dashboard at /admin/jobs, for admins only.</summary>
public static class JobDashboardEndpoints
{
    public const string Path = "/admin/jobs";

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

    // The endpoint policy already requires an admin; the dashboard checks again so that it stays closed
    // even if it is ever mapped without the policy.
    private sealed class AdminOnlyDashboardFilter : IDashboardAuthorizationFilter
    {
        public bool Authorize(DashboardContext context) => context.GetHttpContext().User.IsInRole(Roles.Admin);
    }
}
