using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace PraTracker.Tests;

/// <summary>
/// An admin invites an attorney; the invitation e-mail reaches a real SMTP server; the attorney opens its link, sets a
/// password, enrols an authenticator app, and from then on signing in asks for the code.
/// </summary>
[Collection(AppCollection.Name)]
public sealed partial class InvitationJourneyTests(RunningApp app, Browser browser)
{
    private const string Password = "Fog-Reveal-Records-2026";

    [Fact]
    public async Task An_invited_attorney_sets_a_password_from_the_e_mail_enrols_two_factor_and_then_signs_in_with_a_code()
    {
        var email = $"jo.counsel.{Guid.NewGuid():N}@aclu.example";
        var admin = await browser.OpenAsync(app, signedIn: true);
        var attorney = await browser.OpenAsync(app, signedIn: false);
        try
        {
            await admin.GotoAsync("/admin", new PageGotoOptions { WaitUntil = WaitUntilState.NetworkIdle });
            await admin.Locator("[data-testid=invite-email]").FillAsync(email);
            await admin.Locator("[data-testid=invite-name]").FillAsync("Jo Counsel");
            await admin.ClickAsync("[data-testid=invite-send]");
            await Assertions.Expect(admin.Locator("[data-testid=invite-result]")).ToContainTextAsync($"Invitation e-mailed to {email}");
            await Browser.KeepAsync(admin, "invitation-sent");

            var link = await InvitationLinkAsync(email);
            Assert.StartsWith(app.BaseAddress.ToString().TrimEnd('/') + "/account/invitation?token=", link, StringComparison.Ordinal);

            await attorney.GotoAsync(link);
            await Assertions.Expect(attorney.Locator("h1")).ToHaveTextAsync("Accept your invitation");
            await attorney.FillAsync("#password", Password);
            await attorney.FillAsync("#confirmation", "Something-Else-2026");
            await attorney.ClickAsync("button[type=submit]");
            await Assertions.Expect(attorney.Locator(".field-error")).ToContainTextAsync("The two passwords differ");
            await attorney.FillAsync("#password", Password);
            await attorney.FillAsync("#confirmation", Password);
            await attorney.ClickAsync("button[type=submit]");

            await Assertions.Expect(attorney.Locator("[data-testid=welcome]")).ToBeVisibleAsync();
            await Browser.KeepAsync(attorney, "two-factor-setup");
            var key = (await attorney.Locator("[data-testid=authenticator-key]").InnerTextAsync()).Replace(" ", "", StringComparison.Ordinal);
            await attorney.FillAsync("#code", "000000" == Totp.Code(key, DateTimeOffset.UtcNow) ? "111111" : "000000");
            await attorney.ClickAsync("form:has(#code) button[type=submit]");
            await Assertions.Expect(attorney.Locator("[data-testid=two-factor-error]")).ToContainTextAsync("does not match");
            await attorney.FillAsync("#code", Totp.Code(key, DateTimeOffset.UtcNow));
            await attorney.ClickAsync("form:has(#code) button[type=submit]");
            await Assertions.Expect(attorney.Locator("[data-testid=recovery-codes] li")).ToHaveCountAsync(10);
            await Browser.KeepAsync(attorney, "two-factor-recovery-codes");

            // The link worked once.
            await attorney.GotoAsync(link);
            await Assertions.Expect(attorney.Locator("[data-testid=invitation-error]")).ToContainTextAsync("already been used");

            await attorney.Locator("form[action='/account/logout'] button").ClickAsync();
            await attorney.GotoAsync("/account/login");
            await attorney.FillAsync("#email", email);
            await attorney.FillAsync("#password", Password);
            await attorney.ClickAsync("button[type=submit]");
            await attorney.WaitForURLAsync(url => url.Contains("/account/login/two-factor", StringComparison.Ordinal));
            Assert.Equal(302, (await attorney.APIRequest.GetAsync("/dashboard", new APIRequestContextOptions { MaxRedirects = 0 })).Status);
            await Browser.KeepAsync(attorney, "two-factor-sign-in");

            await attorney.FillAsync("#code", "12345");
            await attorney.ClickAsync("form:has(#code) button[type=submit]");
            await Assertions.Expect(attorney.Locator("[data-testid=login-error]")).ToContainTextAsync("not right");
            await attorney.FillAsync("#code", Totp.Code(key, DateTimeOffset.UtcNow));
            await attorney.ClickAsync("form:has(#code) button[type=submit]");
            await attorney.WaitForURLAsync(url => url.EndsWith("/dashboard", StringComparison.Ordinal));
            await Assertions.Expect(attorney.Locator("[data-testid=signed-in-as]")).ToHaveTextAsync(email);

            // The admin sees the new attorney, with two-factor on.
            await admin.ReloadAsync(new PageReloadOptions { WaitUntil = WaitUntilState.NetworkIdle });
            var row = admin.Locator("[data-testid=users-panel] tr", new PageLocatorOptions { HasText = email });
            await Assertions.Expect(row.Locator("[data-testid=user-role]")).ToHaveTextAsync("Attorney");
            await Assertions.Expect(row.Locator("[data-testid=user-two-factor]")).ToHaveTextAsync("On");
            await Browser.KeepAsync(admin, "users-after-invitation");

            // Disabled by the admin, the attorney cannot sign in; enabled again, they can.
            await ChooseAsync(admin, row, "Disable account", confirm: true);
            await Assertions.Expect(row.Locator("[data-testid=user-status]")).ToHaveTextAsync("Disabled");
            var refused = await browser.OpenAsync(app, signedIn: false);
            await refused.GotoAsync("/account/login");
            await refused.FillAsync("#email", email);
            await refused.FillAsync("#password", Password);
            await refused.ClickAsync("button[type=submit]");
            await Assertions.Expect(refused.Locator("[data-testid=login-error]")).ToContainTextAsync("locked");
            await ChooseAsync(admin, row, "Enable account", confirm: false);
            await Assertions.Expect(row.Locator("[data-testid=user-status]")).ToHaveTextAsync("Active");
            await refused.FillAsync("#email", email);
            await refused.FillAsync("#password", Password);
            await refused.ClickAsync("button[type=submit]");
            await refused.WaitForURLAsync(url => url.Contains("/account/login/two-factor", StringComparison.Ordinal));
            await refused.Context.CloseAsync();
        }
        catch
        {
            await Browser.KeepAsync(admin, "invitation-admin-failure");
            await Browser.KeepAsync(attorney, "invitation-attorney-failure");
            throw;
        }
        finally
        {
            await admin.Context.CloseAsync();
            await attorney.Context.CloseAsync();
        }
    }

