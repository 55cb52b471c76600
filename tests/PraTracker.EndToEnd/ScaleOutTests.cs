using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Npgsql;
using PraTracker.Data.Database;
using PraTracker.Data.Identity;

namespace PraTracker.Tests;

/// <summary>
/// Two processes of the app on 127.0.0.1, started at the same moment on one PostgreSQL database, one mail server and
/// one Redis server, as two instances behind a load balancer. Each has its own home and data folder, so nothing is
/// shared through the file system: only what the database (and Redis) carry.
/// </summary>
public sealed class TwoInstances : IAsyncLifetime
{
    private TestDatabase _database = null!;
    private readonly List<string> _folders = [];

    public AppProcess First { get; private set; } = null!;

    public AppProcess Second { get; private set; } = null!;

    public MailCatcher Mail { get; private set; } = null!;

    public RedisServer Redis { get; private set; } = null!;

    public DatabaseSettings Database => _database.Settings;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync(DatabaseProvider.Postgres);
        Mail = await MailCatcher.StartAsync();
        Redis = await RedisServer.StartAsync();
        var started = await Task.WhenAll(StartAsync(), StartAsync());
        (First, Second) = (started[0], started[1]);
    }

    public async Task DisposeAsync()
    {
        foreach (var instance in new[] { First, Second }.Where(i => i is not null))
        {
            await instance.DisposeAsync();
        }

        await Redis.DisposeAsync();
        await Mail.DisposeAsync();
        await _database.DisposeAsync();
        foreach (var folder in _folders)
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private Task<AppProcess> StartAsync()
    {
        var home = Directory.CreateTempSubdirectory("pratracker-instance-").FullName;
        _folders.Add(home);
        var settings = RunningApp.SettingsFor(_database, Mail);
        settings["HOME"] = home;
        settings["DataDirectory"] = Path.Combine(home, "data");
        settings["Jobs__WorkerCount"] = "2";
        settings["ConnectionStrings__Redis"] = Redis.ConnectionString;
        // Both instances scan for due alerts as soon as they start, and again every minute.
        settings["Reminders__StartupScanDelaySeconds"] = "0";
        settings["Reminders__Cron"] = "* * * * *";
        return AppProcess.StartAsync(settings);
    }
}

[Collection(AppCollection.Name)]
public sealed class ScaleOutTests(TwoInstances instances, Browser browser) : IClassFixture<TwoInstances>
{
    [Fact]
    public async Task A_user_signed_in_on_one_instance_is_signed_in_on_the_other()
    {
        var page = await browser.OpenAsync(instances.First, signedIn: true);
        try
        {
            // Cookies belong to the host, not the port, so the browser presents the first instance's cookie to the second.
            await page.GotoAsync(new Uri(instances.Second.BaseAddress, "/requests/new").ToString(), new PageGotoOptions { WaitUntil = WaitUntilState.NetworkIdle });
            Assert.StartsWith(instances.Second.BaseAddress.ToString(), page.Url, StringComparison.Ordinal);
            await Assertions.Expect(page.Locator("form[action='/account/logout'] button")).ToBeVisibleAsync();

            // The page is interactive on the second instance: its circuit runs there.
            await Pages.TypeAndPickAsync(page, "[data-testid=request-agency]", "Pasadena", "City of Pasadena");
            await page.Locator("[data-testid=request-title]").FillAsync("Pasadena police use of Spokeo");
            await Assertions.Expect(page.Locator("[data-testid=request-form]")).ToContainTextAsync("California Public Records Act");
            await Browser.KeepAsync(page, "scale-out-second-instance");

            // One data-protection key, made by whichever instance started first and read by both.
            await using var db = new PraTrackerDbContextFactory(instances.Database, TimeProvider.System).CreateDbContext().ViewAs(Viewer.System);
            Assert.Single(await db.DataProtectionKeys.ToListAsync());

            // SignalR's messages go through Redis when it is configured.
            Assert.Contains(await instances.Redis.SubscribedChannelsAsync(), c => c.StartsWith("PraTracker", StringComparison.Ordinal));
        }
        catch
        {
            await Browser.KeepAsync(page, "scale-out-failure");
            throw;
        }
        finally
        {
            await page.Context.CloseAsync();
        }
    }

    [Fact]
    public async Task The_reminder_scan_runs_on_both_instances_and_sends_each_e_mail_once()
    {
        await using var hangfire = new NpgsqlConnection(instances.Database.ConnectionString);
        await hangfire.OpenAsync();
        Assert.Equal(2L, await ScalarAsync(hangfire, "SELECT count(*) FROM hangfire.server"));

        // Each instance queued a scan at start-up and the recurring scan runs every minute: wait for three scans.
        var until = DateTime.UtcNow.AddSeconds(180);
        long scans;
        while ((scans = await ScalarAsync(hangfire, "SELECT count(*) FROM hangfire.job WHERE invocationdata::text LIKE '%ReminderScanJob%' AND statename = 'Succeeded'")) < 3
            && DateTime.UtcNow < until)
        {
            await Task.Delay(1000);
        }

        Assert.True(scans >= 3, $"Only {scans} alert scans succeeded within three minutes:\n{instances.First.Log}\n{instances.Second.Log}");

        await using var db = new PraTrackerDbContextFactory(instances.Database, TimeProvider.System).CreateDbContext().ViewAs(Viewer.System);
        var dispatches = await db.ReminderDispatches.ToListAsync();
        Assert.NotEmpty(dispatches);
        Assert.All(dispatches, d => Assert.NotNull(d.SentAt));

        // The demo data's alerts each went out in exactly one e-mail, however many scans ran on however many instances.
        var messages = instances.Mail.Messages();
        Assert.NotEmpty(messages);
        Assert.True(messages.Count <= dispatches.Count, $"{messages.Count} e-mails for {dispatches.Count} alerts");
        var duplicates = messages.GroupBy(m => (To: m.To.ToString(), m.Subject, m.TextBody)).Where(g => g.Count() > 1).Select(g => g.Key.Subject).ToList();
        Assert.Empty(duplicates);
    }

    private static async Task<long> ScalarAsync(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        return Convert.ToInt64(await command.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
    }
}
