using Microsoft.Playwright;

namespace PraTracker.Bench;

/// <summary>
/// Server memory per idle Blazor circuit: Debian's Chromium opens the public home page (an interactive page, so each
/// tab holds a circuit) in many tabs, and the app's resident memory is read before and after.
/// </summary>
public static class CircuitMemory
{
    private const double TargetBytes = 250 * 1024;

    /// <summary>How the app is run for this reading: workstation GC, so resident memory follows what is alive.</summary>
    public static readonly IReadOnlyDictionary<string, string> Environment = new Dictionary<string, string> { ["DOTNET_gcServer"] = "0" };
    private const int OpenAtOnce = 16;

    public static async Task<Measurement> MeasureAsync(AppProcess app, int circuits, TextWriter log)
    {
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = "/usr/bin/chromium",
            Headless = true,
            // Tabs share a few renderer processes, so 200 of them fit on a small machine.
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--no-first-run", "--renderer-process-limit=4"],
        });
        var context = await browser.NewContextAsync();

        // One circuit first, so what the first one costs (compiled pages, caches, pools) is not counted per circuit.
        await OpenAsync(context, app.BaseAddress);
        await Task.Delay(TimeSpan.FromSeconds(5));
        await app.CollectGarbageAsync();
        var before = app.ResidentBytes;

        for (var opened = 1; opened < circuits + 1; opened += OpenAtOnce)
        {
            await Task.WhenAll(Enumerable.Range(0, Math.Min(OpenAtOnce, circuits + 1 - opened)).Select(_ => OpenAsync(context, app.BaseAddress)));
        }

        await Task.Delay(TimeSpan.FromSeconds(10));
        await app.CollectGarbageAsync();
        var after = app.ResidentBytes;
        var perCircuit = (after - before) / (double)circuits;
        var figures = $"{perCircuit / 1024:F0} KB per circuit (resident memory {before / 1048576.0:F0} MB with 1 circuit, {after / 1048576.0:F0} MB with {circuits + 1})";
        log.WriteLine($"  Circuits: {figures}");
        return new Measurement("Blazor circuits", $"{circuits} idle circuits on the public home page", figures, null, "under 250 KB per idle circuit", perCircuit < TargetBytes);
    }

    private static async Task OpenAsync(IBrowserContext context, Uri baseAddress)
    {
        var page = await context.NewPageAsync();
        // The circuit is up once Blazor's WebSocket has carried the server's first message.
        var firstMessage = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        page.WebSocket += (_, socket) => socket.FrameReceived += (_, _) => firstMessage.TrySetResult();
        await page.GotoAsync(baseAddress.ToString(), new PageGotoOptions { WaitUntil = WaitUntilState.Load, Timeout = 120_000 });
        await firstMessage.Task.WaitAsync(TimeSpan.FromMinutes(2));
    }
}