    // Disabling asks "are you sure?"; enabling again does not.
    private static async Task ChooseAsync(IPage page, ILocator row, string action, bool confirm)
    {
        await row.Locator("[data-testid=user-actions] button").ClickAsync();
        await page.Locator(".mud-popover-open .mud-menu-item", new PageLocatorOptions { HasText = action }).ClickAsync();
        if (confirm)
        {
            await page.GetByRole(AriaRole.Dialog).GetByRole(AriaRole.Button, new() { Name = "Yes" }).ClickAsync();
        }
    }

    private async Task<string> InvitationLinkAsync(string email)
    {
        var until = DateTime.UtcNow.AddSeconds(30);
        while (DateTime.UtcNow < until)
        {
            var message = app.Mail.Messages().LastOrDefault(m => m.To.Mailboxes.Any(to => to.Address == email));
            if (message is not null)
            {
                Assert.Equal("You are invited to PraTracker", message.Subject);
                return InvitationLink().Match(message.TextBody ?? "").Value;
            }

            await Task.Delay(200);
        }

        throw new TimeoutException($"No invitation e-mail reached the mail catcher for {email}.");
    }

    [GeneratedRegex(@"http\S+/account/invitation\?token=[0-9a-f]{64}")]
    private static partial Regex InvitationLink();
}
