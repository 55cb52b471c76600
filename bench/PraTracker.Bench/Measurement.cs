using System.Diagnostics;

namespace PraTracker.Bench;

/// <summary>One line of the results table: what was measured, its figures, and the target it is held to.</summary>
/// <param name="Group">The benchmark section (reminders, requests list, dashboard, search, HTTP, circuits).</param>
/// <param name="Figures">The measured values, already formatted ("p50 4.1 ms, p95 6.3 ms").</param>
/// <param name="Ratio">The app's p50 over the hand-written SQL's p50, where there is one.</param>
/// <param name="Met">Whether the target was met; null where the line has no target.</param>
/// <param name="Plans">Where a query missed its target: its SQL and PostgreSQL's EXPLAIN ANALYZE of it.</param>
public sealed record Measurement(string Group, string Name, string Figures, double? Ratio, string Target, bool? Met, string? Plans = null);

/// <summary>Latencies of repeated runs, with percentiles.</summary>
public sealed class Timings
{
    private readonly List<double> _milliseconds = [];

    public int Count => _milliseconds.Count;

    public double P50 => Percentile(0.50);
    public double P95 => Percentile(0.95);
    public double Max => _milliseconds.Count == 0 ? 0 : _milliseconds.Max();

    public void Add(TimeSpan elapsed)
    {
        lock (_milliseconds)
        {
            _milliseconds.Add(elapsed.TotalMilliseconds);
        }
    }

    /// <summary>Runs <paramref name="work"/> a few times to warm up, then <paramref name="iterations"/> times measured.</summary>
    public static async Task<Timings> OfAsync(int iterations, Func<Task> work)
    {
        for (var i = 0; i < 3; i++)
        {
            await work();
        }

        var timings = new Timings();
        for (var i = 0; i < iterations; i++)
        {
            var watch = Stopwatch.StartNew();
            await work();
            timings.Add(watch.Elapsed);
        }

        return timings;
    }

    public double Percentile(double share)
    {
        lock (_milliseconds)
        {
            if (_milliseconds.Count == 0)
            {
                return 0;
            }

            var sorted = _milliseconds.Order().ToList();
            var rank = (int)Math.Ceiling(share * sorted.Count) - 1;
            return sorted[Math.Clamp(rank, 0, sorted.Count - 1)];
        }
    }

    public override string ToString() => $"p50 {P50:F1} ms, p95 {P95:F1} ms";
}
