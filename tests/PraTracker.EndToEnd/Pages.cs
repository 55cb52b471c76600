using Microsoft.Playwright;

namespace PraTracker.Tests;

/// <summary>Steps several journeys take in the same way, as an attorney does them in the browser.</summary>
public static class Pages
{
    /// <summary>Adds a California agency through its form and waits for its page.</summary>
    public static async Task AddCaliforniaAgencyAsync(IPage page, string name)
    {
        await page.GotoAsync("/agencies/new", new PageGotoOptions { WaitUntil = WaitUntilState.NetworkIdle });
        await page.Locator("[data-testid=agency-name]").FillAsync(name);
        await page.Locator("[data-testid=agency-state]").FillAsync("CA");
        await page.ClickAsync("[data-testid=agency-law]");
        await PickAsync(page, "California");
        await page.ClickAsync("[data-testid=agency-save]");
        await page.WaitForURLAsync(url => url.Contains("/agencies/", StringComparison.Ordinal) && !url.EndsWith("/new", StringComparison.Ordinal));
    }

    /// <summary>
    /// Types into an autocomplete and picks the item. Text typed before the page is interactive is lost when its
    /// circuit takes over (it happens on a loaded machine), so the typing is repeated until the list answers.
    /// </summary>
    public static async Task TypeAndPickAsync(IPage page, string field, string typed, string item)
    {
        var choice = page.Locator(".mud-popover-open .mud-list-item", new PageLocatorOptions { HasText = item }).First;
        for (var attempt = 1; ; attempt++)
        {
            await page.Locator(field).FillAsync(typed);
            try
            {
                await choice.WaitForAsync(new LocatorWaitForOptions { Timeout = 10_000 });
                break;
            }
            catch (TimeoutException) when (attempt < 6)
            {
                await page.Locator(field).FillAsync("");
            }
        }

        await choice.ClickAsync();
    }

    /// <summary>
    /// Fills a text field and leaves it, so its value reaches the server, then checks it is still there: a render the
    /// server sends for an earlier step (a pick in a list, on a loaded machine) can overwrite what was typed before it
    /// left the browser, so the filling is repeated until it holds.
    /// </summary>
    public static async Task FillAndKeepAsync(ILocator field, string text)
    {
        for (var attempt = 1; ; attempt++)
        {
            await field.FillAsync(text);
            await field.PressAsync("Tab");
            try
            {
                await Assertions.Expect(field).ToHaveValueAsync(text, new LocatorAssertionsToHaveValueOptions { Timeout = 2_000 });
                await Task.Delay(300);
                await Assertions.Expect(field).ToHaveValueAsync(text, new LocatorAssertionsToHaveValueOptions { Timeout = 2_000 });
                return;
            }
            catch (PlaywrightException) when (attempt < 5)
            {
            }
        }
    }

    /// <summary>Chooses the first item with the text in the open drop-down or autocomplete list.</summary>
    public static Task PickAsync(IPage page, string text) =>
        page.Locator(".mud-popover-open .mud-list-item", new PageLocatorOptions { HasText = text }).First.ClickAsync();
}
