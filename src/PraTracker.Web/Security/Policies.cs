using Microsoft.AspNetCore.Authorization;
using PraTracker.Data.Identity;

namespace PraTracker.Web.Security;

/// <summary>The authorization policies pages and endpoints name.</summary>
public static class Policies
{
    /// <summary>Signed in as an attorney or an admin: the dashboard and every create and edit form.</summary>
    public const string Staff = "Staff";

    /// <summary>Signed in as an admin: users, rules, calendars, the job dashboard.</summary>
    public const string Admin = "Admin";

    public static void Configure(AuthorizationOptions options)
    {
        options.AddPolicy(Staff, policy => policy.RequireAuthenticatedUser().RequireRole(Roles.Admin, Roles.Attorney));
        options.AddPolicy(Admin, policy => policy.RequireAuthenticatedUser().RequireRole(Roles.Admin));
    }
}
