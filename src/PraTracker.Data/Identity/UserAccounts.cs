using System.Text.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using PraTracker.Data.Auditing;
using PraTracker.Data.Database;

namespace PraTracker.Data.Identity;

/// <summary>Where an account stands.</summary>
public enum AccountState
{
    Active,

    /// <summary>Locked for a while after repeated failed sign-ins.</summary>
    LockedOut,

    /// <summary>Disabled by an admin until re-enabled.</summary>
    Disabled,
}

/// <summary>A user as the admin page lists them.</summary>
public sealed record AccountRow(
    string Id, string DisplayName, string? Email, string Role, bool TwoFactorEnabled, AccountState State, DateTimeOffset? LockedUntil, DateTimeOffset CreatedAt);

/// <summary>The outcome of an account change: empty errors on success, else messages by field ("" for the form).</summary>
public sealed record AccountResult(IReadOnlyDictionary<string, string> Errors, string? UserId = null)
{
    public bool Succeeded => Errors.Count == 0;

    public static AccountResult Failed(string message, string field = "") => new(new Dictionary<string, string> { [field] = message });

    public static AccountResult Done(string userId) => new(new Dictionary<string, string>(), userId);
}

/// <summary>
/// Accounts as admins manage them (invitations accepted, roles, disabling, two-factor resets, the two-factor rule),
/// through Identity's user manager so that passwords, lockout and security stamps follow Identity's rules.
/// Every change is written to the audit trail. Each account has one role: Admin (which includes an attorney's work) or Attorney.
/// </summary>
public sealed class UserAccounts(UserManager<PraTrackerUser> users, PraTrackerDbContext db, TimeProvider clock)
{
    private const string AuditedEntity = "User";
    private const string LastAdmin = "This is the last admin who can sign in; make someone else an admin first.";

    /// <summary>
    /// Creates the invitee's account with the password they chose, in the invited role, and uses up the invitation;
    /// nothing is saved when the link is no longer good or the password breaks the rules.
    /// </summary>
    public Task<AccountResult> AcceptInvitationAsync(string? token, string password, CancellationToken ct = default) =>
        InTransactionAsync(() => AcceptAsync(token, password, ct), ct);

    private async Task<AccountResult> AcceptAsync(string? token, string password, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        var invitation = await Invitations.FindEntityAsync(db.Set<Invitation>(), token, ct);
        if (invitation is null || invitation.StateAt(now) != InvitationState.Pending)
        {
            return AccountResult.Failed(invitation is null
                ? "This invitation link is not valid. Ask the admin who invited you for a new one."
                : InvitationClosedMessage(invitation.StateAt(now)));
        }

        if (await users.FindByEmailAsync(invitation.Email) is not null)
        {
            return AccountResult.Failed($"{invitation.Email} already has an account. Sign in instead.");
        }

        var user = new PraTrackerUser
        {
            UserName = invitation.Email,
            Email = invitation.Email,
            EmailConfirmed = true, // the invitation link reached this address
            DisplayName = invitation.DisplayName,
            CreatedAt = now,
        };
        var created = await users.CreateAsync(user, password);
        if (!created.Succeeded)
        {
            return new AccountResult(created.Errors
                .GroupBy(e => e.Code.Contains("Password", StringComparison.Ordinal) ? "Password" : "")
                .ToDictionary(g => g.Key, g => string.Join(" ", g.Select(e => e.Description))));
        }

        await Check(users.AddToRoleAsync(user, invitation.Role));
        invitation.AcceptedAt = now;
        invitation.AcceptedUserId = user.Id;
        Audit(invitation.InvitedById, user.Id, AuditAction.Created, new { Email = Change(null, user.Email), Role = Change(null, invitation.Role), Invitation = Change(null, invitation.Id) });
        await db.SaveChangesAsync(ct);
        return AccountResult.Done(user.Id);
    }

    /// <summary>What the invitation page says about a link that no longer works.</summary>
    public static string InvitationClosedMessage(InvitationState state) => state switch
    {
        InvitationState.Accepted => "This invitation has already been used. Sign in with the password you chose.",
        InvitationState.Revoked => "This invitation was withdrawn or replaced by a newer one. Use the newest e-mail, or ask the admin who invited you.",
        InvitationState.Expired => "This invitation has expired. Ask the admin who invited you to send it again.",
        _ => "",
    };

