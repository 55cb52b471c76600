using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;
using MimeKit;
using PraTracker.Data;
using PraTracker.Data.Agencies;
using PraTracker.Data.Contracts;
using PraTracker.Data.Database;
using PraTracker.Data.Deadlines;
using PraTracker.Data.Identity;
using PraTracker.Data.Requests;
using PraTracker.Jobs;
using PraTracker.Jobs.Alerts;

namespace PraTracker.Tests;

/// <summary>
/// The alert scan against each database and a real SMTP server: exactly one e-mail per alert, across scans, restarts,
/// crashed senders and two instances at once; digests at the chosen hour; contract alerts to followers.
/// </summary>
public abstract class ReminderScanJobTests(DatabaseProvider provider) : IAsyncLifetime
{
    // Tuesday 2026-03-10, noon in Los Angeles.
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 3, 10, 19, 0, 0, TimeSpan.Zero));
    private TestDatabase _database = null!;
    private MailCatcher _mail = null!;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync(provider);
        _mail = await MailCatcher.StartAsync();
        using var host = BuildHost();
        await using var db = Open(host);
        await db.Database.MigrateAsync();
        await ReferenceDataSeeder.SeedAsync(db);
    }

    public async Task DisposeAsync()
    {
        await _mail.DisposeAsync();
        await _database.DisposeAsync();
    }

    [Fact]
    public async Task A_deadline_two_days_out_sends_exactly_one_e_mail_across_scans_and_a_restart()
    {
        var (reference, user) = await RequestDueAsync(new DateOnly(2026, 3, 12));

        using (var host = BuildHost())
        {
            var job = host.Services.GetRequiredService<ReminderScanJob>();
            await job.RunAsync(CancellationToken.None);
            await job.RunAsync(CancellationToken.None);
        }

        using (var restarted = BuildHost())
        {
            _clock.Advance(TimeSpan.FromHours(1));
            await restarted.Services.GetRequiredService<ReminderScanJob>().RunAsync(CancellationToken.None);
        }

        var message = Assert.Single(MessagesAbout(reference));
        Assert.Equal(user.Email, Assert.Single(message.To.Mailboxes).Address);
        Assert.Equal("alerts@example.org", Assert.Single(message.From.Mailboxes).Address);
        Assert.Equal($"[{reference}] Response due in 2 days (2026-03-12)", message.Subject);
        foreach (var body in new[] { message.TextBody, message.HtmlBody })
        {
            Assert.Contains("Response due in 2 days", body);
            Assert.Contains("Thursday 2026-03-12", body);
            Assert.Contains("10 calendar days after receipt", body);
            Assert.Contains("San Jose Police Department", body);
            Assert.Contains("https://pratracker.example.org/requests/", body);
        }

        // Text that looks like markup is shown as text, never as markup.
        Assert.Contains("ALPR <hotlist> & \"stop\" records", message.TextBody);
        Assert.Contains("ALPR &lt;hotlist&gt; &amp; &quot;stop&quot; records", message.HtmlBody);
        Assert.Contains("§", message.TextBody); // the statute's section sign arrives intact
    }

    [Fact]
    public async Task An_smtp_outage_fails_the_job_marks_nothing_sent_and_the_alert_goes_out_once_the_server_is_back()
    {
        var (reference, _) = await RequestDueAsync(new DateOnly(2026, 3, 10));
        var port = _mail.Port;
        await _mail.StopAsync();

        using var host = BuildHost();
        var job = host.Services.GetRequiredService<ReminderScanJob>();
        var failure = await Assert.ThrowsAsync<InvalidOperationException>(() => job.RunAsync(CancellationToken.None));
        Assert.Contains("will be retried", failure.Message);
        await using (var db = Open(host))
        {
            var dispatch = await db.ReminderDispatches.SingleAsync(r => r.Deadline!.Request.Reference == reference);
            Assert.Null(dispatch.SentAt);
            Assert.NotNull(dispatch.LastError);
        }

        await _mail.DisposeAsync();
        _mail = await MailCatcher.StartAsync(port);
        _clock.Advance(TimeSpan.FromMinutes(1));
        await job.RunAsync(CancellationToken.None);
        Assert.Single(MessagesAbout(reference), m => m.Subject!.Contains("due today", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Two_instances_scanning_at_once_send_each_alert_once()
    {
        var references = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            references.Add((await RequestDueAsync(new DateOnly(2026, 3, 11))).Reference);
        }

        using var first = BuildHost();
        using var second = BuildHost();
        await Task.WhenAll(
            first.Services.GetRequiredService<ReminderScanJob>().RunAsync(CancellationToken.None),
            second.Services.GetRequiredService<ReminderScanJob>().RunAsync(CancellationToken.None));

        Assert.All(references, reference => Assert.Single(MessagesAbout(reference)));
    }

    [Fact]
    public async Task An_alert_claimed_by_an_instance_that_crashed_before_sending_goes_out_once_its_lease_lapses()
    {
        var (reference, _) = await RequestDueAsync(new DateOnly(2026, 3, 13));
        using var host = BuildHost();
        await using (var crashed = Open(host))
        {
            // The crashed instance got as far as claiming the alert and leasing it, then died.
            await ReminderLedger.ClaimDueAsync(crashed, new DateOnly(2026, 3, 10), _clock.GetUtcNow());
            var alert = Assert.Single(await ReminderLedger.PendingAsync(crashed, _clock.GetUtcNow()), a => a.Deadline!.Reference == reference);
            Assert.True(await ReminderLedger.TryLeaseAsync(crashed, alert.DispatchId, _clock.GetUtcNow()));
        }

        var job = host.Services.GetRequiredService<ReminderScanJob>();
        await job.RunAsync(CancellationToken.None);
        Assert.Empty(MessagesAbout(reference)); // still leased: the crashed instance might yet be sending it

        _clock.Advance(ReminderLedger.Lease + TimeSpan.FromMinutes(1));
        await job.RunAsync(CancellationToken.None);
        await job.RunAsync(CancellationToken.None);
        Assert.Single(MessagesAbout(reference));
    }

    [Fact]
    public async Task A_digest_user_gets_one_e_mail_at_their_hour_holding_every_alert_and_nothing_more_that_day()
    {
        var (firstReference, user) = await RequestDueAsync(new DateOnly(2026, 3, 12));
        var (secondReference, _) = await RequestDueAsync(new DateOnly(2026, 3, 10), user);
        using var host = BuildHost();
        await using (var db = Open(host))
        {
            Assert.Empty(await AlertPreferences.SaveAsync(db, user.Id, new AlertPreferencesInput("7, 2, 1, 0", AlertDelivery.DailyDigest, 13)));
        }

        var job = host.Services.GetRequiredService<ReminderScanJob>();
        await job.RunAsync(CancellationToken.None); // 12:00: claimed, held for 13:00
        Assert.Empty(MessagesTo(user));

        _clock.Advance(TimeSpan.FromHours(1));
        await job.RunAsync(CancellationToken.None);
        _clock.Advance(TimeSpan.FromHours(1));
        await job.RunAsync(CancellationToken.None);

        var digest = Assert.Single(MessagesTo(user));
        Assert.Equal("PraTracker digest for Tuesday 2026-03-10: 2 alerts", digest.Subject);
        Assert.Contains(firstReference, digest.TextBody);
        Assert.Contains(secondReference, digest.HtmlBody);
        Assert.True(digest.TextBody!.IndexOf(secondReference, StringComparison.Ordinal) < digest.TextBody.IndexOf(firstReference, StringComparison.Ordinal), "the soonest deadline comes first");
    }

    [Fact]
    public async Task A_follower_of_a_vendor_is_e_mailed_once_when_a_contract_renews_within_60_days()
    {
        using var host = BuildHost();
        var user = NewUser();
        await using (var db = Open(host))
        {
            var california = await db.Laws.SingleAsync(l => l.Code == "US-CA");
            var agency = new Agency { Name = $"Pasadena Police Department {Guid.NewGuid():N}", Kind = AgencyKind.PoliceDepartment, State = "CA", Law = california };
            var vendor = new Vendor { Name = $"Spokeo {Guid.NewGuid():N}" };
            var contract = new Contract
            {
                Agency = agency,
                Vendor = vendor,
                Title = "Spokeo for Law Enforcement subscription",
                Status = ContractStatus.Active,
                RenewsOn = new DateOnly(2026, 4, 24),
            };
            db.AddRange(user, agency, vendor, contract);
            db.Follows.Add(new Follow { UserId = user.Id, VendorId = vendor.Id });
            await db.SaveChangesAsync();
        }

        var job = host.Services.GetRequiredService<ReminderScanJob>();
        await job.RunAsync(CancellationToken.None);
        await job.RunAsync(CancellationToken.None);

        var message = Assert.Single(MessagesTo(user));
        Assert.StartsWith("Contract renews in 45 days: Spokeo for Law Enforcement subscription (Pasadena Police Department", message.Subject!);
        Assert.Contains("Friday 2026-04-24", message.TextBody);
        Assert.Contains("file a new request", message.TextBody);
        Assert.Contains("https://pratracker.example.org/contracts/", message.HtmlBody);
    }

    [Fact]
    public async Task A_vendor_objections_notice_deadline_two_days_out_e_mails_the_attorney_that_their_response_is_due()
    {
        var (reference, user) = await RequestDueAsync(new DateOnly(2026, 4, 30));
        using var host = BuildHost();
        await using (var db = Open(host))
        {
            var vendor = new Vendor { Name = "Spokeo" };
            db.Vendors.Add(vendor);
            await db.SaveChangesAsync();
            var requestId = await db.Requests.Where(r => r.Reference == reference).Select(r => r.Id).SingleAsync();
            var objection = new VendorObjectionInput(vendor.Id, new DateOnly(2026, 3, 4), ObjectionGrounds.TradeSecret, NoticeDeadline: new DateOnly(2026, 3, 12));
            Assert.True((await VendorObjections.AddAsync(db, requestId, objection, _clock.GetUtcNow(), new DateOnly(2026, 3, 10))).Succeeded);
        }

        await host.Services.GetRequiredService<ReminderScanJob>().RunAsync(CancellationToken.None);

        var message = Assert.Single(MessagesAbout(reference));
        Assert.Equal(user.Email, Assert.Single(message.To.Mailboxes).Address);
        Assert.Equal($"[{reference}] Your response to Spokeo's objection is due in 2 days (2026-03-12)", message.Subject);
        Assert.Contains("Your response to Spokeo's objection is due in 2 days: Thursday 2026-03-12", message.TextBody);
        Assert.Contains("Where the date comes from: Spokeo objected on 2026-03-04 (trade secret); the agency's notice gives until 2026-03-12 to respond.", message.TextBody);
        Assert.Contains("objection is due in 2 days", message.HtmlBody);
        Assert.Contains("Where the date comes from: Spokeo objected on 2026-03-04 (trade secret)", message.HtmlBody);
    }

    private IEnumerable<MimeMessage> MessagesAbout(string reference) =>
        _mail.Messages().Where(m => m.Subject is { } subject && subject.Contains(reference, StringComparison.Ordinal));

    private IEnumerable<MimeMessage> MessagesTo(PraTrackerUser user) =>
        _mail.Messages().Where(m => m.To.Mailboxes.Any(a => a.Address == user.Email));

    private static PraTrackerUser NewUser()
    {
        var email = $"attorney-{Guid.NewGuid():N}@example.org";
        return new PraTrackerUser { UserName = email, Email = email, DisplayName = "Ana Attorney" };
    }

    private async Task<(string Reference, PraTrackerUser User)> RequestDueAsync(DateOnly received10DaysBefore, PraTrackerUser? assignee = null)
    {
        using var host = BuildHost();
        await using var db = Open(host);
        var california = await db.Laws.SingleAsync(l => l.Code == "US-CA");
        var user = assignee ?? NewUser();
        var agency = new Agency { Name = $"San Jose Police Department {Guid.NewGuid():N}", Kind = AgencyKind.PoliceDepartment, State = "CA", Law = california };
        var received = received10DaysBefore.AddDays(-10);
        var request = new RecordsRequest
        {
            Reference = $"PRA-J-{Guid.NewGuid():N}"[..20],
            Title = "ALPR <hotlist> & \"stop\" records",
            Agency = agency,
            Law = california,
            SentOn = received,
            ReceivedOn = received,
            Status = RequestStatus.Sent,
            Visibility = RequestVisibility.Private,
        };
        if (assignee is null)
        {
            db.Users.Add(user);
        }

        request.Assignments.Add(new RequestAssignment { UserId = user.Id });
        db.Requests.Add(request);
        await db.SaveChangesAsync();
        await RequestDeadlines.RecalculateAsync(db, request.Id, new DateOnly(2026, 3, 10));
        await db.SaveChangesAsync();
        return (request.Reference, user);
    }

    private IHost BuildHost() =>
        new HostBuilder()
            .ConfigureAppConfiguration(config => config.AddInMemoryCollection(_database.AppSettings).AddInMemoryCollection(new Dictionary<string, string?>
            {
                [InstanceSettings.RoleKey] = nameof(InstanceRole.Web),
                ["Smtp:Host"] = "127.0.0.1",
                ["Smtp:Port"] = _mail.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["Smtp:From"] = "PraTracker <alerts@example.org>",
                ["App:BaseUrl"] = "https://pratracker.example.org/",
            }))
            .ConfigureServices((context, services) =>
            {
                services.AddSingleton<TimeProvider>(_clock);
                services.AddPraTrackerData(context.Configuration);
                services.AddPraTrackerJobs(context.Configuration);
            })
            .Build();

    private static PraTrackerDbContext Open(IHost host) =>
        host.Services.GetRequiredService<IDbContextFactory<PraTrackerDbContext>>().CreateDbContext().ViewAs(Viewer.System);
}

public sealed class PostgresReminderScanJobTests() : ReminderScanJobTests(DatabaseProvider.Postgres);

public sealed class SqliteReminderScanJobTests() : ReminderScanJobTests(DatabaseProvider.Sqlite);
