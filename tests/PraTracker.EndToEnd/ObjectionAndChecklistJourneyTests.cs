using System.Globalization;
using Microsoft.Playwright;

namespace PraTracker.Tests;

/// <summary>
/// An attorney lists the records a request asks for, records a vendor's objection with the agency's notice deadline
/// (which joins the request's deadlines) and marks two items of the checklist from a partial production as it is logged.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class ObjectionAndChecklistJourneyTests(RunningApp app, Browser browser)
{
    [Fact]
    public async Task A_vendors_objection_sets_the_requesters_notice_deadline_and_a_partial_production_marks_the_records_it_answered()
    {
        var page = await browser.OpenAsync(app, signedIn: true);
        try
        {
            await page.GotoAsync("/requests?q=FBI", new PageGotoOptions { WaitUntil = WaitUntilState.NetworkIdle });
            await page.Locator("main a", new PageLocatorOptions { HasText = "FBI use of Clearview AI" }).ClickAsync();
            await Assertions.Expect(page.Locator("[data-testid=checklist-add-form]")).ToBeVisibleAsync();

            // The checklist, by hand: the contract and the search logs.
            await AddItemAsync(page, "Contract", "Every contract, order form and renewal with Clearview AI", 1);
            await AddItemAsync(page, "Audit or search logs", "Logs of every search run in Clearview AI", 2);
            await Assertions.Expect(page.Locator("[data-testid=checklist-status]")).ToHaveTextAsync(["Not yet addressed", "Not yet addressed"]);

            // Clearview objects on trade-secret grounds; the agency's notice gives two weeks to answer.
            var notice = DateOnly.FromDateTime(DateTime.Today).AddDays(14).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            await page.ClickAsync("[data-testid=objection-add]");
            await page.ClickAsync("[data-testid=objection-vendor]");
            await Pages.PickAsync(page, "Clearview AI");
            await Field(page, "[data-testid=objection-form]", "Agency's notice deadline").FillAsync(notice);
            await page.Keyboard.PressAsync("Tab");
            await Pages.FillAndKeepAsync(page.Locator("[data-testid=objection-form] textarea").First, "Search volumes and pricing are trade secrets.");
            await page.ClickAsync("[data-testid=objection-save]");
            await Assertions.Expect(page.Locator("[data-testid=objection]")).ToContainTextAsync("Clearview AI · trade secret");
            var deadline = page.Locator("[data-testid=deadline]", new PageLocatorOptions { HasText = "Vendor objection notice" });
            await Assertions.Expect(deadline).ToContainTextAsync($"the agency's notice gives until {notice} to respond");
            await Browser.KeepAsync(page, "objection-deadline");

            // The first installment holds the contract and part of the logs: both are marked as it is logged.
            await page.ClickAsync("[data-testid=event-kind]");
            await Pages.PickAsync(page, "Partial production");
            await page.Locator("[data-testid=checklist-mark]").First.ClickAsync();
            await Pages.PickAsync(page, "Produced");
            await page.Locator("[data-testid=checklist-mark]").Nth(1).ClickAsync();
            await Pages.PickAsync(page, "Partly produced");
            await Field(page, "[data-testid=event-form]", "Summary", "textarea").FillAsync("First installment: the contract and 2025 search logs.");
            await page.ClickAsync("[data-testid=event-save]");

            await Assertions.Expect(page.Locator("[data-testid=checklist-status]")).ToHaveTextAsync(["Produced", "Partly produced"]);
            await Assertions.Expect(page.Locator("[data-testid=checklist-answered-by]").First).ToContainTextAsync("Partial production of");
            await page.Locator("[data-testid=checklist]").ScrollIntoViewIfNeededAsync();
            await Browser.KeepAsync(page, "checklist-marked");
        }
        catch
        {
            await Browser.KeepAsync(page, "objection-checklist-failure");
            throw;
        }
        finally
        {
            await page.Context.CloseAsync();
        }
    }

    private static async Task AddItemAsync(IPage page, string kind, string wording, int count)
    {
        await page.ClickAsync("[data-testid=checklist-add-kind]");
        await Pages.PickAsync(page, kind);
        await Pages.FillAndKeepAsync(page.Locator("input[data-testid=checklist-add-wording], [data-testid=checklist-add-wording] input").First, wording);
        await page.ClickAsync("[data-testid=checklist-add]");
        await Assertions.Expect(page.Locator("[data-testid=checklist-item]")).ToHaveCountAsync(count);
    }

    private static ILocator Field(IPage page, string scope, string label, string input = "input") =>
        page.Locator($"{scope} .mud-input-control", new PageLocatorOptions { HasText = label }).Locator(input).First;
}
