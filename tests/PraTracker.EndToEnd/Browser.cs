using Microsoft.Playwright;

namespace PraTracker.Tests;

/// <summary>Debian's Chromium driven by Playwright, headless; never a downloaded browser.</summary>
public sealed class Browser : IAsyncLifetime
{
    public const string ChromiumVariable = "PRATRACKER_CHROMIUM";

    private IPlaywright? _playwright;

    public IBrowser Chromium { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var executable = Environment.GetEnvironmentVariable(ChromiumVariable) is { Length: > 0 } configured ? configured : "/usr/bin/chromium";
        if (!File.Exists(executable))
        {
            throw new InvalidOperationException($"Chromium is not at {executable}. Run the tests with scripts/test.sh, which installs Debian's chromium package.");
        }

        _playwright = await Playwright.CreateAsync();
        Assertions.SetDefaultExpectTimeout(30_000);
        Chromium = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = executable,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run"],
        });
    }

    public async Task DisposeAsync()
    {
        if (Chromium is not null)
        {
            await Chromium.DisposeAsync();
        }

        _playwright?.Dispose();
    }

    /// <summary>Where screenshots and pages are kept: under the test output, so CI can keep them as artifacts.</summary>
    public static string ArtifactsFolder => Directory.CreateDirectory(Path.Combine(AppContext.BaseDirectory, "artifacts")).FullName;

    /// <summary>Keeps a screenshot and the HTML of the page as it is now, named for the step.</summary>
    public static async Task KeepAsync(IPage page, string name)
    {
        try
        {
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ArtifactsFolder, $"{name}.png"), FullPage = true });
            await File.WriteAllTextAsync(Path.Combine(ArtifactsFolder, $"{name}.html"), await page.ContentAsync());
        }
        catch (PlaywrightException)
        {
            // The page is gone (closed or crashed): nothing left to keep.
        }
    }

    /// <summary>A fresh page in its own context (its own cookies), optionally signed in through the sign-in form.</summary>
    public async Task<IPage> OpenAsync(IAppUnderTest app, bool signedIn)
    {
        var context = await Chromium.NewContextAsync(new BrowserNewContextOptions { BaseURL = app.BaseAddress.ToString(), ViewportSize = new ViewportSize { Width = 1400, Height = 1000 } });
        // Generous timeouts: CI runs the app, PostgreSQL and the browser on two cores.
        context.SetDefaultTimeout(60_000);
        var page = await context.NewPageAsync();
        if (signedIn)
        {
            await page.GotoAsync("/account/login");
            await page.FillAsync("#email", RunningApp.AdminEmail);
            await page.FillAsync("#password", RunningApp.AdminPassword);
            await page.ClickAsync("button[type=submit]");

            // Signed in once the app bar offers to sign out. Generous: the first sign-in after start-up hashes the
            // password while the app may still be warming up on a busy two-core machine.
            var signedOut = page.Locator("form[action='/account/logout'] button");
            try
            {
                await signedOut.WaitForAsync(new LocatorWaitForOptions { Timeout = 90_000 });
            }
            catch (TimeoutException e)
            {
                throw new InvalidOperationException($"Sign-in did not complete; the page is {page.Url}:\n{await page.Locator("body").InnerTextAsync()}\n{app.Log}", e);
            }
        }

        return page;
    }
}
