using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using PraTracker.Data.Database;
using PraTracker.Data.Deadlines;
using PraTracker.Data.Identity;
using PraTracker.Jobs.Email;

namespace PraTracker.Jobs.Alerts;

/// <summary>
/// The recurring alert scan: claims the deadline and contract alerts due today, then sends every claimed, unsent one
/// (one e-mail each, or one digest a day, as each recipient chose), each under a lease so no two instances send it.
/// A send that fails is recorded and the job fails, so Hangfire retries it with back-off; nothing is marked sent
/// until the mail server accepted it.
/// </summary>
public sealed class ReminderScanJob(
    IDbContextFactory<PraTrackerDbContext> dbFactory,
    OrganisationClock clock,
    SmtpSettings settings,
    SmtpMailer mailer,
    AlertMailComposer composer,
    ILogger<ReminderScanJob> logger)
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
        var pending = await ReminderLedger.PendingAsync(db, clock.UtcNow, ct: ct);
        var digestRecipients = pending.Where(a => a.Recipient.Delivery == AlertDelivery.DailyDigest).Select(a => a.Recipient.UserId).Distinct().ToList();
        var lastSent = await ReminderLedger.LastSentAsync(db, digestRecipients, ct);

        var sent = 0;
        var emails = 0;
        var failures = new List<string>();
        foreach (var plan in ReminderSchedule.PlanEmails(pending, lastSent, clock.UtcNow, clock.Zone))
        {
            var leased = new List<PendingAlert>();
            foreach (var alert in plan.Alerts)
            {
                if (await ReminderLedger.TryLeaseAsync(db, alert.DispatchId, clock.UtcNow, ct))
                {
                    leased.Add(alert); // otherwise another instance is sending it
                }
            }

            if (leased.Count == 0)
            {
                continue;
            }

            var ids = leased.Select(a => a.DispatchId).ToList();
            try
            {
                await mailer.SendAsync(await composer.ComposeAsync(plan.Recipient, leased, clock.Today, plan.Digest), ct);
                await ReminderLedger.MarkSentAsync(db, ids, clock.UtcNow, ct);
                sent += leased.Count;
                emails++;
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                await ReminderLedger.MarkFailedAsync(db, ids, e.Message, CancellationToken.None);
                failures.Add($"{leased.Count} alert(s) to {plan.Recipient.Email}: {e.Message}");
            }
        }

        var outcome = $"{claimed} alerts claimed, {sent} sent in {emails} e-mails.";
        if (failures.Count > 0)
        {
            throw new InvalidOperationException($"{outcome} {failures.Count} e-mails could not be sent and will be retried: {string.Join("; ", failures)}");
        }

        logger.LogInformation("Alerts: {Outcome}", outcome);
        return outcome;
    }
}
