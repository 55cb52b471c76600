using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using PraTracker.Data.Agencies;
using PraTracker.Data.Contracts;
using PraTracker.Data.Deadlines;
using PraTracker.Data.Identity;
using PraTracker.Data.Requests;

namespace PraTracker.Tests;

/// <summary>
/// A campaign in Chromium, on the real app with its job server, PostgreSQL and a real SMTP server: one request filed
/// with 25 agencies in two states in one action, each under its own law, each letter sent by e-mail, and the campaign
/// page following them.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class CampaignJourneyTests(RunningApp app, Browser browser) : IClassFixture<RunningApp>
{
    [Fact]
    public async Task A_campaign_files_one_request_with_25_agencies_in_two_states_each_under_its_own_law_and_follows_their_sending()
    {
        var vendor = $"Flock Safety {Guid.NewGuid().ToString("N")[..6]}";
        var agencies = await ArrangeAgenciesWithContractsAsync(vendor, ("CA", 15), ("WA", 10));
        var page = await browser.OpenAsync(app, signedIn: true);
        try
        {
            await page.GotoAsync("/campaigns", new PageGotoOptions { WaitUntil = WaitUntilState.NetworkIdle });
            await page.GetByText("New campaign").ClickAsync();
            await page.WaitForURLAsync(url => url.EndsWith("/campaigns/new", StringComparison.Ordinal));
            await Pages.FillAndKeepAsync(page.Locator("[data-testid=campaign-title]"), $"License-plate readers from {vendor}");
            await page.ClickAsync("[data-testid=campaign-save]");
            await page.WaitForURLAsync(url => url.EndsWith("/file", StringComparison.Ordinal));

            // The request, its checklist from the technology, and the agencies: every one with a contract with the vendor in CA and WA.
            await Pages.FillAndKeepAsync(page.Locator("[data-testid=filing-title]"), "Automated license-plate readers");
            await Pages.FillAndKeepAsync(page.Locator("[data-testid=filing-records]"), "Records about the agency's use of automated license-plate readers since January 1, 2020.");
            await page.ClickAsync("[data-testid=filing-category]");
            await Pages.PickAsync(page, "License-plate readers");
            await Assertions.Expect(page.Locator("[data-testid=filing-checklist] .mud-chip-selected")).ToHaveCountAsync(RecordChecklists.AllKinds.Count);
            await page.ClickAsync("[data-testid=filing-vendors]");
            await Pages.PickAsync(page, vendor);
            await page.Keyboard.PressAsync("Escape");
            await page.ClickAsync("[data-testid=filing-states]");
            await Pages.PickAsync(page, "CA");
            await Pages.PickAsync(page, "WA");
            await page.Keyboard.PressAsync("Escape");
            await page.ClickAsync("[data-testid=filing-contract-vendor]");
            await Pages.PickAsync(page, vendor);

            // Nothing is saved before the preview has been read and the filing confirmed.
            await page.ClickAsync("[data-testid=filing-preview-button]");
            await Assertions.Expect(page.Locator("[data-testid=filing-preview-summary]")).ToContainTextAsync("25 letters ready");
            await page.Locator("[data-testid=preview-show-letter]").First.ClickAsync();
            var letter = page.Locator("[data-testid=preview-letter]");
            await Assertions.Expect(letter).ToContainTextAsync("These records include:");
            await Assertions.Expect(letter).ToContainTextAsync($"Audit logs of every query of the plate data of {vendor}");
            await Assertions.Expect(letter).ToContainTextAsync("Cal. Gov. Code");
            await Browser.KeepAsync(page, "campaign-filing-preview");
            Assert.Empty(Letters(vendor));

            await page.ClickAsync("[data-testid=filing-file-button]");
            await page.WaitForURLAsync(url => !url.EndsWith("/file", StringComparison.Ordinal));

            // The letters leave one by one in the background; the page follows them without a reload.
            await Assertions.Expect(page.Locator("[data-testid=stage-sent] .mud-typography-h5")).ToHaveTextAsync("25", new LocatorAssertionsToHaveTextOptions { Timeout = 120_000 });
            await Assertions.Expect(page.Locator("[data-testid=campaign-sent-share]")).ToHaveTextAsync("25 of 25 sent");
            await Assertions.Expect(page.Locator("[data-testid=campaign-requests] tbody tr")).ToHaveCountAsync(25);
            await Assertions.Expect(page.Locator("[data-testid=checklist-summary]").First).ToContainTextAsync($"{RecordChecklists.AllKinds.Count} not yet addressed");
            await Browser.KeepAsync(page, "campaign-page");

            // Each request names its campaign and carries the checklist its letter listed.
            await page.Locator("[data-testid=campaign-requests] tbody tr a").First.ClickAsync();
            await Assertions.Expect(page.Locator("[data-testid=request-campaign]")).ToHaveTextAsync($"License-plate readers from {vendor}");
        }
        finally
        {
            await page.Context.CloseAsync();
        }

        // Each agency got one letter at its own address, and its own request under its state's law with that law's deadline.
        var letters = Letters(vendor);
        Assert.Equal(25, letters.Count);
        Assert.Equal(agencies.Values.Order(), letters.Select(m => m.To.Mailboxes.Single().Address).Order());
        await using var db = app.Database.CreateFactory().CreateDbContext().ViewAs(Viewer.System);
        var requests = await db.Requests.Include(r => r.Law).Include(r => r.Agency).Include(r => r.Deadlines).Include(r => r.Checklist)
            .Where(r => agencies.Keys.Contains(r.AgencyId)).AsSplitQuery().ToListAsync();
        Assert.Equal(25, requests.Count);
        foreach (var request in requests)
        {
            Assert.Equal("US-" + request.Agency.State, request.Law.Code);
            Assert.Equal(RequestStatus.Sent, request.Status);
            var law = await db.Laws.WithCalendar().SingleAsync(l => l.Id == request.LawId);
            var expected = StatutoryDeadlines.Response(law, await LawQueries.CalendarForAsync(db, law, request.AgencyId), request.ReceivedOn!.Value)!;
            Assert.Equal(expected.Due, Assert.Single(request.Deadlines, d => d.Kind == DeadlineKind.InitialResponse).DueOn);
            Assert.Contains(law.Citation, request.RequestText);
            Assert.Equal(RecordChecklists.AllKinds.Count, request.Checklist.Count);
        }
    }

    private List<MimeKit.MimeMessage> Letters(string vendor) =>
        [.. app.Mail.Messages().Where(m => m.TextBody?.Contains(vendor, StringComparison.Ordinal) == true)];

    /// <summary>Agencies under their state's law, each with a records address and a contract with the vendor: id to address.</summary>
    private async Task<Dictionary<Guid, string>> ArrangeAgenciesWithContractsAsync(string vendorName, params (string State, int Count)[] groups)
    {
        await using var db = app.Database.CreateFactory().CreateDbContext().ViewAs(Viewer.System);
        var vendor = new Vendor { Name = vendorName };
        db.Vendors.Add(vendor);
        var agencies = new Dictionary<Guid, string>();
        foreach (var (state, count) in groups)
        {
            var law = await db.Laws.SingleAsync(l => l.Code == "US-" + state);
            for (var i = 1; i <= count; i++)
            {
                var agency = new Agency
                {
                    Name = $"{state} Test Police Department {i} {vendorName[^6..]}",
                    Kind = AgencyKind.PoliceDepartment,
                    State = state,
                    LawId = law.Id,
                    RecordsEmail = $"records{i}.{state.ToLowerInvariant()}@{vendorName[^6..]}.example.gov",
                };
                db.Agencies.Add(agency);
                db.Contracts.Add(new Contract { Agency = agency, Vendor = vendor, Title = $"{vendorName} ALPR subscription", Status = ContractStatus.Active });
                agencies[agency.Id] = agency.RecordsEmail;
            }
        }

        await db.SaveChangesAsync();
        return agencies;
    }
}
