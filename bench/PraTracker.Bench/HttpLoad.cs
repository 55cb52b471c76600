using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using PraTracker.Data.Database;
using PraTracker.Data.Identity;

namespace PraTracker.Bench;

/// <summary>
/// Public pages under load: 50 clients in this process, each sending its next request as soon as the last one
/// answered, against the app in its own process, for a fixed time after a warm-up.
/// </summary>
public static class HttpLoad
{
    public const int Clients = 50;
    private const double TargetPerSecond = 500;
    private static readonly TimeSpan WarmUp = TimeSpan.FromSeconds(3);
    private static readonly TimeSpan Duration = TimeSpan.FromSeconds(15);

    public static async Task<IReadOnlyList<Measurement>> RunAsync(AppProcess app, PraTrackerDbContextFactory factory, TextWriter log)
    {
        Guid documentId;
        await using (var db = factory.CreateDbContext().ViewAs(Viewer.Anonymous))
        {
            // A typical published document: the median text length, not the longest.
            documentId = await db.Documents.OrderBy(d => d.ExtractedText!.Length).Skip(await db.Documents.CountAsync() / 2).Select(d => d.Id).FirstAsync();
        }

        var results = new List<Measurement>();
        foreach (var (name, path) in new[] { ("public home page", "/"), ("a published document's page", $"/documents/{documentId}") })
        {
            var (perSecond, timings, failures) = await LoadAsync(new Uri(app.BaseAddress, path));
            var figures = $"{perSecond:F0} requests/s, {timings} ({timings.Count:N0} requests, {failures} failed)";
            log.WriteLine($"  HTTP / {name}: {figures}");
            results.Add(new Measurement($"Public pages over HTTP, {Clients} concurrent clients", name, figures, null,
                $"at least {TargetPerSecond:F0} requests/s", perSecond >= TargetPerSecond && failures == 0));
        }

        return results;
    }

    private static async Task<(double PerSecond, Timings Timings, int Failures)> LoadAsync(Uri url)
    {
        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = Clients, PooledConnectionLifetime = TimeSpan.FromMinutes(5) })
        {
            Timeout = TimeSpan.FromSeconds(30),
        };
        await RunClientsAsync(http, url, WarmUp, new Timings());

        var timings = new Timings();
        var watch = Stopwatch.StartNew();
        var failures = await RunClientsAsync(http, url, Duration, timings);
        return (timings.Count / watch.Elapsed.TotalSeconds, timings, failures);
    }

    private static async Task<int> RunClientsAsync(HttpClient http, Uri url, TimeSpan duration, Timings timings)
    {
        var until = Stopwatch.GetTimestamp() + (long)(duration.TotalSeconds * Stopwatch.Frequency);
        var failures = 0;
        await Task.WhenAll(Enumerable.Range(0, Clients).Select(_ => Task.Run(async () =>
        {
            while (Stopwatch.GetTimestamp() < until)
            {
                var watch = Stopwatch.StartNew();
                try
                {
                    using var response = await http.GetAsync(url, HttpCompletionOption.ResponseContentRead);
                    if (!response.IsSuccessStatusCode)
                    {
                        Interlocked.Increment(ref failures);
                    }
                }
                catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
                {
                    Interlocked.Increment(ref failures); // refused or timed out: counted, and the run goes on
                }

                timings.Add(watch.Elapsed);
            }
        })));
        return failures;
    }
}