    public async Task<IReadOnlyList<AccountRow>> ListAsync(CancellationToken ct = default)
    {
        var now = clock.GetUtcNow();
        var rows = await db.Users.AsNoTracking()
            .OrderBy(u => u.DisplayName).ThenBy(u => u.Email)
            .Select(u => new
            {
                u.Id,
                u.DisplayName,
                u.Email,
                u.TwoFactorEnabled,
                u.DisabledAt,
                u.LockoutEnd,
                u.CreatedAt,
                Roles = db.UserRoles.Where(ur => ur.UserId == u.Id).Join(db.Roles, ur => ur.RoleId, r => r.Id, (ur, r) => r.Name!).ToList(),
            })
            .ToListAsync(ct);
        return [.. rows.Select(u => new AccountRow(
            u.Id, u.DisplayName, u.Email,
            u.Roles.Contains(Roles.Admin) ? Roles.Admin : u.Roles.FirstOrDefault() ?? "",
            u.TwoFactorEnabled,
            u.DisabledAt is not null ? AccountState.Disabled : u.LockoutEnd > now ? AccountState.LockedOut : AccountState.Active,
            u.DisabledAt is null && u.LockoutEnd > now ? u.LockoutEnd : null,
            u.CreatedAt))];
    }

    /// <summary>Gives the account the role (Admin or Attorney) in place of its current one.</summary>
    public Task<AccountResult> ChangeRoleAsync(string actorId, string userId, string role, CancellationToken ct = default) =>
        ChangeAccountAsync(userId, async user =>
        {
            if (!Roles.All.Contains(role))
            {
                return AccountResult.Failed("Choose Attorney or Admin.", "Role");
            }

            var current = await users.GetRolesAsync(user);
            if (current.Count == 1 && current[0] == role)
            {
                return AccountResult.Done(userId);
            }

            if (current.Contains(Roles.Admin) && role != Roles.Admin)
            {
                if (userId == actorId)
                {
                    return AccountResult.Failed("You cannot take away your own admin role; ask another admin.");
                }

                if (!await AnotherEnabledAdminAsync(userId, ct))
                {
                    return AccountResult.Failed(LastAdmin);
                }
            }

            await Check(users.RemoveFromRolesAsync(user, current));
            await Check(users.AddToRoleAsync(user, role));

            // A new stamp ends the account's open sessions, so the new role takes effect at once.
            await Check(users.UpdateSecurityStampAsync(user));
            return await AuditedAsync(actorId, userId, new { Role = Change(string.Join(", ", current), role) }, ct);
        }, ct);

    /// <summary>Stops the account from signing in and ends its open sessions, until an admin enables it again.</summary>
    public Task<AccountResult> DisableAsync(string actorId, string userId, CancellationToken ct = default) =>
        ChangeAccountAsync(userId, async user =>
        {
            if (userId == actorId)
            {
                return AccountResult.Failed("You cannot disable your own account.");
            }

            if (user.DisabledAt is not null)
            {
                return AccountResult.Done(userId);
            }

            if (await users.IsInRoleAsync(user, Roles.Admin) && !await AnotherEnabledAdminAsync(userId, ct))
            {
                return AccountResult.Failed(LastAdmin);
            }

            user.DisabledAt = clock.GetUtcNow();
            user.LockoutEnabled = true;
            user.LockoutEnd = DateTimeOffset.MaxValue;
            await Check(users.UpdateSecurityStampAsync(user));
            return await AuditedAsync(actorId, userId, new { Disabled = Change(false, true) }, ct);
        }, ct);

    /// <summary>Lets a disabled (or locked-out) account sign in again.</summary>
    public Task<AccountResult> EnableAsync(string actorId, string userId, CancellationToken ct = default) =>
        ChangeAccountAsync(userId, async user =>
        {
            var wasDisabled = user.DisabledAt is not null;
            user.DisabledAt = null;
            user.LockoutEnd = null;
            user.AccessFailedCount = 0;
            await Check(users.UpdateAsync(user));
            return await AuditedAsync(actorId, userId, wasDisabled ? new { Disabled = Change(true, false) } : new { LockedOut = Change(true, false) }, ct);
        }, ct);

    /// <summary>
    /// Turns two-factor sign-in off for an account that lost its authenticator, forgetting its key and recovery
    /// codes and ending its sessions; the person enrols again after signing in with their password.
    /// </summary>
    public Task<AccountResult> ResetTwoFactorAsync(string actorId, string userId, CancellationToken ct = default) =>
        ChangeAccountAsync(userId, async user =>
        {
            var was = user.TwoFactorEnabled;
            await Check(users.SetTwoFactorEnabledAsync(user, false));
            await Check(users.RemoveAuthenticationTokenAsync(user, AuthenticatorTokens.LoginProvider, AuthenticatorTokens.KeyName));
            await Check(users.RemoveAuthenticationTokenAsync(user, AuthenticatorTokens.LoginProvider, AuthenticatorTokens.RecoveryCodesName));
            await Check(users.UpdateSecurityStampAsync(user));
            return await AuditedAsync(actorId, userId, new { TwoFactor = Change(was ? "on" : "off", "reset") }, ct);
        }, ct);

