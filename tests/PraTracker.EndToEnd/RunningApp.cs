using System.Globalization;
using PraTracker.Data.Database;

namespace PraTracker.Tests;

/// <summary>
/// The real app, started as its own process on 127.0.0.1 and a free port, on a fresh PostgreSQL database with the
/// demo data, and stopped (with its database dropped) when the tests are done.
/// </summary>
public class RunningApp : IAppUnderTest, IAsyncLifetime
{
    public const string AdminEmail = "admin@pratracker.local";
    public const string AdminPassword = "Correct-Horse-Battery-42";

    /// <summary>The app's size limit for an uploaded file, small so an oversized file is quick to send.</summary>
    public const int DocumentLimitMegabytes = 2;

    private TestDatabase _database = null!;
    private AppProcess? _process;

    public Uri BaseAddress => Process.BaseAddress;

    /// <summary>The app's database, for a test to arrange what would take too long through the pages.</summary>
    public TestDatabase Database => _database;

    /// <summary>The real SMTP server the app sends its e-mail to.</summary>
    public MailCatcher Mail { get; private set; } = null!;

    /// <summary>What the app wrote to its console, for a failure message.</summary>
    public string Log => _process?.Log ?? "";

    private AppProcess Process => _process ?? throw new InvalidOperationException("The app is not started.");

    /// <summary>Settings (as environment variables) a variant of the app adds to, or changes in, the ones every test app gets.</summary>
    protected virtual IReadOnlyDictionary<string, string> Settings { get; } = new Dictionary<string, string>();

    public async Task InitializeAsync()
    {
        await StartServersAsync();
        _database = await TestDatabase.CreateAsync(DatabaseProvider.Postgres);
        Mail = await MailCatcher.StartAsync();
        var settings = SettingsFor(_database, Mail);
        foreach (var (key, value) in Settings)
        {
            settings[key] = value;
        }

        _process = await AppProcess.StartAsync(settings);
    }

    public async Task DisposeAsync()
    {
        if (_process is not null)
        {
            await _process.DisposeAsync();
        }

        await _database.DisposeAsync();
        await Mail.DisposeAsync();
        await StopServersAsync();
    }

    /// <summary>Starts further servers the app is to use (an IMAP server), before its settings are read.</summary>
    protected virtual Task StartServersAsync() => Task.CompletedTask;

    protected virtual Task StopServersAsync() => Task.CompletedTask;

    /// <summary>The settings, as environment variables, of every app process the tests start on a database.</summary>
    public static Dictionary<string, string> SettingsFor(TestDatabase database, MailCatcher mail) => new()
    {
        ["ASPNETCORE_ENVIRONMENT"] = "Development",
        ["ConnectionStrings__Postgres"] = database.Settings.ConnectionString,
        ["DataDirectory"] = database.Settings.DataDirectory,
        ["Demo__Seed"] = "true",
        ["Admin__Email"] = AdminEmail,
        ["Admin__Password"] = AdminPassword,
        ["Jobs__WorkerCount"] = "1",
        ["Security__SignInAttemptsPerMinute"] = "100000", // every test signs in from 127.0.0.1
        ["Api__RequestsPerMinute"] = "100000", // and calls the API from there
        ["Documents__MaxFileMegabytes"] = DocumentLimitMegabytes.ToString(CultureInfo.InvariantCulture),
        ["Smtp__Host"] = "127.0.0.1",
        ["Smtp__Port"] = mail.Port.ToString(CultureInfo.InvariantCulture),
        ["Logging__LogLevel__Default"] = "Warning",
    };
}
