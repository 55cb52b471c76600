using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using PraTracker.Data.Database;
using PraTracker.Data.Identity;

namespace PraTracker.Web.Security;

/// <summary>
/// The organisation's "everyone signs in with two factors" setting, as authorization reads it on every request:
/// from the database, remembered for a few seconds, and forgotten at once when an admin changes it here.
/// </summary>
public sealed class TwoFactorRule(IDbContextFactory<PraTrackerDbContext> dbFactory, TimeProvider clock)
{
    /// <summary>The claim a signed-in principal carries when its account has two-factor sign-in turned on.</summary>
    public const string EnrolledClaim = "pratracker:two-factor";

    private static readonly TimeSpan RememberFor = TimeSpan.FromSeconds(15);

    // One object swapped whole, so requests on other threads read a value and its time together.
    private volatile Reading? _last;

    public async Task<bool> IsRequiredAsync(CancellationToken ct = default)
    {
        if (_last is { } last && clock.GetUtcNow() - last.ReadAt < RememberFor)
        {
            return last.Required;
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var required = await UserAccounts.TwoFactorRequiredAsync(db, ct);
        _last = new Reading(required, clock.GetUtcNow());
        return required;
    }

    /// <summary>Called after an admin changes the setting, so this instance applies it from the next request.</summary>
    public void Forget() => _last = null;

    public static bool IsEnrolled(ClaimsPrincipal user) => user.HasClaim(EnrolledClaim, "on");

    private sealed record Reading(bool Required, DateTimeOffset ReadAt);
}

/// <summary>Staff pages need two-factor sign-in when the organisation requires it.</summary>
public sealed class TwoFactorRequirement : IAuthorizationRequirement;

internal sealed class TwoFactorRequirementHandler(TwoFactorRule rule) : AuthorizationHandler<TwoFactorRequirement>
{
    protected override async Task HandleRequirementAsync(AuthorizationHandlerContext context, TwoFactorRequirement requirement)
    {
        if (TwoFactorRule.IsEnrolled(context.User) || !await rule.IsRequiredAsync())
        {
            context.Succeed(requirement);
        }
    }
}

/// <summary>Adds to the sign-in cookie whether the account has two-factor sign-in on (refreshed whenever that changes).</summary>
internal sealed class PraTrackerClaimsPrincipalFactory(
    UserManager<PraTrackerUser> users, RoleManager<IdentityRole> roles, IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<PraTrackerUser, IdentityRole>(users, roles, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(PraTrackerUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        if (await UserManager.GetTwoFactorEnabledAsync(user))
        {
            identity.AddClaim(new Claim(TwoFactorRule.EnrolledClaim, "on"));
        }

        return identity;
    }
}
