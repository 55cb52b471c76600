using System.Security.Claims;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.EntityFrameworkCore;
using PraTracker.Data.Database;
using PraTracker.Data.Identity;
using PraTracker.Jobs.Email;
using PraTracker.Web.Security;

namespace PraTracker.Web.Features.Admin;

/// <summary>What became of an invitation: the errors, or whether its e-mail went out, and the link when it did not.</summary>
/// <param name="Link">Shown to the admin once, to pass on by hand, only when the e-mail could not be sent.</param>
public sealed record InvitationOutcome(IReadOnlyDictionary<string, string> Errors, IssuedInvitation? Issued, string? SendError, Uri? Link)
{
    public bool Sent => Issued is not null && Link is null;
}

/// <summary>
/// The admin page's user management: invitations and their e-mails, roles, disabling, two-factor resets and the
/// two-factor rule. Every change checks again that the person asking is an admin, whatever the page showed.
/// </summary>
public sealed class UserAdminService(
    IServiceScopeFactory scopes,
    IDbContextFactory<PraTrackerDbContext> dbFactory,
    AuthenticationStateProvider authentication,
    SmtpMailer mailer,
    SmtpSettings smtp,
    TwoFactorRule twoFactor,
    TimeProvider clock,
    IConfiguration configuration,
    ILogger<UserAdminService> logger)
{
    public const string AcceptPath = "/account/invitation";

    private TimeSpan InvitationLifetime =>
        configuration.GetValue<int?>("Security:InvitationDays") is int days and > 0 ? TimeSpan.FromDays(days) : Invitations.DefaultLifetime;

    public Task<IReadOnlyList<AccountRow>> ListUsersAsync(CancellationToken ct = default) => WithAccountsAsync((accounts, _) => accounts.ListAsync(ct));

    public async Task<IReadOnlyList<InvitationRow>> ListInvitationsAsync(CancellationToken ct = default)
    {
        await AdminIdAsync();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await Invitations.ListAsync(db, clock.GetUtcNow(), ct: ct);
    }

    /// <summary>Invites someone and e-mails them the link; <paramref name="appBaseUri"/> is used when App:BaseUrl is not set.</summary>
    public async Task<InvitationOutcome> InviteAsync(InvitationInput input, Uri appBaseUri, CancellationToken ct = default)
    {
        var adminId = await AdminIdAsync();
        IssuedInvitation? issued;
        await using (var db = (await dbFactory.CreateDbContextAsync(ct)).ViewAs(Viewer.Staff(adminId)))
        {
            (var errors, issued) = await Invitations.CreateAsync(db, input, adminId, clock.GetUtcNow(), InvitationLifetime, ct);
            if (issued is null)
            {
                return new InvitationOutcome(errors, null, null, null);
            }
        }

        return await SendAsync(issued, adminId, appBaseUri, ct);
    }

    /// <summary>A new link for an open or expired invitation, e-mailed again; the earlier link stops working.</summary>
    public async Task<InvitationOutcome> ResendAsync(Guid invitationId, Uri appBaseUri, CancellationToken ct = default)
    {
        var adminId = await AdminIdAsync();
        IssuedInvitation? issued;
        await using (var db = await dbFactory.CreateDbContextAsync(ct))
        {
            issued = await Invitations.RenewAsync(db, invitationId, clock.GetUtcNow(), InvitationLifetime, ct);
        }

        return issued is null
            ? new InvitationOutcome(new Dictionary<string, string> { [""] = "That invitation was already used or withdrawn." }, null, null, null)
            : await SendAsync(issued, adminId, appBaseUri, ct);
    }

    public async Task<bool> RevokeAsync(Guid invitationId, CancellationToken ct = default)
    {
        await AdminIdAsync();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await Invitations.RevokeAsync(db, invitationId, clock.GetUtcNow(), ct);
    }

    public Task<AccountResult> ChangeRoleAsync(string userId, string role, CancellationToken ct = default) =>
        WithAccountsAsync((accounts, adminId) => accounts.ChangeRoleAsync(adminId, userId, role, ct));

    public Task<AccountResult> DisableAsync(string userId, CancellationToken ct = default) =>
        WithAccountsAsync((accounts, adminId) => accounts.DisableAsync(adminId, userId, ct));

    public Task<AccountResult> EnableAsync(string userId, CancellationToken ct = default) =>
        WithAccountsAsync((accounts, adminId) => accounts.EnableAsync(adminId, userId, ct));

    public Task<AccountResult> ResetTwoFactorAsync(string userId, CancellationToken ct = default) =>
        WithAccountsAsync((accounts, adminId) => accounts.ResetTwoFactorAsync(adminId, userId, ct));

    public async Task<bool> TwoFactorRequiredAsync(CancellationToken ct = default)
    {
        await AdminIdAsync();
        return await twoFactor.IsRequiredAsync(ct);
    }

    public async Task SetTwoFactorRequiredAsync(bool required, CancellationToken ct = default)
    {
        await WithAccountsAsync(async (accounts, adminId) =>
        {
            await accounts.SetTwoFactorRequiredAsync(adminId, required, ct);
            return true;
        });
        twoFactor.Forget();
    }

    private async Task<InvitationOutcome> SendAsync(IssuedInvitation issued, string adminId, Uri appBaseUri, CancellationToken ct)
    {
        var baseUri = smtp.AppBaseUrl is { Length: > 0 } configured ? new Uri(configured.TrimEnd('/') + "/") : appBaseUri;
        var link = new Uri(baseUri, $"{AcceptPath.TrimStart('/')}?token={issued.Token}");
        string? error;
        if (!smtp.Enabled)
        {
            error = "E-mail is off (no Smtp:Host), so the invitation was not sent.";
        }
        else
        {
            try
            {
                await mailer.SendAsync(InvitationMail.Compose(issued, await AdminNameAsync(adminId, ct), link), ct);
                error = null;
            }
            catch (Exception failure) when (failure is not OperationCanceledException)
            {
                logger.LogWarning(failure, "The invitation e-mail to {Email} could not be sent", issued.Email);
                error = $"The mail server did not take the invitation: {failure.Message}";
            }
        }

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await Invitations.RecordSendingAsync(db, issued.Id, clock.GetUtcNow(), error, ct);
        return new InvitationOutcome(new Dictionary<string, string>(), issued, error, error is null ? null : link);
    }

    private async Task<string> AdminNameAsync(string adminId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var admin = await db.Users.AsNoTracking().Where(u => u.Id == adminId).Select(u => new { u.DisplayName, u.Email }).SingleAsync(ct);
        return admin.DisplayName is { Length: > 0 } name ? name : admin.Email ?? "An admin";
    }

    /// <summary>Runs an account change in a scope of its own, so Identity's context lives for one operation, not the whole circuit.</summary>
    private async Task<T> WithAccountsAsync<T>(Func<UserAccounts, string, Task<T>> action)
    {
        var adminId = await AdminIdAsync();
        await using var scope = scopes.CreateAsyncScope();
        return await action(scope.ServiceProvider.GetRequiredService<UserAccounts>(), adminId);
    }

    private async Task<string> AdminIdAsync()
    {
        var user = (await authentication.GetAuthenticationStateAsync()).User;
        return user.IsInRole(Roles.Admin) && user.FindFirstValue(ClaimTypes.NameIdentifier) is { } id
            ? id
            : throw new UnauthorizedAccessException("Only admins manage users.");
    }
}
