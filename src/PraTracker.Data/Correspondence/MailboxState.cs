namespace PraTracker.Data.Correspondence;

/// <summary>
/// How far the mailbox poll has read one IMAP folder: every UID up to <see cref="LastUid"/> under
/// <see cref="UidValidity"/> has been recorded. A new UIDVALIDITY means the server renumbered the folder, and the
/// poll reads it again from the start, recognising what it filed before by Message-ID.
/// </summary>
public class MailboxState
{
    public required string Folder { get; set; }
    public long UidValidity { get; set; }
    public long LastUid { get; set; }
    public DateTimeOffset? LastPolledAt { get; set; }
    public DateTimeOffset? LastSucceededAt { get; set; }

    /// <summary>The last poll's failure, cleared by the next success; shown on the inbox page.</summary>
    public string? LastError { get; set; }
}
