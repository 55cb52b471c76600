using System.Diagnostics;
using System.Net;
using System.Text;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace PraTracker.Tests;

/// <summary>
/// Released documents in the browser: an attorney uploads a production to the public Pasadena request, its text is
/// searchable within seconds, and an anonymous visitor finds it, highlighted, only once it is published. Hostile and
/// broken files each get a clear message and never stop the queue.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class DocumentLibraryTests(RunningApp app, Browser browser, ITestOutputHelper output)
{
    [Fact]
    public async Task A_pdf_uploaded_in_the_browser_is_found_by_a_phrase_from_page_three_and_reaches_the_public_only_once_published()
    {
        var marker = Marker();
        var phrase = $"{marker} geofence sweeps";
        var folder = Directory.CreateTempSubdirectory("pratracker-upload-");
        var pdf = Path.Combine(folder.FullName, "fog-reveal-production.pdf");
        await File.WriteAllBytesAsync(pdf, TestFiles.Pdf(
            "Records unit cover letter.", "Index of responsive records.", $"Officers ran {phrase} through Fog Reveal in 2024."));
        var staff = await browser.OpenAsync(app, signedIn: true);
        var visitor = await browser.OpenAsync(app, signedIn: false);
        try
        {
            await OpenPublicRequestAsync(staff);
            await staff.SetInputFilesAsync("[data-testid=upload-input]", pdf);
            await Assertions.Expect(staff.Locator("[data-testid=upload-done]")).ToBeVisibleAsync();
            var uploaded = Stopwatch.StartNew();

            // Searchable by the phrase from its third page within seconds of the upload, for the attorney.
            var search = $"/search?q={Uri.EscapeDataString($"\"{phrase}\"")}";
            await UntilAsync(staff, search, "[data-testid=document-result]", TimeSpan.FromSeconds(30));
            Assert.True(uploaded.Elapsed < TimeSpan.FromSeconds(30), $"found after {uploaded.Elapsed}");
            output.WriteLine($"The page-three phrase was found {uploaded.Elapsed.TotalSeconds:0.0} s after the upload finished.");
            var documentPath = new Uri(new Uri(staff.Url), await staff.Locator("[data-testid=document-result] h3 a").GetAttributeAsync("href")).AbsolutePath;

            // Not yet for the public: not in search, not by its address, not its file.
            await visitor.GotoAsync(search, new PageGotoOptions { WaitUntil = WaitUntilState.NetworkIdle });
            await Assertions.Expect(visitor.Locator("[data-testid=search-count]")).ToContainTextAsync("No documents match.");
            await visitor.GotoAsync(documentPath);
            await Assertions.Expect(visitor.Locator("h1")).ToHaveTextAsync("Document not found");
            Assert.Equal(HttpStatusCode.NotFound, await StatusAsync($"{documentPath}/file"));

            // Network idle: the page's circuit is connected, so the buttons act.
            await staff.GotoAsync(documentPath, new PageGotoOptions { WaitUntil = WaitUntilState.NetworkIdle });
            await staff.ClickAsync("[data-testid=mark-for-review]");
            await staff.ClickAsync("[data-testid=publish]");
            await Assertions.Expect(staff.Locator("[data-testid=publication-status]")).ToHaveTextAsync("Published");

            // Published: the visitor finds it with the phrase highlighted, opens it, reads page three and gets the file.
            await visitor.GotoAsync(search, new PageGotoOptions { WaitUntil = WaitUntilState.NetworkIdle });
            await Assertions.Expect(visitor.Locator("[data-testid=document-result]")).ToHaveCountAsync(1);
            var highlighted = string.Join(" ", await visitor.Locator("[data-testid=snippet] mark").AllInnerTextsAsync());
            Assert.Contains(marker, highlighted, StringComparison.OrdinalIgnoreCase);
            await visitor.ClickAsync("[data-testid=document-result] h3 a");
            await Assertions.Expect(visitor.Locator("h1")).ToHaveTextAsync("fog-reveal-production");
            await Assertions.Expect(visitor.Locator("[data-testid=text-page]").Nth(2)).ToContainTextAsync(phrase);
            await Assertions.Expect(visitor.Locator("iframe[data-testid=pdf-view]")).ToHaveAttributeAsync("title", new System.Text.RegularExpressions.Regex("text is on this page"));
            Assert.Equal(HttpStatusCode.OK, await StatusAsync($"{documentPath}/file"));
            await Browser.KeepAsync(visitor, "document-published-for-the-public");

            // A private request is not reachable by its address, not even its title.
            await staff.GotoAsync("/requests", new PageGotoOptions { WaitUntil = WaitUntilState.NetworkIdle });
            var privateLink = staff.Locator("main tr", new PageLocatorOptions { HasText = "Private" }).Locator("a[href^='/requests/']").First;
            var privateTitle = await privateLink.InnerTextAsync();
            var privatePath = await privateLink.GetAttributeAsync("href");
            await visitor.GotoAsync(privatePath!, new PageGotoOptions { WaitUntil = WaitUntilState.NetworkIdle });
            await Assertions.Expect(visitor.Locator("h1")).ToHaveTextAsync("Request not found");
            Assert.DoesNotContain(privateTitle, await visitor.ContentAsync(), StringComparison.Ordinal);
        }
        catch
        {
            await Browser.KeepAsync(staff, "upload-failure-staff");
            await Browser.KeepAsync(visitor, "upload-failure-visitor");
            throw;
        }
        finally
        {
            await staff.Context.CloseAsync();
            await visitor.Context.CloseAsync();
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task A_scanned_pdf_uploaded_in_the_browser_is_read_by_ocr_found_by_a_phrase_with_its_page_named_and_names_its_vendor_on_that_page()
    {
        // A scan, as agencies release them: three pages of images with no text layer at all.
        var folder = Directory.CreateTempSubdirectory("pratracker-upload-");
        var pdf = Path.Combine(folder.FullName, "scanned-invoices.pdf");
        await File.WriteAllBytesAsync(pdf, await ScannedPdf.BuildAsync(
            "PASADENA POLICE DEPARTMENT\nRecords released under the Public Records Act\nScanned from paper files.",
            "INVOICE 4471\nVoyager Labs social media analytics platform\nAgreement No. 19-0077 dated June 4, 2024\nTotal due: $48,250.00",
            "Command staff memo\nThe handwritten approval for drone overflight logs is attached.\nRetain for five years."));
        var staff = await browser.OpenAsync(app, signedIn: true);
        try
        {
            await OpenPublicRequestAsync(staff);
            await staff.SetInputFilesAsync("[data-testid=upload-input]", pdf);
            await Assertions.Expect(staff.Locator("[data-testid=upload-done]")).ToBeVisibleAsync();
            var uploaded = Stopwatch.StartNew();

            // OCR runs as a job; the phrase from page three becomes searchable, and the result names the page.
            var search = $"/search?q={Uri.EscapeDataString("\"drone overflight logs\"")}";
            await UntilAsync(staff, search, "[data-testid=document-result] [data-testid=hit-pages]", TimeSpan.FromSeconds(150));
            output.WriteLine($"The scanned phrase was found {uploaded.Elapsed.TotalSeconds:0.0} s after the upload finished.");
            var result = staff.Locator("[data-testid=document-result]");
            await Assertions.Expect(result).ToHaveCountAsync(1);
            await Assertions.Expect(result.Locator("[data-testid=hit-pages]")).ToHaveTextAsync("Found on page 3");
            await Assertions.Expect(result.Locator("[data-testid=snippet] mark").First).ToBeVisibleAsync();
            await Browser.KeepAsync(staff, "scanned-search-result");

            // The document opens at that page, with the phrase marked there.
            await result.Locator("h3 a").ClickAsync();
            await Assertions.Expect(staff.Locator("h1")).ToHaveTextAsync("scanned-invoices");
            Assert.Contains("page=3", staff.Url, StringComparison.Ordinal);
            var hitPage = staff.Locator("section.hit-page");
            await Assertions.Expect(hitPage).ToHaveCountAsync(1);
            await Assertions.Expect(hitPage).ToHaveAttributeAsync("data-page", "3");
            // The bar above names the page; its link scrolls there, as the page itself does on opening.
            await staff.Locator("[data-testid=hit-pages] a", new PageLocatorOptions { HasText = "3" }).First.ClickAsync();
            await Assertions.Expect(hitPage.Locator("mark").First).ToBeInViewportAsync();
            Assert.Contains("overflight", string.Join(" ", await hitPage.Locator("mark").AllInnerTextsAsync()), StringComparison.OrdinalIgnoreCase);
            await Assertions.Expect(staff.Locator("[data-testid=hit-pages]")).ToContainTextAsync("is on page 3");
            await Assertions.Expect(staff.Locator("iframe[data-testid=pdf-view]")).ToHaveAttributeAsync("src", new System.Text.RegularExpressions.Regex("/searchable/view#page=3$"));
            await Assertions.Expect(staff.Locator("[data-testid=download-searchable]")).ToBeVisibleAsync();
            await Browser.KeepAsync(staff, "scanned-document-at-page");

            // The vendor the scan names is suggested on its page, with the facts near its name; the attorney confirms it.
            var mention = staff.Locator("[data-testid=mention][data-name='Voyager Labs']");
            await Assertions.Expect(mention).ToContainTextAsync("vendor, page 2");
            await Assertions.Expect(mention).ToHaveAttributeAsync("data-status", "Suggested");
            var facts = await mention.Locator("[data-testid=contract-fact]").AllInnerTextsAsync();
            Assert.Contains(facts, f => f.Contains("$48,250.00", StringComparison.Ordinal));
            Assert.Contains(facts, f => f.Contains("19-0077", StringComparison.Ordinal));
            await mention.Locator("[data-testid=contract-fact]", new LocatorLocatorOptions { HasText = "$48,250.00" }).ClickAsync();
            await Assertions.Expect(staff.Locator("[data-testid=copy-fact]").First).ToContainTextAsync("as its amount");
            await Browser.KeepAsync(staff, "scanned-document-mentions");
            await staff.Keyboard.PressAsync("Escape");
            await mention.Locator("[data-testid=confirm-mention]").ClickAsync();
            await Assertions.Expect(mention).ToHaveAttributeAsync("data-status", "Confirmed");

            // Confirmed, the document is listed on the vendor's page, opening at the page that names it.
            await staff.Locator("[data-testid=mention][data-name='Voyager Labs'] a").First.ClickAsync();
            var listed = staff.Locator("[data-testid=mentioning-document]", new PageLocatorOptions { HasText = "scanned-invoices" });
            await Assertions.Expect(listed).ToContainTextAsync("names “Voyager Labs” on page 2");
            await Browser.KeepAsync(staff, "vendor-mentioning-documents");
        }
        catch
        {
            await Browser.KeepAsync(staff, "scanned-failure-staff");
            throw;
        }
        finally
        {
            await staff.Context.CloseAsync();
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task Malformed_pdfs_hostile_zips_empty_and_oversized_files_each_get_a_clear_message_and_the_queue_goes_on()
    {
        var marker = Marker();
        var folder = Directory.CreateTempSubdirectory("pratracker-upload-");
        string Write(string name, byte[] content)
        {
            var path = Path.Combine(folder.FullName, name);
            File.WriteAllBytes(path, content);
            return path;
        }

        var files = new[]
        {
            Write("broken.pdf", Encoding.ASCII.GetBytes("%PDF-1.7\n1 0 obj << /Type /Catalog >> no trailer at all")),
            Write("slip.zip", TestFiles.Zip(("memo.txt", Encoding.UTF8.GetBytes("memo")), ("../../etc/cron.d/evil", Encoding.UTF8.GetBytes("evil")))),
            Write("empty.txt", []),
            Write("huge.txt", new byte[(RunningApp.DocumentLimitMegabytes * 1024 * 1024) + 1]),
            Write("after-the-bad-ones.txt", Encoding.UTF8.GetBytes($"ALPR camera audit {marker} for the council.")),
        };
        var staff = await browser.OpenAsync(app, signedIn: true);
        try
        {
            await OpenPublicRequestAsync(staff);
            await staff.SetInputFilesAsync("[data-testid=upload-input]", files);

            var outcomes = staff.Locator("[data-testid=upload-file]");
            await Assertions.Expect(outcomes.Filter(new LocatorFilterOptions { HasText = "empty.txt" }).Locator("[data-testid=upload-error]"))
                .ToHaveTextAsync("\"empty.txt\": it is empty.");
            await Assertions.Expect(outcomes.Filter(new LocatorFilterOptions { HasText = "huge.txt" }).Locator("[data-testid=upload-error]"))
                .ToHaveTextAsync($"\"huge.txt\": it is larger than the limit of {RunningApp.DocumentLimitMegabytes} MB a file.");
            await Assertions.Expect(staff.Locator("[data-testid=upload-done]")).ToHaveCountAsync(3);

            // The unreadable ones say why on the request page, and the good file after them is read all the same.
            var listed = staff.Locator("[data-testid=document-link]");
            await Assertions.Expect(listed.Filter(new LocatorFilterOptions { HasText = "broken.pdf" }).Locator("[data-testid=text-error]"))
                .ToContainTextAsync("could not be read as a PDF");
            await Assertions.Expect(listed.Filter(new LocatorFilterOptions { HasText = "slip.zip" }).Locator("[data-testid=text-error]"))
                .ToContainTextAsync("points outside the archive");
            await UntilAsync(staff, $"/search?q={marker}", "[data-testid=document-result]", TimeSpan.FromSeconds(30));
            Assert.Equal(HttpStatusCode.OK, await StatusAsync("/healthz"));

            // A failed file can be read again from its page; it fails the same way, and the page says so again.
            await staff.GotoAsync("/search?q=broken&sort=newest");
            await staff.Locator("[data-testid=document-result] h3 a", new PageLocatorOptions { HasText = "broken" }).First.ClickAsync();
            await Assertions.Expect(staff.Locator("[data-testid=text-failed]")).ToContainTextAsync("could not be read as a PDF");
            await staff.ClickAsync("[data-testid=retry-extraction]");
            await Assertions.Expect(staff.Locator(".mud-snackbar")).ToContainTextAsync("Queued to be read again.");
            await Assertions.Expect(staff.Locator("[data-testid=text-failed]")).ToContainTextAsync("could not be read as a PDF");
        }
        catch
        {
            await Browser.KeepAsync(staff, "bad-files-failure");
            throw;
        }
        finally
        {
            await staff.Context.CloseAsync();
            folder.Delete(recursive: true);
        }
    }

    // A word no other test or demo record holds, letters only so both databases read it as one word.
    private static string Marker() => "mk" + new string([.. Guid.NewGuid().ToString("N").Select(c => (char)('a' + (c % 26)))])[..12];

    private static async Task OpenPublicRequestAsync(IPage page)
    {
        await page.GotoAsync("/requests?q=Spokeo", new PageGotoOptions { WaitUntil = WaitUntilState.NetworkIdle });
        await page.Locator("main a", new PageLocatorOptions { HasText = "Pasadena police use of Spokeo for Law Enforcement" }).ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid=document-upload]")).ToBeVisibleAsync();
    }

    // Reloads the page until the selector shows, as a reader would while the text is being read.
    private static async Task UntilAsync(IPage page, string path, string selector, TimeSpan limit)
    {
        var until = DateTime.UtcNow + limit;
        while (true)
        {
            await page.GotoAsync(path, new PageGotoOptions { WaitUntil = WaitUntilState.NetworkIdle });
            if (await page.Locator(selector).CountAsync() > 0)
            {
                return;
            }

            if (DateTime.UtcNow > until)
            {
                throw new TimeoutException($"{path} showed no {selector} within {limit}:\n{await page.Locator("main").InnerTextAsync()}");
            }

            await page.WaitForTimeoutAsync(500);
        }
    }

    private async Task<HttpStatusCode> StatusAsync(string path)
    {
        using var http = new HttpClient { BaseAddress = app.BaseAddress };
        return (await http.GetAsync(path)).StatusCode;
    }
}
