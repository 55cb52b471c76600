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

    /// <summary>A fresh page in its own context (its own cookies), optionally signed in through the sign-in form.</summary>
    public async Task<IPage> OpenAsync(RunningApp app, bool signedIn)
    {
        var context = await Chromium.NewContextAsync(new BrowserNewContextOptions { BaseURL = app.BaseAddress.ToString(), ViewportSize = new ViewportSize { Width = 1400, Height = 1000 } });
        var page = await context.NewPageAsync();
        if (signedIn)
        {
            await page.GotoAsync("/account/login");
            await page.FillAsync("#email", RunningApp.AdminEmail);
            await page.FillAsync("#password", RunningApp.AdminPassword);
            await page.ClickAsync("button[type=submit]");
            await page.WaitForURLAsync(url => !url.Contains("/account/login", StringComparison.Ordinal));
        }

        return page;
    }
}