    /// <summary>Whether the organisation requires two-factor sign-in of everyone.</summary>
    public static async Task<bool> TwoFactorRequiredAsync(PraTrackerDbContext db, CancellationToken ct = default) =>
        await db.Set<SignInPolicy>().AsNoTracking().Where(p => p.Id == SignInPolicy.SingletonId).Select(p => p.RequireTwoFactor).FirstOrDefaultAsync(ct);

    /// <summary>Sets whether everyone must sign in with an authenticator code.</summary>
    public async Task SetTwoFactorRequiredAsync(string actorId, bool required, CancellationToken ct = default)
    {
        var policy = await db.Set<SignInPolicy>().SingleOrDefaultAsync(p => p.Id == SignInPolicy.SingletonId, ct);
        if (policy is null)
        {
            policy = new SignInPolicy();
            db.Add(policy);
        }

        var was = policy.RequireTwoFactor;
        policy.RequireTwoFactor = required;
        policy.UpdatedAt = clock.GetUtcNow();
        policy.UpdatedById = actorId;
        if (was != required)
        {
            Audit(actorId, null, AuditAction.Updated, new { RequireTwoFactor = Change(was, required) });
        }

        await db.SaveChangesAsync(ct);
    }

    /// <summary>
    /// Runs a change as one transaction, retried whole by the provider's execution strategy after a transient
    /// failure; it is committed only when it succeeds, so a refused change leaves nothing behind.
    /// </summary>
    private Task<AccountResult> InTransactionAsync(Func<Task<AccountResult>> change, CancellationToken ct) =>
        db.Database.CreateExecutionStrategy().ExecuteAsync(async () =>
        {
            db.ChangeTracker.Clear();
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            var result = await change();
            if (result.Succeeded)
            {
                await transaction.CommitAsync(ct);
            }

            return result;
        });

    /// <summary>An admin's change to one account, in one transaction, refused when the account is gone.</summary>
    private Task<AccountResult> ChangeAccountAsync(string userId, Func<PraTrackerUser, Task<AccountResult>> change, CancellationToken ct) =>
        InTransactionAsync(async () => await users.FindByIdAsync(userId) is { } user ? await change(user) : AccountResult.Failed("That account no longer exists."), ct);

    private async Task<AccountResult> AuditedAsync(string actorId, string userId, object changes, CancellationToken ct)
    {
        Audit(actorId, userId, AuditAction.Updated, changes);
        await db.SaveChangesAsync(ct);
        return AccountResult.Done(userId);
    }

    private async Task<bool> AnotherEnabledAdminAsync(string userId, CancellationToken ct)
    {
        var adminRoleId = await db.Roles.Where(r => r.Name == Roles.Admin).Select(r => r.Id).SingleAsync(ct);
        return await db.UserRoles
            .Where(ur => ur.RoleId == adminRoleId && ur.UserId != userId)
            .Join(db.Users, ur => ur.UserId, u => u.Id, (ur, u) => u)
            .AnyAsync(u => u.DisabledAt == null, ct);
    }

    // Accounts have string ids (Identity's Guid text); the policy row is recorded against the empty Guid.
    private void Audit(string? actorId, string? userId, AuditAction action, object changes) => db.Add(new AuditEntry
    {
        At = clock.GetUtcNow(),
        UserId = actorId,
        EntityType = userId is null ? nameof(SignInPolicy) : AuditedEntity,
        EntityId = Guid.TryParse(userId, out var id) ? id : Guid.Empty,
        Action = action,
        Changes = JsonSerializer.Serialize(changes),
    });

    private static object Change(object? old, object? @new) => new { old, @new };

    private static async Task Check(Task<IdentityResult> pending)
    {
        var result = await pending;
        if (!result.Succeeded)
        {
            throw new InvalidOperationException(string.Join(" ", result.Errors.Select(e => e.Description)));
        }
    }
}

/// <summary>Where Identity's user store keeps the authenticator key and the recovery codes (as user tokens).</summary>
public static class AuthenticatorTokens
{
    public const string LoginProvider = "[AspNetUserStore]";
    public const string KeyName = "AuthenticatorKey";
    public const string RecoveryCodesName = "RecoveryCodes";
}
