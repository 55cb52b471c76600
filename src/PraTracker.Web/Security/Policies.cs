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

    /// <summary>Signed in with a password, even before the two-factor sign-in the organisation requires is set up: the account's own security page.</summary>
    public const string SignedIn = "SignedIn";

    public static void Configure(AuthorizationOptions options)
    {
        options.AddPolicy(Staff, policy => policy.RequireAuthenticatedUser().RequireRole(Roles.Admin, Roles.Attorney).AddRequirements(new TwoFactorRequirement()));
        options.AddPolicy(Admin, policy => policy.RequireAuthenticatedUser().RequireRole(Roles.Admin).AddRequirements(new TwoFactorRequirement()));
        options.AddPolicy(SignedIn, policy => policy.RequireAuthenticatedUser().RequireRole(Roles.Admin, Roles.Attorney));

        // Deny by default: a page or endpoint that names no rule is for staff, never silently public.
        options.FallbackPolicy = options.GetPolicy(Staff);
    }
}
