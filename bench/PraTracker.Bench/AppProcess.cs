using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace PraTracker.Bench;

/// <summary>The real app, started as its own process in Production on 127.0.0.1 over the benchmark database.</summary>
public sealed class AppProcess : IAsyncDisposable
{
    private readonly Process _process;

    private AppProcess(Process process, Uri baseAddress)
    {
        _process = process;
        BaseAddress = baseAddress;
    }

    public Uri BaseAddress { get; }

    /// <summary>The app's resident memory, from /proc: what the machine actually gives it.</summary>
    public long ResidentBytes
    {
        get
        {
            var line = File.ReadLines($"/proc/{_process.Id}/status").First(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
            return long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) * 1024;
        }
    }

    /// <summary>
    /// Has the app run a full, blocking garbage collection, the way dotnet-gcdump does (an EventPipe session asking
    /// for a GC heap collection), so that its resident memory holds what is alive rather than what awaits collection.
    /// </summary>
    public async Task CollectGarbageAsync()
    {
        var client = new Microsoft.Diagnostics.NETCore.Client.DiagnosticsClient(_process.Id);
        const long gcHeapCollect = 0x800000;
        using var session = client.StartEventPipeSession(
            new Microsoft.Diagnostics.NETCore.Client.EventPipeProvider("Microsoft-Windows-DotNETRuntime", System.Diagnostics.Tracing.EventLevel.Informational, gcHeapCollect | 0x1),
            requestRundown: false);
        var drain = Task.Run(async () =>
        {
            var buffer = new byte[81920];
            while (await session.EventStream.ReadAsync(buffer) > 0)
            {
                // The events themselves are not needed; the stream must be read for the session to proceed.
            }
        });
        await Task.Delay(TimeSpan.FromSeconds(3));
        await session.StopAsync(CancellationToken.None);
        await drain.WaitAsync(TimeSpan.FromSeconds(10));
    }

    public static async Task<AppProcess> StartAsync(string appPath, string connectionString, TextWriter log, IReadOnlyDictionary<string, string>? environment = null)
    {
        var port = FreePort();
        var baseAddress = new Uri($"http://127.0.0.1:{port}/");
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = Path.GetDirectoryName(Path.GetFullPath(appPath))!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.GetFullPath(appPath));
        start.ArgumentList.Add("--urls");
        start.ArgumentList.Add(baseAddress.ToString());
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        // Production answers plain HTTP with a 400 unless told it sits behind nothing: the load is on loopback.
        start.Environment["Security__HttpsOnly"] = "false";
        start.Environment["ConnectionStrings__Postgres"] = connectionString;
        start.Environment["DataDirectory"] = Directory.CreateTempSubdirectory("pratracker-bench-app").FullName;
        start.Environment["Demo__Seed"] = "false";
        start.Environment["Admin__Email"] = "admin@bench.example";
        start.Environment["Admin__Password"] = "Bench-Admin-Password-2026";
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[key] = value;
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {appPath}.");
        var output = new System.Collections.Concurrent.ConcurrentQueue<string>();
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) { output.Enqueue(e.Data); } };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) { output.Enqueue(e.Data); } };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var until = DateTime.UtcNow.AddMinutes(3);
        while (DateTime.UtcNow < until)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"The app exited with code {process.ExitCode}:\n{string.Join('\n', output)}");
            }

            try
            {
                if ((await http.GetAsync(new Uri(baseAddress, "/healthz"))).StatusCode == HttpStatusCode.OK)
                {
                    log.WriteLine($"The app is running at {baseAddress} (process {process.Id})");
                    return new AppProcess(process, baseAddress);
                }
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                // Not listening yet.
            }

            await Task.Delay(500);
        }

        process.Kill(entireProcessTree: true);
        throw new TimeoutException($"The app did not answer /healthz within 3 minutes:\n{string.Join('\n', output)}");
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
