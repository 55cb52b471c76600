using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using MimeKit;
using PraTracker.Data.Database;
using PraTracker.Data.Deadlines;
using PraTracker.Data.Identity;
using PraTracker.Jobs.Email;

namespace PraTracker.Jobs.Deadlines;

/// <summary>
/// The recurring deadline-alert scan: claims the alerts due today, then sends every claimed, unsent one, each under a
/// lease so no two instances send it. A send that fails is recorded and the job fails, so Hangfire retries it with
/// back-off; nothing is marked sent until the mail server accepted it.
/// </summary>
public sealed class ReminderScanJob(
    IDbContextFactory<PraTrackerDbContext> dbFactory, OrganisationClock clock, SmtpSettings settings, SmtpMailer mailer, ILogger<ReminderScanJob> logger)
{
    [AutomaticRetry(Attempts = 10)]
    [DisableConcurrentExecution(timeoutInSeconds: 600)]
    public async Task<string> RunAsync(CancellationToken ct)
    {
        if (!settings.Enabled)
        {
            logger.LogWarning("Deadline alerts are off: Smtp:Host is not configured, so no alert is claimed or sent.");
            return "E-mail is off (no Smtp:Host).";
        }

        await using var db = (await dbFactory.CreateDbContextAsync(ct)).ViewAs(Viewer.System);
        var claimed = await ReminderLedger.ClaimDueAsync(db, clock.Today, clock.UtcNow, ct);
        var sent = 0;
        var failures = new List<string>();
        foreach (var alert in await ReminderLedger.PendingAsync(db, clock.UtcNow, ct: ct))
        {
            if (!await ReminderLedger.TryLeaseAsync(db, alert.DispatchId, clock.UtcNow, ct))
            {
                continue; // another instance is sending it
            }

            try
            {
                await mailer.SendAsync(ReminderMessages.Compose(alert, clock.Today, settings.AppBaseUrl), ct);
                await ReminderLedger.MarkSentAsync(db, alert.DispatchId, clock.UtcNow, ct);
                sent++;
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                await ReminderLedger.MarkFailedAsync(db, alert.DispatchId, e.Message, CancellationToken.None);
                failures.Add($"{alert.Reference} to {alert.RecipientEmail}: {e.Message}");
            }
        }

        var outcome = $"{claimed} alerts claimed, {sent} sent.";
        if (failures.Count > 0)
        {
            throw new InvalidOperationException($"{outcome} {failures.Count} could not be sent and will be retried: {string.Join("; ", failures)}");
        }

        logger.LogInformation("Deadline alerts: {Outcome}", outcome);
        return outcome;
    }
}

/// <summary>The alert e-mail: what is due, when, why, and a link to the request.</summary>
public static class ReminderMessages
{
    public static MimeMessage Compose(PendingAlert alert, DateOnly today, string? appBaseUrl)
    {
        var daysLeft = alert.DueOn.DayNumber - today.DayNumber;
        var when = daysLeft switch
        {
            < -1 => $"{-daysLeft} days overdue",
            -1 => "1 day overdue",
            0 => "due today",
            1 => "due tomorrow",
            _ => $"due in {daysLeft} days",
        };
        var kind = alert.Kind switch
        {
            DeadlineKind.InitialResponse => "Response",
            DeadlineKind.ExtendedResponse => "Extended response",
            DeadlineKind.PromisedProduction => "Agency-promised date",
            DeadlineKind.AppealFiling => "Appeal window closes",
            DeadlineKind.AppealDecision => "Appeal decision",
            DeadlineKind.Working => "Working deadline",
            _ => alert.Kind.ToString(),
        };
        var link = $"{(appBaseUrl ?? "http://localhost:5080").TrimEnd('/')}/requests/{alert.RequestId}";
        var text = $"""
            {kind} {when}: {alert.DueOn:dddd yyyy-MM-dd}

            {alert.Reference} · {alert.RequestTitle}
            Agency: {alert.AgencyName}

            How the date was counted: {alert.Explanation}

            Open the request: {link}
            """;
        var message = new MimeMessage
        {
            Subject = $"[{alert.Reference}] {kind} {when} ({alert.DueOn:yyyy-MM-dd})",
            Body = new TextPart("plain") { Text = text },
        };
        message.To.Add(new MailboxAddress(alert.RecipientName, alert.RecipientEmail));
        return message;
    }
}
