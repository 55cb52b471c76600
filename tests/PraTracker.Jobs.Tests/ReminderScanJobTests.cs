using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;
using PraTracker.Data;
using PraTracker.Data.Agencies;
using PraTracker.Data.Database;
using PraTracker.Data.Deadlines;
using PraTracker.Data.Identity;
using PraTracker.Data.Requests;
using PraTracker.Jobs;
using PraTracker.Jobs.Alerts;

namespace PraTracker.Tests;

/// <summary>The alert scan against PostgreSQL and a real SMTP server: exactly one e-mail per alert, across scans and restarts.</summary>
public sealed class ReminderScanJobTests : IAsyncLifetime
{
    // Tuesday 2026-03-10, noon in Los Angeles.
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 3, 10, 19, 0, 0, TimeSpan.Zero));
    private TestDatabase _database = null!;
    private MailCatcher _mail = null!;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync(DatabaseProvider.Postgres);
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
        var (reference, email) = await RequestDueAsync(new DateOnly(2026, 3, 12));

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

        var message = Assert.Single(_mail.Messages(), m => m.Subject != null && m.Subject.Contains(reference, StringComparison.Ordinal));
        Assert.Equal(email, Assert.Single(message.To.Mailboxes).Address);
        Assert.Equal($"[{reference}] Response due in 2 days (2026-03-12)", message.Subject);
        Assert.Contains("Thursday 2026-03-12", message.TextBody);
        Assert.Contains("10 calendar days after receipt", message.TextBody);
        Assert.Contains("/requests/", message.TextBody);
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
        Assert.Single(_mail.Messages(), m => m.Subject != null && m.Subject.Contains(reference, StringComparison.Ordinal) && m.Subject.Contains("due today", StringComparison.Ordinal));
    }

    private async Task<(string Reference, string Email)> RequestDueAsync(DateOnly received10DaysBefore)
    {
        using var host = BuildHost();
        await using var db = Open(host);
        var california = await db.Laws.SingleAsync(l => l.Code == "US-CA");
        var user = new PraTrackerUser { UserName = $"attorney-{Guid.NewGuid():N}@example.org", Email = $"attorney-{Guid.NewGuid():N}@example.org", DisplayName = "Ana Attorney" };
        var agency = new Agency { Name = $"San Jose Police Department {Guid.NewGuid():N}", Kind = AgencyKind.PoliceDepartment, State = "CA", Law = california };
        var received = received10DaysBefore.AddDays(-10);
        var request = new RecordsRequest
        {
            Reference = $"PRA-J-{Guid.NewGuid():N}"[..20],
            Title = "Automated license plate readers",
            Agency = agency,
            Law = california,
            SentOn = received,
            ReceivedOn = received,
            Status = RequestStatus.Sent,
            Visibility = RequestVisibility.Private,
        };
        request.Assignments.Add(new RequestAssignment { User = user, UserId = user.Id });
        db.AddRange(user, request);
        await db.SaveChangesAsync();
        await RequestDeadlines.RecalculateAsync(db, request.Id, new DateOnly(2026, 3, 10));
        await db.SaveChangesAsync();
        return (request.Reference, user.Email);
    }

    private IHost BuildHost() =>
        new HostBuilder()
            .ConfigureAppConfiguration(config => config.AddInMemoryCollection(_database.AppSettings).AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Jobs:RunServer"] = "false",
                ["Smtp:Host"] = "127.0.0.1",
                ["Smtp:Port"] = _mail.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["Smtp:From"] = "PraTracker <alerts@example.org>",
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
