using Microsoft.Playwright;

namespace PraTracker.Tests;

/// <summary>
/// The app on a day of the test's choosing (Wednesday 4 March 2026, 10:00 in California), with no demo data and the
/// alert scan every minute: an attorney files a request whose response is due in two days, and the scan sends exactly
/// one e-mail about it, however often it runs.
/// </summary>
public sealed class ClockedApp : RunningApp
{
    public static readonly DateTimeOffset Start = new(2026, 3, 4, 18, 0, 0, TimeSpan.Zero);

    protected override IReadOnlyDictionary<string, string> Settings { get; } = new Dictionary<string, string>
    {
        ["Clock__Start"] = Start.ToString("O"),
        ["Demo__Seed"] = "false",
        ["Reminders__Cron"] = "* * * * *",
    };
}

[Collection(AppCollection.Name)]
public sealed class ReminderJourneyTests(ClockedApp app, Browser browser) : IClassFixture<ClockedApp>
{
    [Fact]
    public async Task Two_days_before_a_response_deadline_the_reminder_scan_sends_exactly_one_e_mail()
    {
        var page = await browser.OpenAsync(app, signedIn: true);
        try
        {
            await Pages.AddCaliforniaAgencyAsync(page, "Pasadena Police Department");

            // Received Tue 2026-02-24; ten calendar days later is Fri 2026-03-06, two days after the app's today.
            await page.GotoAsync("/requests/new", new PageGotoOptions { WaitUntil = WaitUntilState.NetworkIdle });
            await page.Locator("[data-testid=request-title]").FillAsync("Pasadena police use of Spokeo");
            await page.Locator("[data-testid=request-agency]").FillAsync("Pasadena");
            await Pages.PickAsync(page, "Pasadena Police Department");
            // Choosing the agency fills in its law; the letter is typed once that has happened, or the form's redraw loses it.
            await Assertions.Expect(page.Locator("[data-testid=request-form]")).ToContainTextAsync("California Public Records Act");
            const string letter = "All contracts, invoices and search logs for Spokeo for Law Enforcement.";
            await page.Locator("[data-testid=request-text]").FillAsync(letter);
            await Assertions.Expect(page.Locator("[data-testid=request-text]")).ToHaveValueAsync(letter);
            await page.ClickAsync("[data-testid=request-sent]");
            await page.ClickAsync("[data-testid=request-method]");
            await Pages.PickAsync(page, "Portal");
            await page.Locator("[data-testid=request-sent-on]").FillAsync("2026-02-24");
            await page.Keyboard.PressAsync("Tab");
            await page.ClickAsync("[data-testid=request-save]");
            await Assertions.Expect(page.Locator("[data-testid=deadline-title]")).ToHaveTextAsync(["Response: Fri 2026-03-06"]);
            await Browser.KeepAsync(page, "reminder-request");
            var reference = await page.Locator("[data-testid=request-reference]").InnerTextAsync();

            var alerts = await AlertsAboutAsync(reference, atLeast: 1, TimeSpan.FromSeconds(150));
            var alert = Assert.Single(alerts);
            Assert.Equal(RunningApp.AdminEmail, alert.To.Mailboxes.Single().Address);
            Assert.Contains("2026-03-06", alert.TextBody, StringComparison.Ordinal);
            Assert.StartsWith("PRA-2026-", reference, StringComparison.Ordinal);

            // The scan runs every minute; the ledger keeps it to one e-mail per alert.
            await Task.Delay(TimeSpan.FromSeconds(75));
            Assert.Single(await AlertsAboutAsync(reference, atLeast: 1, TimeSpan.Zero));
        }
        catch
        {
            await Browser.KeepAsync(page, "reminder-failure");
            throw;
        }
        finally
        {
            await page.Context.CloseAsync();
        }
    }

    private async Task<IReadOnlyList<MimeKit.MimeMessage>> AlertsAboutAsync(string reference, int atLeast, TimeSpan wait)
    {
        var until = DateTime.UtcNow + wait;
        while (true)
        {
            var found = app.Mail.Messages().Where(m => $"{m.Subject} {m.TextBody}".Contains(reference, StringComparison.Ordinal)).ToList();
            if (found.Count >= atLeast || DateTime.UtcNow >= until)
            {
                return found;
            }

            await Task.Delay(500);
        }
    }
}
