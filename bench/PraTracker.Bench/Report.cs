using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;
using PraTracker.Data.Database;

namespace PraTracker.Bench;

/// <summary>The results as a Markdown table, and the report docs/performance.md is built from.</summary>
public static class Report
{
    public static string Table(IEnumerable<Measurement> results)
    {
        var text = new StringBuilder("| area | case | measured | app/raw | target | met |\n| --- | --- | --- | ---: | --- | :---: |\n");
        foreach (var r in results)
        {
            var ratio = r.Ratio is { } value ? value.ToString("F2", CultureInfo.InvariantCulture) : "";
            var met = r.Met switch { true => "yes", false => "**no**", null => "" };
            text.Append($"| {r.Group} | {r.Name} | {r.Figures} | {ratio} | {r.Target} | {met} |\n");
        }

        return text.ToString();
    }

    public static async Task<string> DocumentAsync(BenchOptions options, PraTrackerDbContextFactory factory, IReadOnlyList<Measurement> results, TimeSpan elapsed)
    {
        var text = new StringBuilder();
        text.Append($"Run on {DateTimeOffset.UtcNow:yyyy-MM-dd HH:mm} UTC, scale {options.Scale.ToString(CultureInfo.InvariantCulture)}, {elapsed:mm\\:ss} in all.\n\n");
        text.Append($"Machine: {Environment.ProcessorCount} cores ({CpuModel()}), {MemoryGiB():F0} GiB memory, {RuntimeInformation.OSDescription}, .NET {Environment.Version}.\n\n");
        text.Append(await DataSetStore.DescribeAsync(factory)).Append('\n');
        text.Append(Table(results));
        foreach (var missed in results.Where(r => r.Plans is not null))
        {
            text.Append($"\n### Plan: {missed.Group}, {missed.Name}\n\n```\n{missed.Plans}\n```\n");
        }

        return text.ToString();
    }

    private static string CpuModel() =>
        File.Exists("/proc/cpuinfo")
            ? File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal))?.Split(':', 2)[1].Trim() ?? "unknown CPU"
            : "unknown CPU";

    private static double MemoryGiB() => GC.GetGCMemoryInfo().TotalAvailableMemoryBytes / (1024.0 * 1024 * 1024);
}
