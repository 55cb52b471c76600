using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PraTracker.Data.Database;
using PraTracker.Data.Identity;
using PraTracker.Web.Security;

namespace PraTracker.Tests;

/// <summary>Invitations, two-factor sign-in and the organisation's two-factor rule, over HTTP through the real app.</summary>
public abstract partial class AccountSecurityTests<TFixture>(TFixture fixture) : IClassFixture<TFixture>
    where TFixture : AppFixture
{
    private const string Password = "Fog-Reveal-Records-2026";

    [Fact]
    public async Task Cookies_are_secure_only_http_only_and_same_site_outside_development()
    {
        using var client = fixture.NewClient();
        var form = await client.GetAsync("/account/login");
        Assert.All(form.Headers.GetValues("Set-Cookie"), cookie => Assert.Contains("secure", cookie, StringComparison.OrdinalIgnoreCase));

        var signedIn = await AppFixture.SignInAsync(client, AppFixture.AdminEmail, AppFixture.AdminPassword);
        var auth = signedIn.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("PraTracker.Auth=", StringComparison.Ordinal));
        Assert.Contains("secure", auth, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("httponly", auth, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=lax", auth, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Outside_development_the_test_clock_setting_is_ignored()
    {
        await using var moved = fixture.App.WithWebHostBuilder(host => host.UseSetting("Clock:Start", "2020-01-01T00:00:00Z"));
        var now = moved.Services.GetRequiredService<TimeProvider>().GetUtcNow();
        Assert.True(now.Year > 2020, $"The app's clock says {now:O} in Production.");
        Assert.IsNotType<StartedClock>(moved.Services.GetRequiredService<TimeProvider>());
    }

    [Fact]
    public async Task An_invitation_link_refuses_bad_passwords_saves_nothing_and_then_creates_the_account_once()
    {
        var invitation = await InviteAsync($"invitee-{Guid.NewGuid():N}@aclu.example");
        var url = $"/account/invitation?token={invitation.Token}";
        using var client = fixture.NewClient();

        Assert.Contains("not valid", await client.GetStringAsync("/account/invitation?token=" + new string('0', 64)), StringComparison.Ordinal);
        Assert.Contains(invitation.Email, await client.GetStringAsync(url), StringComparison.Ordinal);

        foreach (var (password, confirmation, message) in new[]
        {
            (Password, "Something-else-2026", "The two passwords differ"),
            ("short", "short", "at least 12 characters"),
            (new string('p', 100_000), new string('p', 100_000), "at most 200 characters"),
            ("", "", "Choose a password."),
        })
        {
            var refused = await AppFixture.PostFormAsync(client, url, "accept-invitation", new() { ["Input.Password"] = password, ["Input.Confirmation"] = confirmation });
            Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
            Assert.Contains(message, WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        }

        Assert.Null(await FindUserAsync(invitation.Email));

        var accepted = await AppFixture.PostFormAsync(client, url, "accept-invitation", new() { ["Input.Password"] = Password, ["Input.Confirmation"] = Password });
        Assert.Equal(HttpStatusCode.Redirect, accepted.StatusCode);
        Assert.Equal("/account/two-factor?welcome=true", accepted.Headers.Location!.PathAndQuery);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/dashboard")).StatusCode);
        Assert.NotNull(await FindUserAsync(invitation.Email));

        using var again = fixture.NewClient();
        Assert.Contains("already been used", await again.GetStringAsync(url), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sign_in_with_two_factor_asks_for_the_code_refuses_wrong_ones_and_takes_a_recovery_code_once()
    {
        var email = await fixture.CreateUserAsync(Roles.Attorney);
        var (key, recoveryCodes) = await EnrolAsync(email);

        using var client = fixture.NewClient();
        var password = await AppFixture.SignInAsync(client, email, AppFixture.AttorneyPassword);
        Assert.StartsWith("/account/login/two-factor", password.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/dashboard")).StatusCode);

        const string secondStep = "/account/login/two-factor?rememberMe=False";
        foreach (var wrong in new[] { "12345", "abcdef", new string('9', 10_000), WrongCode(key) })
        {
            var refused = await AppFixture.PostFormAsync(client, secondStep, "two-factor-code", new() { ["Code.Value"] = wrong });
            Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
            Assert.Contains("That code is not right", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        var recovered = await AppFixture.PostFormAsync(client, secondStep, "two-factor-recovery", new() { ["Recovery.Value"] = recoveryCodes[0] });
        Assert.Equal("/dashboard", recovered.Headers.Location!.PathAndQuery);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/dashboard")).StatusCode);

        using var later = fixture.NewClient();
        await AppFixture.SignInAsync(later, email, AppFixture.AttorneyPassword);
        var reused = await AppFixture.PostFormAsync(later, secondStep, "two-factor-recovery", new() { ["Recovery.Value"] = recoveryCodes[0] });
        Assert.Contains("That recovery code is not right", await reused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var code = await AppFixture.PostFormAsync(later, secondStep, "two-factor-code", new() { ["Code.Value"] = Totp.Code(key, DateTimeOffset.UtcNow) });
        Assert.Equal("/dashboard", code.Headers.Location!.PathAndQuery);

        // Without the password step first, the code page sends the visitor to sign in.
        using var stranger = fixture.NewClient();
        Assert.Equal("/account/login", (await stranger.GetAsync(secondStep)).Headers.Location!.PathAndQuery);
    }

    [Fact]
    public async Task An_attorney_may_turn_two_factor_off_when_it_is_not_required_and_the_trail_records_it()
    {
        var email = await fixture.CreateUserAsync(Roles.Attorney);
        var (key, _) = await EnrolAsync(email);
        using var client = fixture.NewClient();
        await AppFixture.SignInAsync(client, email, AppFixture.AttorneyPassword);
        await AppFixture.PostFormAsync(client, "/account/login/two-factor?rememberMe=False", "two-factor-code", new() { ["Code.Value"] = Totp.Code(key, DateTimeOffset.UtcNow) });

        var off = await AppFixture.PostFormAsync(client, "/account/two-factor", "disable", []);
        Assert.Equal(HttpStatusCode.OK, off.StatusCode);
        Assert.Contains("Turn on two-factor sign-in", await off.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/dashboard")).StatusCode);

        var user = (await FindUserAsync(email))!;
        Assert.False(user.TwoFactorEnabled);
        await using var db = fixture.App.Services.GetRequiredService<IDbContextFactory<PraTrackerDbContext>>().CreateDbContext().ViewAs(Viewer.System);
        Assert.True(await db.AuditEntries.AnyAsync(a => a.EntityId == Guid.Parse(user.Id) && a.UserId == user.Id && a.Changes.Contains("TwoFactor")));
    }

    [Fact]
    public async Task When_the_organisation_requires_two_factor_an_attorney_without_it_must_set_it_up_before_any_staff_page()
    {
        var email = await fixture.CreateUserAsync(Roles.Attorney);
        using var client = fixture.NewClient();
        await AppFixture.SignInAsync(client, email, AppFixture.AttorneyPassword);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/dashboard")).StatusCode);

        await SetTwoFactorRequiredAsync(true);
        try
        {
            var refused = await client.GetAsync("/dashboard");
            Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
            Assert.StartsWith("/account/access-denied", refused.Headers.Location!.AbsolutePath, StringComparison.Ordinal);
            Assert.Contains("requires two-factor sign-in", await client.GetStringAsync(refused.Headers.Location), StringComparison.Ordinal);
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/")).StatusCode);

            var setup = await client.GetStringAsync("/account/two-factor");
            Assert.Contains("Your organisation requires two-factor sign-in", setup, StringComparison.Ordinal);
            Assert.Contains("src=\"data:image/png;base64,", setup, StringComparison.Ordinal);
            var key = AuthenticatorKey().Match(setup).Groups[1].Value.Replace(" ", "", StringComparison.Ordinal);

            var enabled = await AppFixture.PostFormAsync(client, "/account/two-factor", "enable-two-factor", new() { ["Input.Code"] = Totp.Code(key, DateTimeOffset.UtcNow) });
            Assert.Equal(10, RecoveryCode().Matches(await enabled.Content.ReadAsStringAsync()).Count);

            // The refreshed cookie says two-factor is on: staff pages open again, in this same session.
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/dashboard")).StatusCode);
            var off = await AppFixture.PostFormAsync(client, "/account/two-factor", "disable", []);
            Assert.Equal(HttpStatusCode.BadRequest, off.StatusCode); // no such form while the rule is on
        }
        finally
        {
            await SetTwoFactorRequiredAsync(false);
        }
    }

    private async Task<IssuedInvitation> InviteAsync(string email)
    {
        await using var db = fixture.App.Services.GetRequiredService<IDbContextFactory<PraTrackerDbContext>>().CreateDbContext().ViewAs(Viewer.System);
        var adminId = await db.Users.Where(u => u.Email == AppFixture.AdminEmail).Select(u => u.Id).SingleAsync();
        var (errors, issued) = await Invitations.CreateAsync(db, new InvitationInput(email, "Jo Counsel", Roles.Attorney), adminId, DateTimeOffset.UtcNow, Invitations.DefaultLifetime);
        Assert.Empty(errors);
        return issued!;
    }

    private async Task<PraTrackerUser?> FindUserAsync(string email)
    {
        await using var scope = fixture.App.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<UserManager<PraTrackerUser>>().FindByEmailAsync(email);
    }

    private async Task<(string Key, IReadOnlyList<string> RecoveryCodes)> EnrolAsync(string email)
    {
        await using var scope = fixture.App.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PraTrackerUser>>();
        var user = (await users.FindByEmailAsync(email))!;
        await users.ResetAuthenticatorKeyAsync(user);
        await users.SetTwoFactorEnabledAsync(user, true);
        var codes = await users.GenerateNewTwoFactorRecoveryCodesAsync(user, 10);
        return ((await users.GetAuthenticatorKeyAsync(user))!, [.. codes!]);
    }

    private async Task SetTwoFactorRequiredAsync(bool required)
    {
        await using var scope = fixture.App.Services.CreateAsyncScope();
        var adminId = (await scope.ServiceProvider.GetRequiredService<UserManager<PraTrackerUser>>().FindByEmailAsync(AppFixture.AdminEmail))!.Id;
        await scope.ServiceProvider.GetRequiredService<UserAccounts>().SetTwoFactorRequiredAsync(adminId, required);
        fixture.App.Services.GetRequiredService<TwoFactorRule>().Forget();
    }

    // A well-formed code that is not the one for now, nor for the 30-second steps either side that Identity also accepts.
    private static string WrongCode(string key)
    {
        var now = DateTimeOffset.UtcNow;
        var valid = new[] { -60, -30, 0, 30, 60 }.Select(s => Totp.Code(key, now.AddSeconds(s))).ToHashSet();
        return Enumerable.Range(0, 10).Select(i => new string((char)('0' + i), 6)).First(c => !valid.Contains(c));
    }

    [GeneratedRegex("data-testid=\"authenticator-key\">([a-z0-9 ]+)<")]
    private static partial Regex AuthenticatorKey();

    [GeneratedRegex("<li><code>[A-Z0-9]{5}-[A-Z0-9]{5}</code></li>")]
    private static partial Regex RecoveryCode();
}

public sealed class PostgresAccountSecurityTests(PostgresAppFixture fixture) : AccountSecurityTests<PostgresAppFixture>(fixture);

public sealed class SqliteAccountSecurityTests(SqliteAppFixture fixture) : AccountSecurityTests<SqliteAppFixture>(fixture);
