using System.Diagnostics;
using System.Net;
using System.Text;
using PraTracker.Data.Database;

namespace PraTracker.Tests;

/// <summary>
/// The real app, started as its own process on 127.0.0.1 and a free port, on a fresh PostgreSQL database with the
/// demo data, and stopped (with its database dropped) when the tests are done.
/// </summary>
public class RunningApp : IAsyncLifetime
{
    public const string AdminEmail = "admin@pratracker.local";
    public const string AdminPassword = "Correct-Horse-Battery-42";

    /// <summary>The app's size limit for an uploaded file, small so an oversized file is quick to send.</summary>
    public const int DocumentLimitMegabytes = 2;

    private readonly StringBuilder _log = new();
    private TestDatabase _database = null!;
    private Process? _process;

    public Uri BaseAddress { get; private set; } = null!;

    /// <summary>The real SMTP server the app sends its e-mail to.</summary>
    public MailCatcher Mail { get; private set; } = null!;

    /// <summary>What the app wrote to its console, for a failure message.</summary>
    public string Log
    {
        get
        {
            lock (_log)
            {
                return _log.ToString();
            }
        }
    }

    /// <summary>Settings (as environment variables) a variant of the app adds to, or changes in, the ones every test app gets.</summary>
    protected virtual IReadOnlyDictionary<string, string> Settings { get; } = new Dictionary<string, string>();

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync(DatabaseProvider.Postgres);
        Mail = await MailCatcher.StartAsync();
        var port = LocalMachine.FreePort();
        BaseAddress = new Uri($"http://127.0.0.1:{port}");
        var webProject = Path.Combine(LocalMachine.RepositoryRoot(), "src", "PraTracker.Web");
        var configuration = new DirectoryInfo(AppContext.BaseDirectory).Parent!.Name; // bin/<Configuration>/net10.0/
        var app = Path.Combine(webProject, "bin", configuration, "net10.0", "PraTracker.Web.dll");
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            WorkingDirectory = webProject,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(app);
        start.ArgumentList.Add("--urls");
        start.ArgumentList.Add(BaseAddress.ToString());
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        start.Environment["ConnectionStrings__Postgres"] = _database.Settings.ConnectionString;
        start.Environment["DataDirectory"] = _database.Settings.DataDirectory;
        start.Environment["Demo__Seed"] = "true";
        start.Environment["Admin__Email"] = AdminEmail;
        start.Environment["Admin__Password"] = AdminPassword;
        start.Environment["Jobs__WorkerCount"] = "1";
        start.Environment["Security__SignInAttemptsPerMinute"] = "100000"; // every test signs in from 127.0.0.1
        start.Environment["Api__RequestsPerMinute"] = "100000"; // and calls the API from there
        start.Environment["Documents__MaxFileMegabytes"] = DocumentLimitMegabytes.ToString(System.Globalization.CultureInfo.InvariantCulture);
        start.Environment["Smtp__Host"] = "127.0.0.1";
        start.Environment["Smtp__Port"] = Mail.Port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        start.Environment["App__BaseUrl"] = BaseAddress.ToString();
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        foreach (var (key, value) in Settings)
        {
            start.Environment[key] = value;
        }

        _process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {app}.");
        _process.OutputDataReceived += (_, e) => Append(e.Data);
        _process.ErrorDataReceived += (_, e) => Append(e.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();

        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var until = DateTime.UtcNow.AddSeconds(120);
        while (DateTime.UtcNow < until)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"The app exited with code {_process.ExitCode}:\n{Log}");
            }

            try
            {
                if ((await http.GetAsync(new Uri(BaseAddress, "/healthz"))).StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            catch (TaskCanceledException)
            {
                // Still starting.
            }

            await Task.Delay(250);
        }

        throw new TimeoutException($"The app did not answer /healthz within 120 seconds:\n{Log}");
    }

    public async Task DisposeAsync()
    {
        if (_process is { HasExited: false })
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process?.Dispose();
        await _database.DisposeAsync();
        await Mail.DisposeAsync();
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_log)
        {
            _log.AppendLine(line);
        }
    }
}
