using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using PraTracker.Bench;
using PraTracker.Data.Database;
using PraTracker.Data.Deadlines;
using PraTracker.Data.Identity;

BenchOptions options;
try
{
    options = BenchOptions.Parse(args);
}
catch (Exception e) when (e is ArgumentException or FormatException)
{
    Console.Error.WriteLine(e.Message);
    return 2;
}

var total = Stopwatch.StartNew();
var size = new DataSetSize(options.Scale);
var connection = new NpgsqlConnectionStringBuilder(options.ServerConnection) { Database = options.Database, CommandTimeout = 0 }.ConnectionString;
var settings = new DatabaseSettings(DatabaseProvider.Postgres, connection, Path.Combine(Path.GetTempPath(), "pratracker-bench"));
var factory = new PraTrackerDbContextFactory(settings, TimeProvider.System);

Console.WriteLine($"PraTracker benchmark at scale {options.Scale} on database {options.Database}");
if (await DataSetStore.PrepareAsync(options, factory, Console.Out))
{
    Console.WriteLine("Generating the data set:");
    await new DataSetGenerator(size, factory.CreateDbContext, Console.Out).GenerateAsync();
    await DataSetStore.MarkCompleteAsync(factory);
}

Console.WriteLine(await DataSetStore.DescribeAsync(factory));
if (options.GenerateOnly)
{
    return 0;
}

var results = new List<Measurement>();
results.AddRange(await new QueryBenchmarks(factory, size, options.Iterations, Console.Out).RunAsync());
if (options.AppPath is { } app)
{
    await using (var server = await AppProcess.StartAsync(app, connection, Console.Out))
    {
        results.AddRange(await HttpLoad.RunAsync(server, factory, Console.Out));
    }

    // A fresh process for the memory reading, with workstation GC: server GC sizes its heaps by the cores and the
    // load, not by what is alive, and would bury the circuits' memory under its own budget.
    await using (var server = await AppProcess.StartAsync(app, connection, Console.Out, CircuitMemory.Environment))
    {
        results.Add(await CircuitMemory.MeasureAsync(server, options.Circuits, Console.Out));
    }
}

var table = Report.Table(results);
Console.WriteLine();
Console.WriteLine(table);
if (options.ReportPath is { } report)
{
    await File.WriteAllTextAsync(report, await Report.DocumentAsync(options, factory, results, total.Elapsed));
    Console.WriteLine($"Written to {report}");
}

var missed = results.Count(r => r.Met == false);
Console.WriteLine($"Benchmark finished in {total.Elapsed:mm\\:ss}: {results.Count(r => r.Met is not null) - missed} targets met, {missed} missed (see docs/performance.md).");
return 0;
