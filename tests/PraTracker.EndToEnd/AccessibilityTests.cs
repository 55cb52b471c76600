using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace PraTracker.Tests;

/// <summary>
/// Every page, as visitors and as attorneys see it, checked with axe-core in Chromium: no serious or critical
/// violation (WCAG 2.1 A and AA rules), because many legal and newsroom users rely on screen readers and keyboards.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class AccessibilityTests(RunningApp app, Browser browser)
{
    public static TheoryData<string> PublicPages() =>
    [
        "/", "/requests", "/agencies", "/vendors", "/contracts", "/documents", "/deadlines/calculator", "/api", "/account/login", "/account/invitation?token=none",
        "first:/requests:/requests/", "first:/agencies:/agencies/", "first:/vendors:/vendors/", "first:/contracts:/contracts/",
        "/search", "/search?q=clearview", "first:/search?sort=newest:/documents/",
        "/agencies/responses", "/vendors/map", "first:/vendors/map:/vendors/map?vendor=",
        "/campaigns", "/exemptions", "/coverage", "/coverage?technology=face-recognition",
    ];

    public static TheoryData<string> StaffPages() =>
    [
        "/dashboard", "/account/alerts", "/account/two-factor", "/requests", "/requests/new", "/agencies/new", "/vendors/new", "/contracts/new", "/admin", "/admin/laws",
        "/admin/laws/US-CA", "/admin/calendars/US-CA", "first:/requests:/requests/", "first:/agencies:/agencies/",
        "/search?q=clearview", "first:/search?q=roster:/documents/", "/agencies/responses",
        "/campaigns", "/campaigns/new", "/exemptions", "/exemptions/new",
    ];

    [Theory]
    [MemberData(nameof(PublicPages))]
    public async Task A_visitors_page_has_no_serious_accessibility_violations(string page) =>
        await CheckAsync(await browser.OpenAsync(app, signedIn: false), page);

    [Theory]
    [MemberData(nameof(StaffPages))]
    public async Task An_attorneys_page_has_no_serious_accessibility_violations(string page) =>
        await CheckAsync(await browser.OpenAsync(app, signedIn: true), page);

    // "first:/list:/prefix/" opens the list and follows its first link to a detail page.
    private static async Task CheckAsync(IPage page, string target)
    {
        // The page must also run under the app's Content-Security-Policy: Chromium reports anything it blocks.
        var blocked = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Text.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase))
            {
                blocked.Add(message.Text);
            }
        };
        try
        {
            var path = target;
            if (target.StartsWith("first:", StringComparison.Ordinal))
            {
                var parts = target.Split(':');
                await OpenAsync(page, parts[1]);
                // Not the list's own links to a new record, the comparison of agencies or the vendor map: a record.
                path = await page.Locator($"main a[href^='{parts[2]}']:not([href$='/new']):not([href$='/responses']):not([href$='/map'])").First.GetAttributeAsync("href")
                    ?? throw new InvalidOperationException($"{parts[1]} lists no link to {parts[2]}...");
            }

            await OpenAsync(page, path);
            var results = await page.RunAxe(new AxeRunOptions
            {
                RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] },
            });
            var serious = results.Violations.Where(v => v.Impact is "serious" or "critical").ToList();
            Assert.True(serious.Count == 0, $"{path}:\n" + string.Join("\n", serious.Select(v =>
                $"- {v.Id} ({v.Impact}): {v.Help}\n    {string.Join("\n    ", v.Nodes.Take(5).Select(n => n.Target.ToString() + "  " + n.Html))}")));
            Assert.True(blocked.Count == 0, $"{path} broke the Content-Security-Policy:\n" + string.Join("\n", blocked));
        }
        finally
        {
            await page.Context.CloseAsync();
        }
    }

    private static async Task OpenAsync(IPage page, string path)
    {
        await page.GotoAsync(path, new PageGotoOptions { WaitUntil = WaitUntilState.NetworkIdle });

        // Interactive pages render their data once the circuit is up; wait for any progress bar to go.
        await page.WaitForTimeoutAsync(800);
        await page.Locator(".mud-progress-linear").WaitForAsync(new LocatorWaitForOptions { State = WaitForSelectorState.Detached, Timeout = 15000 });
    }
}
