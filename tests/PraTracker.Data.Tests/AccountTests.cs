using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using PraTracker.Data;
using PraTracker.Data.Database;
using PraTracker.Data.Identity;

namespace PraTracker.Tests;

/// <summary>Invitations, roles, disabling and two-factor resets through the real composition, on both providers.</summary>
public abstract class AccountTests(DatabaseProvider provider) : IAsyncLifetime
{
    private const string Password = "Spokeo-Records-2026";
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 23, 18, 0, 0, TimeSpan.Zero));
    private TestDatabase _database = null!;
    private ServiceProvider _services = null!;
    private string _adminId = null!;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync(provider);
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(_database.AppSettings)
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Admin:Email"] = "lead@aclu.example", ["Admin:Password"] = Password })
            .Build();
        _services = new ServiceCollection()
            .AddLogging()
            .AddSingleton<IConfiguration>(configuration)
            .AddSingleton<TimeProvider>(_clock)
            .AddPraTrackerData(configuration)
            .BuildServiceProvider();
        await using var scope = _services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<DatabaseInitializer>().InitializeAsync(new StringWriter());
        _adminId = (await scope.ServiceProvider.GetRequiredService<UserManager<PraTrackerUser>>().FindByEmailAsync("lead@aclu.example"))!.Id;
    }

    public async Task DisposeAsync()
    {
        await _services.DisposeAsync();
        await _database.DisposeAsync();
    }

    [Fact]
    public async Task An_invitation_link_creates_the_account_once_with_the_chosen_password_and_role()
    {
        var issued = await InviteAsync("jo.counsel@aclu.example", Roles.Attorney);

        var weak = await AcceptAsync(issued.Token, "short");
        Assert.Contains("at least 12 characters", weak.Errors["Password"]);
        Assert.Null(await FindUserAsync("jo.counsel@aclu.example"));
        Assert.Equal(InvitationState.Pending, (await FindAsync(issued.Token))!.Value.State);

        var accepted = await AcceptAsync(issued.Token, Password);
        Assert.True(accepted.Succeeded, string.Join("; ", accepted.Errors.Values));

        await using (var scope = _services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<PraTrackerUser>>();
            var user = await users.FindByEmailAsync("jo.counsel@aclu.example");
            Assert.NotNull(user);
            Assert.Equal(accepted.UserId, user.Id);
            Assert.Equal("Jo Counsel", user.DisplayName);
            Assert.True(user.EmailConfirmed);
            Assert.True(await users.CheckPasswordAsync(user, Password));
            Assert.Equal([Roles.Attorney], await users.GetRolesAsync(user));
        }

        Assert.Equal(InvitationState.Accepted, (await FindAsync(issued.Token))!.Value.State);
        var again = await AcceptAsync(issued.Token, "Another-Password-2026");
        Assert.Contains("already been used", again.Errors[""]);

        await using var db = Open();
        var entry = await db.AuditEntries.SingleAsync(a => a.EntityType == "User" && a.EntityId == Guid.Parse(accepted.UserId!));
        Assert.Equal(_adminId, entry.UserId);
        Assert.Contains("Attorney", entry.Changes);
    }

    [Fact]
    public async Task Expired_revoked_replaced_and_renewed_links_stop_working()
    {
        var first = await InviteAsync("records@eff.example", Roles.Attorney);
        var second = await InviteAsync("records@eff.example", Roles.Admin);
        Assert.Contains("replaced", (await AcceptAsync(first.Token, Password)).Errors[""]);

        IssuedInvitation renewed;
        await using (var db = Open())
        {
            renewed = (await Invitations.RenewAsync(db, second.Id, _clock.GetUtcNow(), Invitations.DefaultLifetime))!;
        }

        Assert.Null(await FindAsync(second.Token));
        Assert.Contains("not valid", (await AcceptAsync(second.Token, Password)).Errors[""]);

        _clock.Advance(Invitations.DefaultLifetime + TimeSpan.FromMinutes(1));
        Assert.Equal(InvitationState.Expired, (await FindAsync(renewed.Token))!.Value.State);
        Assert.Contains("expired", (await AcceptAsync(renewed.Token, Password)).Errors[""]);

        var third = await InviteAsync("records@eff.example", Roles.Attorney);
        await using (var db = Open())
        {
            Assert.True(await Invitations.RevokeAsync(db, third.Id, _clock.GetUtcNow()));
            Assert.False(await Invitations.RevokeAsync(db, third.Id, _clock.GetUtcNow()));
        }

        Assert.Contains("withdrawn", (await AcceptAsync(third.Token, Password)).Errors[""]);
        Assert.Null(await FindUserAsync("records@eff.example"));
        Assert.Null(await FindAsync("not-a-token"));
        Assert.Null(await FindAsync(new string('a', 64)));
    }

    [Fact]
    public async Task Bad_invitations_are_refused_with_a_message_per_field_and_nothing_is_saved()
    {
        await using var db = Open();
        var (errors, issued) = await Invitations.CreateAsync(db, new InvitationInput("not an address", "", "Owner"), _adminId, _clock.GetUtcNow(), Invitations.DefaultLifetime);
        Assert.Null(issued);
        Assert.Equal(["DisplayName", "Email", "Role"], errors.Keys.Order());

        (errors, issued) = await Invitations.CreateAsync(db, new InvitationInput(" LEAD@aclu.example ", "Lead", Roles.Admin), _adminId, _clock.GetUtcNow(), Invitations.DefaultLifetime);
        Assert.Null(issued);
        Assert.Contains("already has an account", errors["Email"]);

        (errors, _) = await Invitations.CreateAsync(db, new InvitationInput($"{new string('a', 300)}@x.example", "Name\nOn two lines", Roles.Attorney), _adminId, _clock.GetUtcNow(), Invitations.DefaultLifetime);
        Assert.Equal(["DisplayName", "Email"], errors.Keys.Order());
        Assert.False(await db.Set<Invitation>().AnyAsync());
    }

    [Fact]
    public async Task Only_a_hash_of_the_link_secret_is_stored()
    {
        var issued = await InviteAsync("jo.counsel@aclu.example", Roles.Attorney);
        await using var db = Open();
        var stored = await db.Set<Invitation>().SingleAsync(i => i.Id == issued.Id);
        Assert.Equal(64, issued.Token.Length);
        Assert.DoesNotContain(issued.Token, string.Join("|", stored.TokenHash, stored.Email, stored.DisplayName, stored.NormalizedEmail));
    }

    [Fact]
    public async Task Admins_change_roles_and_disable_and_enable_accounts_which_ends_their_sessions()
    {
        var userId = await CreateAttorneyAsync("jo.counsel@aclu.example");
        var stamp = await StampAsync(userId);

        Assert.True((await WithAccountsAsync(a => a.ChangeRoleAsync(_adminId, userId, Roles.Admin))).Succeeded);
        Assert.NotEqual(stamp, stamp = await StampAsync(userId));
        Assert.True((await WithAccountsAsync(a => a.DisableAsync(_adminId, userId))).Succeeded);
        Assert.NotEqual(stamp, await StampAsync(userId));

        var row = (await WithAccountsAsync(a => a.ListAsync())).Single(r => r.Id == userId);
        Assert.Equal((Roles.Admin, AccountState.Disabled), (row.Role, row.State));
        await using (var scope = _services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<PraTrackerUser>>();
            Assert.True(await users.IsLockedOutAsync((await users.FindByIdAsync(userId))!));
        }

        // A disabled account's calendar feed and alerts stop too: they read the same lockout.
        await using (var db = Open())
        {
            var token = await AlertPreferences.RenewCalendarFeedAsync(db, userId);
            Assert.Null(await AlertPreferences.FeedOwnerAsync(db, token, _clock.GetUtcNow()));
        }

        Assert.True((await WithAccountsAsync(a => a.EnableAsync(_adminId, userId))).Succeeded);
        row = (await WithAccountsAsync(a => a.ListAsync())).Single(r => r.Id == userId);
        Assert.Equal(AccountState.Active, row.State);

        await using var audit = Open();
        var changes = await audit.AuditEntries.Where(a => a.EntityId == Guid.Parse(userId)).Select(a => a.Changes).ToListAsync();
        Assert.Equal(4, changes.Count); // accepted, made admin, disabled, enabled
        Assert.Single(changes, c => c.Contains("\"Role\":{\"old\":\"Attorney\",\"new\":\"Admin\"}", StringComparison.Ordinal));
        Assert.Equal(2, changes.Count(c => c.Contains("Disabled", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task The_last_admin_cannot_be_demoted_or_disabled_and_no_admin_disables_themselves()
    {
        var attorneyId = await CreateAttorneyAsync("jo.counsel@aclu.example");

        Assert.Contains("own account", (await WithAccountsAsync(a => a.DisableAsync(_adminId, _adminId))).Errors[""]);
        Assert.Contains("own admin role", (await WithAccountsAsync(a => a.ChangeRoleAsync(_adminId, _adminId, Roles.Attorney))).Errors[""]);
        Assert.Contains("last admin", (await WithAccountsAsync(a => a.DisableAsync(attorneyId, _adminId))).Errors[""]);
        Assert.Contains("last admin", (await WithAccountsAsync(a => a.ChangeRoleAsync(attorneyId, _adminId, Roles.Attorney))).Errors[""]);
        Assert.Contains("Choose Attorney or Admin", (await WithAccountsAsync(a => a.ChangeRoleAsync(_adminId, attorneyId, "Owner"))).Errors["Role"]);

        // With a second admin who can sign in, the first may be demoted by them.
        Assert.True((await WithAccountsAsync(a => a.ChangeRoleAsync(_adminId, attorneyId, Roles.Admin))).Succeeded);
        Assert.True((await WithAccountsAsync(a => a.ChangeRoleAsync(attorneyId, _adminId, Roles.Attorney))).Succeeded);
        var rows = await WithAccountsAsync(a => a.ListAsync());
        Assert.Equal(Roles.Attorney, rows.Single(r => r.Id == _adminId).Role);
    }

    [Fact]
    public async Task Resetting_two_factor_forgets_the_authenticator_key_and_recovery_codes()
    {
        var userId = await CreateAttorneyAsync("jo.counsel@aclu.example");
        await using (var scope = _services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<PraTrackerUser>>();
            var user = (await users.FindByIdAsync(userId))!;
            await users.ResetAuthenticatorKeyAsync(user);
            await users.SetTwoFactorEnabledAsync(user, true);
            Assert.Equal(10, (await users.GenerateNewTwoFactorRecoveryCodesAsync(user, 10))!.Count());
        }

        Assert.True((await WithAccountsAsync(a => a.ResetTwoFactorAsync(_adminId, userId))).Succeeded);

        await using (var scope = _services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<PraTrackerUser>>();
            var user = (await users.FindByIdAsync(userId))!;
            Assert.False(await users.GetTwoFactorEnabledAsync(user));
            Assert.Null(await users.GetAuthenticatorKeyAsync(user));
            Assert.Equal(0, await users.CountRecoveryCodesAsync(user));
        }
    }

    [Fact]
    public async Task Requiring_two_factor_is_a_setting_admins_change_with_an_audit_entry()
    {
        await using (var db = Open())
        {
            Assert.False(await UserAccounts.TwoFactorRequiredAsync(db));
        }

        await WithAccountsAsync(async a => { await a.SetTwoFactorRequiredAsync(_adminId, true); return 0; });
        await WithAccountsAsync(async a => { await a.SetTwoFactorRequiredAsync(_adminId, true); return 0; });

        await using var check = Open();
        Assert.True(await UserAccounts.TwoFactorRequiredAsync(check));
        var entry = await check.AuditEntries.SingleAsync(a => a.EntityType == nameof(SignInPolicy));
        Assert.Equal(_adminId, entry.UserId);
    }

    private PraTrackerDbContext Open() =>
        _services.GetRequiredService<IDbContextFactory<PraTrackerDbContext>>().CreateDbContext().ViewAs(Viewer.System);

    private async Task<IssuedInvitation> InviteAsync(string email, string role)
    {
        await using var db = Open();
        var (errors, issued) = await Invitations.CreateAsync(db, new InvitationInput(email, "Jo Counsel", role), _adminId, _clock.GetUtcNow(), Invitations.DefaultLifetime);
        Assert.Empty(errors);
        return issued!;
    }

    private async Task<(InvitationState State, OpenInvitation Invitation)?> FindAsync(string token)
    {
        await using var db = Open();
        return await Invitations.FindAsync(db, token, _clock.GetUtcNow());
    }

    private Task<AccountResult> AcceptAsync(string token, string password) => WithAccountsAsync(a => a.AcceptInvitationAsync(token, password));

    private async Task<string> CreateAttorneyAsync(string email)
    {
        var accepted = await AcceptAsync((await InviteAsync(email, Roles.Attorney)).Token, Password);
        Assert.True(accepted.Succeeded);
        return accepted.UserId!;
    }

    private async Task<T> WithAccountsAsync<T>(Func<UserAccounts, Task<T>> action)
    {
        await using var scope = _services.CreateAsyncScope();
        return await action(scope.ServiceProvider.GetRequiredService<UserAccounts>());
    }

    private async Task<PraTrackerUser?> FindUserAsync(string email)
    {
        await using var scope = _services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<UserManager<PraTrackerUser>>().FindByEmailAsync(email);
    }

    private async Task<string?> StampAsync(string userId)
    {
        await using var db = Open();
        return await db.Users.Where(u => u.Id == userId).Select(u => u.SecurityStamp).SingleAsync();
    }
}

public sealed class PostgresAccountTests() : AccountTests(DatabaseProvider.Postgres);

public sealed class SqliteAccountTests() : AccountTests(DatabaseProvider.Sqlite);
