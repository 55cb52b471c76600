using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using PraTracker.Data.Correspondence;
using PraTracker.Data.Database;
using PraTracker.Data.Identity;
using PraTracker.Data.Requests;

namespace PraTracker.Jobs.Correspondence;

/// <summary>
/// Sends one drafted request's letter to its agency's records e-mail, as a campaign filing queues it for each of its
/// requests. Sending twice is refused by the request's one letter, so a retry after a crash never mails an agency twice.
/// </summary>
public sealed class SendRequestLetterJob(
    IDbContextFactory<PraTrackerDbContext> dbFactory, LetterSender sender, ILogger<SendRequestLetterJob> logger)
{
    [AutomaticRetry(Attempts = 5)]
    public async Task<string> RunAsync(Guid requestId, string? userId, CancellationToken ct)
    {
        LetterDraft? draft;
        await using (var db = (await dbFactory.CreateDbContextAsync(ct)).ViewAs(Viewer.System))
        {
            if (await db.Requests.Where(r => r.Id == requestId).Select(r => (RequestStatus?)r.Status).SingleOrDefaultAsync(ct) is not RequestStatus.Draft)
            {
                return "The request is no longer a draft (sent another way, or removed); nothing to send.";
            }

            draft = await LetterDrafts.RequestLetterAsync(db, requestId, ct);
        }

        if (draft is null)
        {
            return "The request no longer exists.";
        }

        var result = await sender.SendAsync(draft, userId, ct);
        if (result.Succeeded)
        {
            return $"Sent {draft.Reference} to {draft.To}.";
        }

        if (result.Errors.Contains(OutgoingMail.AlreadySent))
        {
            return $"{draft.Reference} was already sent.";
        }

        // Visible in the job dashboard and on the campaign page (send failed), and retried.
        logger.LogWarning("The letter of {Reference} was not sent: {Errors}", draft.Reference, string.Join(" ", result.Errors));
        throw new InvalidOperationException($"The letter of {draft.Reference} was not sent: {string.Join(" ", result.Errors)}");
    }
}
