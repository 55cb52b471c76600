using Hangfire;
using MailKit;
using MailKit.Net.Imap;
using MailKit.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using MimeKit;
using PraTracker.Data.Correspondence;
using PraTracker.Data.Database;
using PraTracker.Data.Documents;
using PraTracker.Data.Identity;
using PraTracker.Jobs.Documents;
using PraTracker.Jobs.Email;

namespace PraTracker.Jobs.Correspondence;

/// <summary>What one poll of the mailbox did.</summary>
public sealed record PollSummary(int Read, int Filed, int Unmatched, int Quarantined, int AlreadyRecorded)
{
    public override string ToString() =>
        $"Read {Read} new message(s): {Filed} filed, {Unmatched} left in the inbox, {Quarantined} quarantined, {AlreadyRecorded} recorded before.";
}

/// <summary>
/// Reads the configured IMAP folder (read-only: the mailbox is never changed) and records every message past the
/// last UID it recorded, in UID order: filed on its request, kept for the inbox, or quarantined with the reason.
/// The folder's position is saved after each message, so a poll that stops part-way resumes where it stopped.
/// </summary>
public sealed class MailboxPollJob(
    ImapSettings settings,
    IDbContextFactory<PraTrackerDbContext> dbFactory,
    IDocumentFileStore store,
    DocumentStorageSettings storage,
    DocumentExtraction extraction,
    OrganisationClock clock,
    ILogger<MailboxPollJob> logger)
{
    [AutomaticRetry(Attempts = 2)]
    [DisableConcurrentExecution(timeoutInSeconds: 600)]
    public async Task<string> RunAsync(CancellationToken ct)
    {
        if (!settings.Enabled)
        {
            return "The mailbox is not configured (Imap:Host); nothing to read.";
        }

        try
        {
            var summary = await PollAsync(ct);
            await NoteAsync(error: null, ct);
            logger.LogInformation("Mailbox {Folder}: {Summary}", settings.Folder, summary);
            return summary.ToString();
        }
        catch (Exception failure) when (failure is not OperationCanceledException)
        {
            await NoteAsync($"{failure.GetType().Name}: {failure.Message}", CancellationToken.None);
            throw;
        }
    }

    private async Task<PollSummary> PollAsync(CancellationToken ct)
    {
        using var client = new ImapClient();
        var security = settings.Security.ToSocketOptions();
        await client.ConnectAsync(settings.Host!, settings.Port, security, ct);
        await client.AuthenticateAsync(settings.Username ?? "", settings.Password ?? "", ct);
        var folder = await client.GetFolderAsync(settings.Folder, ct);
        await folder.OpenAsync(FolderAccess.ReadOnly, ct);

        var state = await StartAsync(folder.UidValidity, ct);
        var summaries = await folder.FetchAsync(
            new UniqueIdRange(new UniqueId(folder.UidValidity, (uint)Math.Min(state.LastUid + 1, uint.MaxValue)), UniqueId.MaxValue),
            MessageSummaryItems.UniqueId | MessageSummaryItems.Size | MessageSummaryItems.Envelope | MessageSummaryItems.References,
            ct);

        int filed = 0, unmatched = 0, quarantined = 0, before = 0, read = 0;
        // A range "from N to the end" also returns the last message when N is past it; those are skipped here.
        foreach (var message in summaries.Where(s => s.UniqueId.Id > state.LastUid).OrderBy(s => s.UniqueId.Id))
        {
            ct.ThrowIfCancellationRequested();
            read++;
            // The message and the folder's position are saved on one context, one after the other.
            await using var db = (await dbFactory.CreateDbContextAsync(ct)).ViewAs(Viewer.System);
            var outcome = await RecordAsync(db, folder, folder.UidValidity, message, ct);
            switch (outcome.Status)
            {
                case MailStatus.Filed:
                    filed++;
                    break;
                case MailStatus.Unmatched:
                    unmatched++;
                    break;
                case MailStatus.Quarantined:
                    quarantined++;
                    break;
                default:
                    before++;
                    break;
            }

            if (outcome.DocumentId is { } documentId)
            {
                extraction.Enqueue(documentId);
            }

            await AdvanceAsync(db, folder.UidValidity, message.UniqueId.Id, ct);
        }

        await client.DisconnectAsync(quit: true, ct);
        return new PollSummary(read, filed, unmatched, quarantined, before);
    }

    private async Task<MailOutcome> RecordAsync(PraTrackerDbContext db, IMailFolder folder, uint uidValidity, IMessageSummary summary, CancellationToken ct)
    {
        var uid = (long)summary.UniqueId.Id;
        var facts = FactsOf(summary.Envelope, summary.References);
        if (summary.Size is { } size && size > settings.MaxMessageBytes)
        {
            return await MailFiling.QuarantineAsync(db, store, settings.Folder, uidValidity, uid, facts, raw: null,
                $"It is {size / 1024:N0} KB, over the limit of {settings.MaxMessageBytes / 1024:N0} KB a message (Imap:MaxMessageBytes); it was not downloaded.",
                clock.UtcNow, ct);
        }

        byte[] raw;
        await using (var stream = await folder.GetStreamAsync(summary.UniqueId, ct))
        using (var copy = new MemoryStream())
        {
            await stream.CopyToAsync(copy, ct);
            raw = copy.ToArray();
        }

        if (raw.LongLength > settings.MaxMessageBytes)
        {
            return await MailFiling.QuarantineAsync(db, store, settings.Folder, uidValidity, uid, facts, raw: null,
                $"It is {raw.LongLength / 1024:N0} KB, over the limit of {settings.MaxMessageBytes / 1024:N0} KB a message (Imap:MaxMessageBytes).", clock.UtcNow, ct);
        }

        MimeMessage parsed;
        try
        {
            using var content = new MemoryStream(raw, writable: false);
            parsed = await MimeMessage.LoadAsync(content, ct);
        }
        catch (FormatException unreadable)
        {
            return await MailFiling.QuarantineAsync(db, store, settings.Folder, uidValidity, uid, facts, raw, $"It could not be read as an e-mail: {unreadable.Message}", clock.UtcNow, ct);
        }

        if (MailFacts.Malformed(parsed) is { } reason)
        {
            return await MailFiling.QuarantineAsync(db, store, settings.Folder, uidValidity, uid, facts, raw, reason, clock.UtcNow, ct);
        }

        return await MailFiling.RecordAsync(
            db, store, storage, new ReceivedMail(settings.Folder, uidValidity, uid, MailFacts.From(parsed), raw), clock.UtcNow, clock.Today,
            instant => DateOnly.FromDateTime(clock.ToLocal(instant).DateTime), ct);
    }

    // What the server's envelope says, for a message that is quarantined before (or instead of) being parsed.
    private static IncomingFacts FactsOf(Envelope? envelope, MessageIdList? references) => new(
        envelope?.MessageId,
        envelope?.InReplyTo,
        references is null ? [] : [.. references],
        envelope?.From.Mailboxes.FirstOrDefault()?.Address,
        envelope is null ? [] : [.. envelope.To.Mailboxes.Concat(envelope.Cc.Mailboxes).Select(m => m.Address)],
        envelope?.Subject,
        null,
        envelope?.Date);

    private async Task<MailboxState> StartAsync(uint uidValidity, CancellationToken ct)
    {
        await using var db = (await dbFactory.CreateDbContextAsync(ct)).ViewAs(Viewer.System);
        var state = await db.MailboxStates.SingleOrDefaultAsync(s => s.Folder == settings.Folder, ct);
        if (state is null)
        {
            state = new MailboxState { Folder = settings.Folder, UidValidity = uidValidity };
            db.MailboxStates.Add(state);
        }
        else if (state.UidValidity != uidValidity)
        {
            // The server renumbered the folder: read it again from the start; Message-IDs stop anything being filed twice.
            logger.LogWarning("Mailbox {Folder}: UIDVALIDITY changed from {Old} to {New}; reading the folder again.", settings.Folder, state.UidValidity, uidValidity);
            state.UidValidity = uidValidity;
            state.LastUid = 0;
        }

        state.LastPolledAt = clock.UtcNow;
        await db.SaveChangesAsync(ct);
        return state;
    }

    private async Task AdvanceAsync(PraTrackerDbContext db, uint uidValidity, uint uid, CancellationToken ct)
    {
        await db.MailboxStates
            .Where(s => s.Folder == settings.Folder && s.UidValidity == uidValidity && s.LastUid < uid)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.LastUid, (long)uid), ct);
    }

    private async Task NoteAsync(string? error, CancellationToken ct)
    {
        try
        {
            await using var db = (await dbFactory.CreateDbContextAsync(ct)).ViewAs(Viewer.System);
            var state = await db.MailboxStates.SingleOrDefaultAsync(s => s.Folder == settings.Folder, ct);
            if (state is null)
            {
                state = new MailboxState { Folder = settings.Folder };
                db.MailboxStates.Add(state);
            }

            state.LastPolledAt = clock.UtcNow;
            state.LastError = error is null ? null : error.Length > 2000 ? error[..2000] : error;
            if (error is null)
            {
                state.LastSucceededAt = clock.UtcNow;
            }

            await db.SaveChangesAsync(ct);
        }
        catch (Exception failure) when (failure is not OperationCanceledException)
        {
            logger.LogError(failure, "Mailbox {Folder}: could not record the poll's outcome.", settings.Folder);
        }
    }
}
