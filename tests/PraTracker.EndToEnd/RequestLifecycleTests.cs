using Microsoft.Playwright;

namespace PraTracker.Tests;

/// <summary>
/// An attorney runs a California request from draft to closed entirely in the browser, and the deadlines on its page
/// are right after each step. Dates are fixed in the past, so the counting is the same whenever the test runs.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class RequestLifecycleTests(RunningApp app, Browser browser)
{
    [Fact]
    public async Task A_new_agencys_contract_with_a_people_search_vendor_is_requested_acknowledged_extended_produced_and_closed_with_the_right_deadlines()
    {
        var page = await browser.OpenAsync(app, signedIn: true);
        var agency = $"Glendale Police Department {Guid.NewGuid():N}"[..36];
        try
        {
            // The agency and its contract with Spokeo, a people-search database sold to police.
            await Pages.AddCaliforniaAgencyAsync(page, agency);

            await page.GotoAsync("/contracts/new", new PageGotoOptions { WaitUntil = WaitUntilState.NetworkIdle });
            await page.Locator("[data-testid=contract-title]").FillAsync("Spokeo for Law Enforcement subscription");
            await page.Locator("[data-testid=contract-agency]").FillAsync(agency[..20]);
            await Pages.PickAsync(page, agency);
            await page.ClickAsync("[data-testid=contract-vendor]");
            await Pages.PickAsync(page, "Spokeo");
            await page.ClickAsync("[data-testid=contract-save]");
            await page.WaitForURLAsync(url => url.Contains("/contracts/", StringComparison.Ordinal) && !url.EndsWith("/new", StringComparison.Ordinal));
            var contractPage = page.Url;

            await page.GotoAsync("/requests/new", new PageGotoOptions { WaitUntil = WaitUntilState.NetworkIdle });
            await Field(page, "[data-testid=request-form]", "Title").FillAsync("Glendale police use of Spokeo");
            await Field(page, "[data-testid=request-form]", "Agency").FillAsync(agency[..20]);
            await Pages.PickAsync(page, agency);
            await page.ClickAsync("[data-testid=request-contracts]");
            await Pages.PickAsync(page, "Spokeo for Law Enforcement subscription");
            await page.Keyboard.PressAsync("Escape");
            await Pages.FillAndKeepAsync(
                page.Locator("[data-testid=request-form] .mud-input-control", new PageLocatorOptions { HasText = "Request letter" }).Locator("textarea"),
                "All contracts, invoices and search logs of Spokeo for Law Enforcement since 2018.");
            await page.ClickAsync("[data-testid=request-save]");
            await page.WaitForURLAsync(url => url.Contains("/requests/", StringComparison.Ordinal) && !url.EndsWith("/new", StringComparison.Ordinal));
            await ExpectAsync(page, "Draft", []);

            // Sent through the agency's portal on Mon 2026-11-02: received that day; 10 calendar days is Thu 2026-11-12.
            await page.ClickAsync("[data-testid=request-edit]");
            await page.ClickAsync("[data-testid=request-sent]");
            await page.ClickAsync("[data-testid=request-method]");
            await Pages.PickAsync(page, "Portal");
            await DateAsync(page, "[data-testid=request-form]", "Sent on", "2026-11-02");
            await page.ClickAsync("[data-testid=request-save]");
            await ExpectAsync(page, "Sent", ["Response: Thu 2026-11-12"]);

            // An acknowledgement is not the determination California requires: the deadline stands.
            await LogAsync(page, "Acknowledged", "2026-11-04", "Acknowledged; assigned number 26-1234.");
            await ExpectAsync(page, "Acknowledged", ["Response: Thu 2026-11-12"]);

            // The extension notice names Fri Nov 20, within the 14 days the law allows (to Mon Nov 30 after Thanksgiving).
            await LogAsync(page, "Extension notice", "2026-11-10", "Records held by several divisions.", promised: "2026-11-20");
            await ExpectAsync(page, "Processing", ["Extended response: Fri 2026-11-20", "Response: Thu 2026-11-12"]);
            Assert.Contains("Replaced 2026-11-10", await page.Locator("[data-testid=deadline]").Nth(1).InnerTextAsync());

            await LogAsync(page, "Partial production", "2026-11-19", "First installment: 40 pages of invoices.");
            await ExpectAsync(page, "Processing", ["Response: Thu 2026-11-12", "Extended response: Fri 2026-11-20"]);
            Assert.Contains("Met 2026-11-19", await page.Locator("[data-testid=deadline]").Nth(1).InnerTextAsync());

            await LogAsync(page, "Final production", "2026-11-23", "Final installment: contract and search logs.");
            await ExpectAsync(page, "Closed", ["Response: Thu 2026-11-12", "Extended response: Fri 2026-11-20"]);
            Assert.Equal(5, await page.Locator("[data-testid=timeline-event]").CountAsync());
            await Browser.KeepAsync(page, "request-closed");

            // The contract's page knows the request about it.
            var reference = await page.Locator("[data-testid=request-reference]").InnerTextAsync();
            await page.GotoAsync(contractPage, new PageGotoOptions { WaitUntil = WaitUntilState.NetworkIdle });
            await Assertions.Expect(page.Locator("main")).ToContainTextAsync(reference);
        }
        catch
        {
            await Browser.KeepAsync(page, "request-lifecycle-failure");
            throw;
        }
        finally
        {
            await page.Context.CloseAsync();
        }
    }

    private static async Task LogAsync(IPage page, string kind, string on, string summary, string? promised = null)
    {
        await page.ClickAsync("[data-testid=event-kind]");
        await Pages.PickAsync(page, kind);
        await page.Locator("[data-testid=event-form] .mud-input-control").Filter(new LocatorFilterOptions
        {
            Has = page.Locator("label", new PageLocatorOptions { HasTextRegex = new System.Text.RegularExpressions.Regex("^On$") }),
        }).Locator("input").FillAsync(on);
        await page.Keyboard.PressAsync("Tab");
        if (promised is not null)
        {
            await DateAsync(page, "[data-testid=event-form]", "Date the agency named", promised);
        }

        await Field(page, "[data-testid=event-form]", "Summary", "textarea").FillAsync(summary);
        var events = await page.Locator("[data-testid=timeline-event]").CountAsync();
        await page.ClickAsync("[data-testid=event-save]");
        await Assertions.Expect(page.Locator("[data-testid=timeline-event]")).ToHaveCountAsync(events + 1);
    }

    private static async Task ExpectAsync(IPage page, string status, string[] deadlines)
    {
        await Assertions.Expect(page.Locator(".mud-chip").First).ToHaveTextAsync(status);
        await Assertions.Expect(page.Locator("[data-testid=deadline-title]")).ToHaveTextAsync(deadlines);
    }

    private static async Task DateAsync(IPage page, string scope, string label, string date)
    {
        await Field(page, scope, label).FillAsync(date);
        await page.Keyboard.PressAsync("Tab");
    }

    private static ILocator Field(IPage page, string scope, string label, string input = "input") =>
        page.Locator($"{scope} .mud-input-control", new PageLocatorOptions { HasText = label }).Locator(input).First;
}
