using PraTracker.Data.Auditing;
using PraTracker.Data.Deadlines;
using PraTracker.Data.Documents;
using PraTracker.Data.Requests;

namespace PraTracker.Data.Correspondence;

/// <summary>
/// One e-mail the app sent to an agency or read from the organisation's mailbox. The message itself is kept byte for
/// byte in the document store under <see cref="RawSha256"/>; the columns here are what lists and matching need.
/// Staff only, whatever the request's visibility: correspondence names people and addresses.
/// </summary>
public class EmailMessage : IAudited
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public MailDirection Direction { get; set; }
    public MailStatus Status { get; set; }

    /// <summary>Why a message is quarantined, could not be sent, or was left unmatched.</summary>
    public string? StatusReason { get; set; }

    /// <summary>For a letter the app sent: what it was.</summary>
    public LetterPurpose? Purpose { get; set; }

    public Guid? RequestId { get; set; }
    public RecordsRequest? Request { get; set; }

    /// <summary>The timeline event the message is filed as: the request sent, the follow-up, the appeal, the reply.</summary>
    public Guid? RequestEventId { get; set; }
    public RequestEvent? RequestEvent { get; set; }

    /// <summary>A received message's own copy in the document library (an .eml whose attachments become documents).</summary>
    public Guid? DocumentId { get; set; }
    public Document? Document { get; set; }

    /// <summary>The missed deadline a follow-up answers; unique, so one deadline is never followed up twice.</summary>
    public Guid? ForDeadlineId { get; set; }
    public Deadline? ForDeadline { get; set; }

    /// <summary>The Message-ID header without its angle brackets.</summary>
    public string? MessageId { get; set; }
    public string? InReplyTo { get; set; }

    /// <summary>The References header: message ids separated by spaces.</summary>
    public string? References { get; set; }
    public string? FromAddress { get; set; }
    public string? ToAddresses { get; set; }
    public string? ReplyToAddress { get; set; }
    public string? Subject { get; set; }

    /// <summary>The message's text as a reader sees it, for the timeline and for suggestions.</summary>
    [NotAudited]
    public string? TextBody { get; set; }

    /// <summary>The Date header, or when the app sent it.</summary>
    public DateTimeOffset? Date { get; set; }

    /// <summary>When the app sent or read it.</summary>
    public DateTimeOffset ProcessedAt { get; set; }

    /// <summary>Lower-case hex SHA-256 of the message as sent or received; the document store's key for it.</summary>
    public string? RawSha256 { get; set; }
    public long RawSizeBytes { get; set; }

    /// <summary>How a received message found its request: "plus-address", "subject reference", "reply chain", "agency tracking number", or "by hand".</summary>
    public string? MatchedBy { get; set; }

    public string? ImapFolder { get; set; }
    public long? ImapUidValidity { get; set; }
    public long? ImapUid { get; set; }

    /// <summary>Who sent the letter, or who filed an unmatched message by hand.</summary>
    public string? HandledByUserId { get; set; }
}

/// <summary>Which way a message went.</summary>
public enum MailDirection
{
    Outgoing,
    Incoming,
}

/// <summary>Where a message stands.</summary>
public enum MailStatus
{
    /// <summary>Handed to the SMTP server; a message left here was interrupted mid-send and must be checked by hand.</summary>
    Sending,
    Sent,
    SendFailed,

    /// <summary>Received and filed on a request's timeline.</summary>
    Filed,

    /// <summary>Received, but no request could be told from it: waiting in the inbox for an attorney.</summary>
    Unmatched,

    /// <summary>Received but not filed: malformed or too large; the reason says which.</summary>
    Quarantined,

    /// <summary>Received, looked at by an attorney, and set aside as not about any request.</summary>
    Dismissed,
}

/// <summary>What a letter the app sent was for.</summary>
public enum LetterPurpose
{
    Request,
    FollowUp,
    Appeal,
}
