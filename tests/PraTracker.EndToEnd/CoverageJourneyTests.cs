using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using PraTracker.Data.Agencies;
using PraTracker.Data.Contracts;
using PraTracker.Data.Database;
using PraTracker.Data.Identity;
using PraTracker.Data.Requests;

namespace PraTracker.Tests;

/// <summary>
/// An attorney opens the coverage of a vendor from its page: four agencies use it, two have been asked, and the two not
/// yet asked are one click from a new campaign.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class CoverageJourneyTests(RunningApp app, Browser browser)
{
    [Fact]
    public async Task The_agencies_using_a_vendor_are_shown_with_how_far_each_was_asked_and_those_never_asked_are_one_click_from_a_campaign()
    {
        var tag = Guid.NewGuid().ToString("N")[..6];
        var vendor = new Vendor { Name = $"Skyline Faces {tag}" };
        await using (var db = app.Database.CreateFactory().CreateDbContext().ViewAs(Viewer.System))
        {
            var california = await db.Laws.SingleAsync(l => l.Code == "US-CA");
            var faces = await db.TechnologyCategories.SingleAsync(c => c.Code == "face-recognition");
            var product = new Product { Vendor = vendor, Name = "Skyline face search", TechnologyCategory = faces };
            Agency Agency(string city, string state) =>
                new() { Name = $"{city} Police Department {tag}", Kind = AgencyKind.PoliceDepartment, City = city, State = state, Law = state == "CA" ? california : null };
            Contract Using(Agency agency, string title, ContractStatus status) =>
                new() { Agency = agency, Vendor = vendor, Products = [product], Title = title, Status = status };
            RecordsRequest Asked(Agency agency, string reference, RequestStatus status) => new()
            {
                Reference = reference,
                Title = $"{agency.City} police use of Skyline Faces",
                Agency = agency,
                Law = california,
                SentOn = new DateOnly(2026, 2, 2),
                ReceivedOn = new DateOnly(2026, 2, 2),
                Method = SubmissionMethod.Email,
                Status = status,
                Visibility = RequestVisibility.Public,
                VendorLinks = [new RequestVendor { Vendor = vendor }],
            };

            var (fresno, modesto, visalia, albany) = (Agency("Fresno", "CA"), Agency("Modesto", "CA"), Agency("Visalia", "CA"), Agency("Albany", "NY"));
            db.Contracts.AddRange(
                Using(fresno, "Skyline subscription", ContractStatus.Active),
                Using(modesto, "Skyline free trial", ContractStatus.Trial),
                Using(visalia, "Skyline free trial", ContractStatus.Trial),
                Using(albany, "Skyline pilot", ContractStatus.Active));
            db.Requests.Add(Asked(fresno, $"COV-{tag}-1", RequestStatus.Sent));
            var produced = Asked(modesto, $"COV-{tag}-2", RequestStatus.Closed);
            produced.Outcome = RequestOutcome.FullRelease;
            produced.Events.Add(new RequestEvent { Kind = RequestEventKind.FinalProduction, OccurredOn = new DateOnly(2026, 3, 2), Summary = "Contract and search logs released.", LoggedAt = DateTimeOffset.UtcNow });
            db.Requests.Add(produced);
            await db.SaveChangesAsync();
        }

        var page = await browser.OpenAsync(app, signedIn: true);
        try
        {
            await page.GotoAsync($"/vendors/{vendor.Id}", new PageGotoOptions { WaitUntil = WaitUntilState.NetworkIdle });
            await page.ClickAsync("[data-testid=vendor-coverage-link]");
            await page.WaitForURLAsync(url => url.Contains($"/coverage?vendor={vendor.Id}", StringComparison.Ordinal));

            var rows = page.Locator("[data-testid=coverage-grid] tbody tr");
            await Assertions.Expect(rows).ToHaveCountAsync(4);
            await Assertions.Expect(rows.Filter(new LocatorFilterOptions { HasText = "Fresno" })).ToContainTextAsync($"COV-{tag}-1");
            await Assertions.Expect(rows.Filter(new LocatorFilterOptions { HasText = "Fresno" })).ToContainTextAsync("Filed, no answer yet");
            await Assertions.Expect(rows.Filter(new LocatorFilterOptions { HasText = "Modesto" })).ToContainTextAsync("Records produced");
            await Assertions.Expect(rows.Filter(new LocatorFilterOptions { HasText = "Modesto" })).ToContainTextAsync("Skyline free trial (Trial)");
            await Assertions.Expect(page.Locator("[data-testid=coverage-stage-NoneFiled]")).ToContainTextAsync("No request filed · 2");

            await page.ClickAsync("[data-testid=coverage-stage-NoneFiled]");
            await page.WaitForURLAsync(url => url.Contains("stage=NoneFiled", StringComparison.Ordinal));
            await Assertions.Expect(rows).ToHaveCountAsync(2);
            await Assertions.Expect(rows.Nth(0)).ToContainTextAsync($"Albany Police Department {tag}");
            await Assertions.Expect(rows.Nth(1)).ToContainTextAsync($"Visalia Police Department {tag}");
            await Assertions.Expect(page.Locator("[data-testid=coverage-grid]")).Not.ToContainTextAsync("Fresno");

            var fileWithUnasked = page.Locator("[data-testid=coverage-file-unfiled]");
            await Assertions.Expect(fileWithUnasked).ToHaveTextAsync("File with the 2 agencies with no request");
            Assert.Equal($"/campaigns/new?vendor={vendor.Id}&unfiled=true", await fileWithUnasked.GetAttributeAsync("href"));
            await Browser.KeepAsync(page, "coverage");

            // A visitor sees the same agencies and is offered no campaign.
            var visitor = await browser.OpenAsync(app, signedIn: false);
            await visitor.GotoAsync($"/coverage?vendor={vendor.Id}", new PageGotoOptions { WaitUntil = WaitUntilState.NetworkIdle });
            await Assertions.Expect(visitor.Locator("[data-testid=coverage-grid] tbody tr")).ToHaveCountAsync(4);
            await Assertions.Expect(visitor.Locator("[data-testid=coverage-file-unfiled]")).ToHaveCountAsync(0);
        }
        catch
        {
            await Browser.KeepAsync(page, "coverage-failure");
            throw;
        }
    }
}
