using System.Text;
using Microsoft.Playwright;

namespace PraTracker.Tests;

/// <summary>
/// An attorney imports a 5,000-row Atlas of Surveillance export in the browser: the preview counts what it would add
/// and names a bad row's problem, the import saves with progress and reports its counts, and the same file loaded again
/// would add nothing.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class ImportJourneyTests(RunningApp app, Browser browser)
{
    [Fact]
    public async Task A_5000_row_Atlas_of_Surveillance_export_is_previewed_imported_counted_and_adds_nothing_the_second_time()
    {
        var atlas = AtlasFile.Generate(1_000);
        var bad = $"AOS99999,Nowhere,,Calif.,{atlas.Tag} Nowhere PD,Police,,,Face Recognition,{atlas.Tag} Clearview AI,not a link\r\n";
        var file = new FilePayload { Name = "atlas-of-surveillance.csv", MimeType = "text/csv", Buffer = Encoding.UTF8.GetBytes(atlas.Csv + bad) };

        var page = await browser.OpenAsync(app, signedIn: true);
        try
        {
            await page.GotoAsync("/imports", new PageGotoOptions { WaitUntil = WaitUntilState.NetworkIdle });
            await page.Locator("[data-testid=import-input]").SetInputFilesAsync(file);

            var counts = page.Locator("[data-testid=import-counts]");
            await Assertions.Expect(counts).ToBeVisibleAsync(new LocatorAssertionsToBeVisibleOptions { Timeout = 60_000 });
            await Assertions.Expect(Row(counts, "Agencies")).ToHaveTextAsync("Agencies1,0000");
            await Assertions.Expect(Row(counts, "Contracts")).ToHaveTextAsync($"Contracts{atlas.Contracts:N0}0");
            await Assertions.Expect(Row(counts, "Rows")).ToContainTextAsync("5,001 read, 1 with errors (left out)");
            await page.GetByRole(AriaRole.Button, new PageGetByRoleOptions { Name = "With errors (1)" }).ClickAsync();
            var rows = page.Locator("[data-testid=import-rows] tbody tr");
            await Assertions.Expect(rows).ToHaveCountAsync(1);
            await Assertions.Expect(rows.First).ToContainTextAsync("5002");
            await Assertions.Expect(rows.First).ToContainTextAsync("Use the two-letter postal code");
            await Browser.KeepAsync(page, "import-preview");

            await page.ClickAsync("[data-testid=import-save]");
            await Assertions.Expect(page.Locator("[data-testid=import-done]"))
                .ToContainTextAsync("5,000 rows saved in one transaction", new LocatorAssertionsToContainTextOptions { Timeout = 120_000 });
            await Assertions.Expect(Row(counts, "Agencies")).ToHaveTextAsync("Agencies1,0000");
            await Assertions.Expect(Row(counts, "Vendors")).ToHaveTextAsync($"Vendors{atlas.Vendors.Count}0");
            await Browser.KeepAsync(page, "import-done");

            await page.GotoAsync("/imports", new PageGotoOptions { WaitUntil = WaitUntilState.NetworkIdle });
            await page.Locator("[data-testid=import-input]").SetInputFilesAsync(file);
            await Assertions.Expect(Row(counts, "Agencies")).ToHaveTextAsync("Agencies01,000", new LocatorAssertionsToHaveTextOptions { Timeout = 60_000 });
            await Assertions.Expect(Row(counts, "Vendors")).ToHaveTextAsync($"Vendors0{atlas.Vendors.Count}");
            await Assertions.Expect(Row(counts, "Contracts")).ToHaveTextAsync($"Contracts0{atlas.Contracts:N0}");
            await Assertions.Expect(Row(counts, "Products")).ToHaveTextAsync("Products0");
        }
        finally
        {
            await page.Context.CloseAsync();
        }
    }

    private static ILocator Row(ILocator table, string heading) =>
        table.Locator("tbody tr", new LocatorLocatorOptions { Has = table.Page.Locator($"th:text-is('{heading}')") });
}
