using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using PraTracker.Data.Correspondence;
using PraTracker.Data.Database;
using PraTracker.Data.Identity;

namespace PraTracker.Jobs.Correspondence;

/// <summary>
/// Sends the drafted follow-up for every missed deadline on a request whose attorney switched automatic follow-ups
/// on (off by default), signed with the name of the request's first assigned attorney. Each deadline is followed up
/// once: a second scan, or a second instance, is refused by the deadline's unique letter.
/// </summary>
public sealed class SendDueFollowUpsJob(
    IDbContextFactory<PraTrackerDbContext> dbFactory, LetterSender sender, OrganisationClock clock, ILogger<SendDueFollowUpsJob> logger)
{
    [AutomaticRetry(Attempts = 3)]
    [DisableConcurrentExecution(timeoutInSeconds: 600)]
    public async Task<string> RunAsync(CancellationToken ct)
    {
        List<(LetterDraft Draft, string? UserId)> letters = [];
        await using (var db = (await dbFactory.CreateDbContextAsync(ct)).ViewAs(Viewer.System))
        {
            foreach (var due in (await LetterDrafts.FollowUpsDueAsync(db, clock.Today, ct: ct)).Where(d => d.AutoSend && d.AgencyHasEmail))
            {
                var signer = await db.RequestAssignments.Where(a => a.RequestId == due.RequestId)
                    .OrderBy(a => a.User.DisplayName)
                    .Select(a => new { a.UserId, a.User.DisplayName })
                    .FirstOrDefaultAsync(ct);
                if (await LetterDrafts.FollowUpAsync(db, due.DeadlineId, signer?.DisplayName ?? "The requester", clock.Today, ct) is { } draft)
                {
                    letters.Add((draft, signer?.UserId));
                }
            }
        }

        int sent = 0, failed = 0;
        foreach (var (draft, userId) in letters)
        {
            var result = await sender.SendAsync(draft, userId, ct);
            if (result.Succeeded)
            {
                sent++;
            }
            else
            {
                failed++;
                logger.LogWarning("Automatic follow-up for {Reference} not sent: {Errors}", draft.Reference, string.Join(" ", result.Errors));
            }
        }

        if (failed > 0 && sent == 0)
        {
            // Visible in the job dashboard, and retried.
            throw new InvalidOperationException($"No automatic follow-up could be sent ({failed} failed); see the log for each.");
        }

        return $"Sent {sent} automatic follow-up(s); {failed} not sent.";
    }
}
