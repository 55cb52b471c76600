using System.Globalization;

namespace PraTracker.Bench;

/// <summary>The benchmark's command line.</summary>
public sealed record BenchOptions(
    double Scale, string ServerConnection, string Database, bool Regenerate, bool GenerateOnly, string? AppPath, string? ReportPath, int Iterations, int Circuits)
{
    public const string Usage = """
        PraTracker benchmark: generates the national-campaign data set into PostgreSQL and measures the app on it.

          --scale <fraction>      share of the full data set (default 1; 0.1 is the quick run)
          --connection <string>   a PostgreSQL server the benchmark may create databases on
                                  (default: the PRATRACKER_POSTGRES environment variable, which bench/run.sh sets)
          --database <name>       the database to fill and measure (default pratracker_bench_<scale>)
          --regenerate            drop and regenerate the database even when it already holds the data set
          --generate-only         stop once the data set is ready
          --app <path>            PraTracker.Web.dll, for the HTTP and circuit measurements (skipped without it)
          --report <file>         also write the results as a Markdown table to this file
          --iterations <n>        runs of each query measurement (default 40)
          --circuits <n>          Blazor circuits to open for the memory measurement (default 200)
        """;

    public static BenchOptions Parse(string[] args)
    {
        var values = new Dictionary<string, string>();
        var flags = new HashSet<string>();
        for (var i = 0; i < args.Length; i++)
        {
            if (args[i] is "--regenerate" or "--generate-only")
            {
                flags.Add(args[i]);
            }
            else if (args[i].StartsWith("--", StringComparison.Ordinal) && i + 1 < args.Length)
            {
                values[args[i]] = args[++i];
            }
            else
            {
                throw new ArgumentException($"Unknown argument '{args[i]}'.\n\n{Usage}");
            }
        }

        var scale = double.Parse(values.GetValueOrDefault("--scale", "1"), CultureInfo.InvariantCulture);
        if (scale is <= 0 or > 1)
        {
            throw new ArgumentException("--scale must be more than 0 and at most 1.");
        }

        var connection = values.GetValueOrDefault("--connection") ?? Environment.GetEnvironmentVariable("PRATRACKER_POSTGRES")
            ?? throw new ArgumentException($"No PostgreSQL server: pass --connection or set PRATRACKER_POSTGRES.\n\n{Usage}");
        var database = values.GetValueOrDefault("--database", $"pratracker_bench_{scale.ToString("0.###", CultureInfo.InvariantCulture).Replace('.', '_')}");
        return new BenchOptions(
            scale, connection, database, flags.Contains("--regenerate"), flags.Contains("--generate-only"), values.GetValueOrDefault("--app"), values.GetValueOrDefault("--report"),
            int.Parse(values.GetValueOrDefault("--iterations", "40"), CultureInfo.InvariantCulture),
            int.Parse(values.GetValueOrDefault("--circuits", "200"), CultureInfo.InvariantCulture));
    }
}
