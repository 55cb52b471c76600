using System.Globalization;
using CsvHelper;
using Microsoft.Playwright;

namespace PraTracker.Tests;

/// <summary>
/// An attorney logs what a partial production withheld, picking the exemptions from the library, then prints the
/// withholding log and downloads it as CSV for a court filing.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class WithholdingLogJourneyTests(RunningApp app, Browser browser)
{
    [Fact]
    public async Task A_partial_production_with_two_exemptions_gives_a_withholding_log_that_prints_and_downloads_as_csv()
    {
        var page = await browser.OpenAsync(app, signedIn: true);
        var agency = $"Pasadena Police Department {Guid.NewGuid():N}"[..36];
        try
        {
            await Pages.AddCaliforniaAgencyAsync(page, agency);
            await page.GotoAsync("/requests/new", new PageGotoOptions { WaitUntil = WaitUntilState.NetworkIdle });
            await Field(page, "[data-testid=request-form]", "Title").FillAsync("Spokeo search logs withheld by the Pasadena police");
            await Field(page, "[data-testid=request-form]", "Agency").FillAsync(agency[..20]);
            await Pages.PickAsync(page, agency);
            await Pages.FillAndKeepAsync(
                page.Locator("[data-testid=request-form] .mud-input-control", new PageLocatorOptions { HasText = "Request letter" }).Locator("textarea"),
                "All contracts and search audit logs of Spokeo for Law Enforcement.");
            await page.ClickAsync("[data-testid=request-save]");
            await page.WaitForURLAsync(url => url.Contains("/requests/", StringComparison.Ordinal) && !url.EndsWith("/new", StringComparison.Ordinal));
            var requestUrl = page.Url;

            // The partial production, citing the investigatory-records exemption as the agency's letter wrote it.
            await page.ClickAsync("[data-testid=event-kind]");
            await Pages.PickAsync(page, "Partial production");
            await Field(page, "[data-testid=event-form]", "Summary", "textarea").FillAsync("First installment; audit logs and vendor security report withheld.");
            await Pages.FillAndKeepAsync(Field(page, "[data-testid=event-form]", "Exemptions cited"), "Government Code section 7923.600");
            await page.ClickAsync("[data-testid=event-save]");
            await Assertions.Expect(page.Locator("[data-testid=timeline-event]")).ToHaveCountAsync(1);

            // First entry: the form starts from what the response cited, already ticked.
            await page.ClickAsync("[data-testid=withholding-add]");
            var investigatory = Exemption(page, "Gov. Code § 7923.600");
            await Assertions.Expect(investigatory).ToBeCheckedAsync();
            await Pages.FillAndKeepAsync(Field(page, Form, "Records withheld", "textarea"), "Spokeo search audit logs, 2024");
            await Pages.FillAndKeepAsync(Field(page, Form, "stated reason", "textarea"), "The logs are records of investigations.");
            await page.ClickAsync("[data-testid=withholding-save]");
            await Assertions.Expect(page.Locator("[data-testid=withholding-entry]")).ToHaveCountAsync(1);

            // Second entry: another exemption, picked by hand instead of the one the response cited.
            await page.ClickAsync("[data-testid=withholding-add]");
            await Assertions.Expect(Exemption(page, "Gov. Code § 7923.600")).ToBeCheckedAsync();
            await Exemption(page, "Gov. Code § 7923.600").ClickAsync();
            await Exemption(page, "Gov. Code § 7929.210").ClickAsync();
            await Assertions.Expect(Exemption(page, "Gov. Code § 7929.210")).ToBeCheckedAsync();
            await page.ClickAsync("[data-testid=withholding-extent]");
            await Pages.PickAsync(page, "Withheld in part");
            await Pages.FillAndKeepAsync(Field(page, Form, "Records withheld", "textarea"), "Vendor security assessment");
            await Pages.FillAndKeepAsync(Field(page, Form, "Quantity"), "12 pages");
            await Pages.FillAndKeepAsync(Field(page, Form, "stated reason", "textarea"), "Disclosure would reveal system vulnerabilities.");
            await page.ClickAsync("[data-testid=withholding-save]");
            await Assertions.Expect(page.Locator("[data-testid=withholding-entry]")).ToHaveCountAsync(2);
            await Browser.KeepAsync(page, "withholding-log-panel");

            var csvDownload = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync("[data-testid=withholding-csv]"));
            var rows = Read(await File.ReadAllBytesAsync((await csvDownload.PathAsync())!));

            var print = await page.Context.NewPageAsync();
            await print.GotoAsync($"{requestUrl}/withholding-log", new PageGotoOptions { WaitUntil = WaitUntilState.NetworkIdle });
            await Assertions.Expect(print.Locator("h1")).ToHaveTextAsync("Withholding log (Vaughn index)");
            await Assertions.Expect(print.Locator("[data-testid=log-entry]")).ToHaveCountAsync(2);
            await Assertions.Expect(print.Locator("body")).ToContainTextAsync(agency);
            await Browser.KeepAsync(print, "withholding-log-printable");

            Assert.Equal(2, rows.Count);
            Assert.Equal(("1", "Partial production", "Spokeo search audit logs, 2024", "Withheld in full", "Gov. Code § 7923.600", "The logs are records of investigations."),
                (rows[0]["No."], rows[0]["Response"], rows[0]["Records withheld"], rows[0]["Extent"], rows[0]["Exemptions (citations)"], rows[0]["Agency's stated reason"]));
            Assert.Equal(("2", "Vendor security assessment", "Withheld in part", "12 pages", "Gov. Code § 7929.210", "Disclosure would reveal system vulnerabilities."),
                (rows[1]["No."], rows[1]["Records withheld"], rows[1]["Extent"], rows[1]["Quantity"], rows[1]["Exemptions (citations)"], rows[1]["Agency's stated reason"]));
        }
        catch
        {
            await Browser.KeepAsync(page, "withholding-log-failure");
            throw;
        }
        finally
        {
            await page.Context.CloseAsync();
        }
    }

    private const string Form = "[data-testid=withholding-form]";

    private static ILocator Exemption(IPage page, string citation) =>
        page.Locator("[data-testid=withholding-exemptions] label", new PageLocatorOptions { HasText = citation }).Locator("input[type=checkbox]");

    private static ILocator Field(IPage page, string scope, string label, string input = "input") =>
        page.Locator($"{scope} .mud-input-control", new PageLocatorOptions { HasText = label }).Locator(input).First;

    private static List<Dictionary<string, string>> Read(byte[] csv)
    {
        using var reader = new CsvReader(new StreamReader(new MemoryStream(csv), detectEncodingFromByteOrderMarks: true), CultureInfo.InvariantCulture);
        reader.Read();
        reader.ReadHeader();
        var headers = reader.HeaderRecord!;
        var rows = new List<Dictionary<string, string>>();
        while (reader.Read())
        {
            rows.Add(headers.ToDictionary(h => h, h => reader.GetField(h) ?? ""));
        }

        return rows;
    }
}
