using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using PraTracker.Data.Database;
using PraTracker.Data.Identity;
using PraTracker.Web.Security;

namespace PraTracker.Web.Features.Account;

/// <summary>An account's two-factor state as its security page shows it.</summary>
/// <param name="Key">The authenticator key to enrol with, while two-factor is off.</param>
public sealed record TwoFactorStatus(string Email, bool Enabled, int RecoveryCodesLeft, bool Required, string? Key);

/// <summary>The outcome of a step that may hand out new recovery codes (shown once) or refuse with a message.</summary>
public sealed record TwoFactorChange(string? Error, IReadOnlyList<string> RecoveryCodes)
{
    public static TwoFactorChange Refused(string error) => new(error, []);
}

/// <summary>
/// The account pages' work, on plain HTTP requests because each step sets or refreshes the sign-in cookie:
/// accepting an invitation, enrolling an authenticator app, recovery codes, and the second step of signing in.
/// </summary>
public sealed class AccountSecurityService(
    UserManager<PraTrackerUser> users,
    SignInManager<PraTrackerUser> signIn,
    UserAccounts accounts,
    IDbContextFactory<PraTrackerDbContext> dbFactory,
    TwoFactorRule rule,
    TimeProvider clock,
    ILogger<AccountSecurityService> logger)
{
    public const int RecoveryCodeCount = 10;

    public async Task<(InvitationState State, OpenInvitation Invitation)?> FindInvitationAsync(string? token, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await Invitations.FindAsync(db, token, clock.GetUtcNow(), ct);
    }

    /// <summary>Creates the invitee's account with the password they chose and signs them in.</summary>
    public async Task<AccountResult> AcceptInvitationAsync(string? token, string password, string confirmation, CancellationToken ct = default)
    {
        if (password != confirmation)
        {
            return AccountResult.Failed("The two passwords differ; type the same password twice.", "Confirmation");
        }

        var result = await accounts.AcceptInvitationAsync(token, password, ct);
        if (result.Succeeded)
        {
            var user = await users.FindByIdAsync(result.UserId!) ?? throw new InvalidOperationException("The new account was not found.");
            await signIn.SignInAsync(user, isPersistent: false);
            logger.LogInformation("{Email} accepted an invitation and signed in", user.Email);
        }

        return result;
    }

    /// <summary>The signed-in account's two-factor state; while it is off, an authenticator key is made ready to enrol.</summary>
    public async Task<TwoFactorStatus> StatusAsync(ClaimsPrincipal principal)
    {
        var user = await UserOf(principal);
        var enabled = await users.GetTwoFactorEnabledAsync(user);
        string? key = null;
        if (!enabled)
        {
            key = await users.GetAuthenticatorKeyAsync(user);
            if (string.IsNullOrEmpty(key))
            {
                // A new key changes the security stamp; the cookie is refreshed so this session stays signed in.
                await users.ResetAuthenticatorKeyAsync(user);
                await signIn.RefreshSignInAsync(user);
                key = await users.GetAuthenticatorKeyAsync(user);
            }
        }

        return new TwoFactorStatus(user.Email ?? "", enabled, await users.CountRecoveryCodesAsync(user), await rule.IsRequiredAsync(), key);
    }

    /// <summary>Turns two-factor sign-in on once the app's first code checks out, and hands out the recovery codes.</summary>
    public async Task<TwoFactorChange> EnableAsync(ClaimsPrincipal principal, string? code)
    {
        var user = await UserOf(principal);
        var digits = AuthenticatorSetup.Digits(code);
        if (digits.Length != 6 || !await users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, digits))
        {
            return TwoFactorChange.Refused("That code does not match. Enter the 6-digit code your app shows now (codes change every 30 seconds).");
        }

        await users.SetTwoFactorEnabledAsync(user, true);
        var codes = await users.GenerateNewTwoFactorRecoveryCodesAsync(user, RecoveryCodeCount);
        await signIn.RefreshSignInAsync(user);
        logger.LogInformation("{Email} turned on two-factor sign-in", user.Email);
        return new TwoFactorChange(null, [.. codes ?? []]);
    }

    /// <summary>New recovery codes in place of the old ones, which stop working.</summary>
    public async Task<TwoFactorChange> NewRecoveryCodesAsync(ClaimsPrincipal principal)
    {
        var user = await UserOf(principal);
        if (!await users.GetTwoFactorEnabledAsync(user))
        {
            return TwoFactorChange.Refused("Turn on two-factor sign-in first.");
        }

        var codes = await users.GenerateNewTwoFactorRecoveryCodesAsync(user, RecoveryCodeCount);
        return new TwoFactorChange(null, [.. codes ?? []]);
    }

    /// <summary>Turns two-factor sign-in off and forgets the key, unless the organisation requires it.</summary>
    public async Task<TwoFactorChange> DisableAsync(ClaimsPrincipal principal)
    {
        if (await rule.IsRequiredAsync())
        {
            return TwoFactorChange.Refused("Your organisation requires two-factor sign-in, so it cannot be turned off. To move to a new phone, set up a new authenticator instead.");
        }

        // The same reset an admin makes, so it is audited alike; the page then offers a fresh key.
        var user = await UserOf(principal);
        var reset = await accounts.ResetTwoFactorAsync(user.Id, user.Id);
        if (!reset.Succeeded)
        {
            return TwoFactorChange.Refused(string.Join(" ", reset.Errors.Values));
        }

        await signIn.RefreshSignInAsync((await users.FindByIdAsync(user.Id))!);
        logger.LogInformation("{Email} turned off two-factor sign-in", user.Email);
        return new TwoFactorChange(null, []);
    }

    /// <summary>A new key for a new phone: two-factor stays on, but the old app's codes stop working once the new one is confirmed.</summary>
    public async Task StartNewAuthenticatorAsync(ClaimsPrincipal principal)
    {
        var user = await UserOf(principal);
        await users.SetTwoFactorEnabledAsync(user, false);
        await users.ResetAuthenticatorKeyAsync(user);
        await signIn.RefreshSignInAsync(user);
    }

    /// <summary>Whether a password sign-in is waiting for its second step in this browser.</summary>
    public async Task<bool> SecondStepPendingAsync() => await signIn.GetTwoFactorAuthenticationUserAsync() is not null;

    /// <summary>The second step of signing in, with the authenticator's code.</summary>
    public async Task<SignInResult> SignInWithCodeAsync(string? code, bool rememberMe, bool rememberBrowser) =>
        AuthenticatorSetup.Digits(code) is { Length: 6 } digits
            ? await signIn.TwoFactorAuthenticatorSignInAsync(digits, rememberMe, rememberBrowser)
            : SignInResult.Failed;

    /// <summary>The second step of signing in with one of the account's recovery codes, which is used up.</summary>
    public async Task<SignInResult> SignInWithRecoveryCodeAsync(string? code)
    {
        var cleaned = (code ?? "").Replace(" ", "", StringComparison.Ordinal).Trim();
        return cleaned.Length is > 0 and <= 50 ? await signIn.TwoFactorRecoveryCodeSignInAsync(cleaned) : SignInResult.Failed;
    }

    private async Task<PraTrackerUser> UserOf(ClaimsPrincipal principal) =>
        await users.GetUserAsync(principal) ?? throw new UnauthorizedAccessException("Your account no longer exists.");
}
