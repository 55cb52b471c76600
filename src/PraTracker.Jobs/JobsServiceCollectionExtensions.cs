using Hangfire;
using Hangfire.InMemory;
using Hangfire.PostgreSql;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using PraTracker.Data.Database;
using PraTracker.Jobs.Alerts;
using PraTracker.Jobs.Correspondence;
using PraTracker.Jobs.Deadlines;
using PraTracker.Jobs.Documents;
using PraTracker.Jobs.Documents.Ocr;
using PraTracker.Jobs.Email;
using PraTracker.Jobs.Observability;

namespace PraTracker.Jobs;

/// <summary>Registers Hangfire (after AddPraTrackerData) on the app's database (PostgreSQL storage, or in-memory on the embedded default) and the jobs.</summary>
public static class JobsServiceCollectionExtensions
{
    /// <summary>Hangfire's tables live in their own schema of the app's PostgreSQL database.</summary>
    public const string HangfireSchema = "hangfire";

    public static IServiceCollection AddPraTrackerJobs(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddJobTelemetry();
        services.AddHangfire((sp, hangfire) =>
        {
            // The same database choice as the data layer's: one source of truth, registered by AddPraTrackerData.
            var settings = sp.GetRequiredService<DatabaseSettings>();
            hangfire
                .UseLogProvider(new HostLogProvider(sp.GetRequiredService<Microsoft.Extensions.Logging.ILoggerFactory>()))
                .SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
                .UseSimpleAssemblyNameTypeSerializer()
                .UseRecommendedSerializerSettings();

            if (settings.Provider == DatabaseProvider.Postgres)
            {
                hangfire.UsePostgreSqlStorage(
                    postgres => postgres.UseNpgsqlConnection(settings.ConnectionString),
                    new PostgreSqlStorageOptions { SchemaName = HangfireSchema, PrepareSchemaIfNecessary = true, EnableLongPolling = true });
            }
            else
            {
                // Jobs are recomputable from the database, so losing this storage on a restart loses nothing.
                hangfire.UseInMemoryStorage(new InMemoryStorageOptions());
            }
        });

        services.AddPraTrackerMail(configuration);
        services.AddSingleton<AlertMailComposer>();
        services.AddTransient<ReminderScanJob>();
        services.AddTransient<RecalculateDeadlinesJob>();
        services.AddTransient<MarkMissedDeadlinesJob>();
        services.AddTransient<ExtractDocumentTextJob>();
        services.AddSingleton(OcrSettings.FromConfiguration(configuration));
        services.AddSingleton<OcrTools>();
        services.AddHostedService<OcrStartupCheck>();
        services.AddSingleton<OcrRunner>();
        services.AddTransient<OcrDocumentJob>();
        services.AddTransient<FindMentionsJob>();
        services.AddTransient<FindUnreadScansJob>();
        services.AddTransient<RequeueStalledExtractionsJob>();
        services.AddSingleton<DocumentExtraction>();
        services.AddScoped<DeadlineRecalculation>();
        services.AddTransient<MailboxPollJob>();
        services.AddTransient<SendDueFollowUpsJob>();
        services.AddTransient<SendRequestLetterJob>();

        // Every instance that runs jobs is a Hangfire server on the shared storage, which hands each job to one of them.
        var instance = InstanceSettings.FromConfiguration(configuration);
        services.AddSingleton(instance);
        if (instance.RunsJobs)
        {
            services.AddHangfireServer(server => server.WorkerCount = instance.WorkerCount);
        }

        return services;
    }

    /// <summary>
    /// The mail settings (Smtp:*, Imap:*, Correspondence:*, each checked as it is read) and the senders; part of
    /// <see cref="AddPraTrackerJobs"/>, and on their own for component tests.
    /// </summary>
    public static IServiceCollection AddPraTrackerMail(this IServiceCollection services, IConfiguration configuration)
    {
        var smtp = SmtpSettings.FromConfiguration(configuration);
        services.AddSingleton(smtp);
        services.AddSingleton<SmtpMailer>();
        services.AddSingleton(ImapSettings.FromConfiguration(configuration));
        services.AddSingleton(CorrespondenceSettings.FromConfiguration(configuration, smtp));
        services.AddTransient<LetterSender>();
        return services;
    }
}
