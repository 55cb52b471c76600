using Hangfire;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using PraTracker.Data.Database;
using PraTracker.Jobs.Alerts;
using PraTracker.Jobs.Correspondence;
using PraTracker.Jobs.Deadlines;
using PraTracker.Jobs.Documents;

namespace PraTracker.Jobs;

/// <summary>Every recurring job, with its stable id and its schedule from configuration.</summary>
public static class RecurringJobs
{
    public const string MarkMissedDeadlines = "deadlines:mark-missed";
    public const string DeadlineAlerts = "deadlines:alerts";
    public const string RequeueStalledExtractions = "documents:requeue-stalled";
    public const string MailboxPoll = "mail:poll";
    public const string AutomaticFollowUps = "mail:follow-ups";

    /// <summary>Seconds after start-up before this instance's first alert scan.</summary>
    public const string StartupScanDelayKey = "Reminders:StartupScanDelaySeconds";

    /// <summary>
    /// Registers the recurring jobs with the app's Hangfire storage, from the app's services, and queues one alert
    /// scan shortly after start-up so a restart never waits an hour for the next.
    /// </summary>
    public static void RegisterPraTrackerRecurringJobs(this IServiceProvider services)
    {
        Register(
            services.GetRequiredService<IRecurringJobManager>(),
            services.GetRequiredService<IConfiguration>(),
            services.GetRequiredService<OrganisationClock>());
        var delay = services.GetRequiredService<IConfiguration>().GetValue(StartupScanDelayKey, 30);
        services.GetRequiredService<IBackgroundJobClient>()
            .Schedule<ReminderScanJob>(job => job.RunAsync(CancellationToken.None), TimeSpan.FromSeconds(Math.Max(0, delay)));
    }

    /// <summary>Registers (or updates) the recurring jobs; safe to call on every start of every instance.</summary>
    public static void Register(IRecurringJobManager manager, IConfiguration configuration, OrganisationClock clock)
    {
        manager.AddOrUpdate<MarkMissedDeadlinesJob>(
            MarkMissedDeadlines,
            job => job.RunAsync(CancellationToken.None),
            configuration["Jobs:MarkMissedDeadlinesCron"] ?? "5 0 * * *",
            new RecurringJobOptions { TimeZone = clock.Zone });
        manager.AddOrUpdate<ReminderScanJob>(
            DeadlineAlerts,
            job => job.RunAsync(CancellationToken.None),
            configuration["Reminders:Cron"] ?? "0 * * * *",
            new RecurringJobOptions { TimeZone = clock.Zone });
        manager.AddOrUpdate<RequeueStalledExtractionsJob>(
            RequeueStalledExtractions,
            job => job.RunAsync(CancellationToken.None),
            "*/15 * * * *",
            new RecurringJobOptions { TimeZone = clock.Zone });
        manager.AddOrUpdate<SendDueFollowUpsJob>(
            AutomaticFollowUps,
            job => job.RunAsync(CancellationToken.None),
            configuration["Correspondence:FollowUpCron"] ?? "15 * * * *",
            new RecurringJobOptions { TimeZone = clock.Zone });

        // The mailbox is read only where one is configured; a poll left from an earlier configuration is removed.
        var imap = ImapSettings.FromConfiguration(configuration);
        if (imap.Enabled)
        {
            manager.AddOrUpdate<MailboxPollJob>(MailboxPoll, job => job.RunAsync(CancellationToken.None), imap.Cron, new RecurringJobOptions { TimeZone = clock.Zone });
        }
        else
        {
            manager.RemoveIfExists(MailboxPoll);
        }
    }
}
