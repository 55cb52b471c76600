using PraTracker.Data.Auditing;
using PraTracker.Data.Identity;

namespace PraTracker.Data.Requests;

/// <summary>One step on a request's timeline: filed, acknowledged, extended, produced, denied, appealed...</summary>
public class RequestEvent : IAudited
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid RequestId { get; set; }
    public RecordsRequest Request { get; set; } = null!;
    public RequestEventKind Kind { get; set; }
    public DateOnly OccurredOn { get; set; }
    public required string Summary { get; set; }
    public string? Body { get; set; }

    /// <summary>Exemptions the agency cited, as written ("Gov. Code § 7923.600").</summary>
    public string? ExemptionsCited { get; set; }

    /// <summary>A date the agency promised in this response, such as the expected determination date in an extension notice.</summary>
    public DateOnly? AgencyPromisedOn { get; set; }
    public string? LoggedByUserId { get; set; }
    public PraTrackerUser? LoggedBy { get; set; }
    public DateTimeOffset LoggedAt { get; set; }
}

/// <summary>What happened on a request's timeline.</summary>
public enum RequestEventKind
{
    Filed,
    Received,
    Acknowledged,
    ExtensionNotice,
    ClarificationRequested,
    ClarificationProvided,
    FeeEstimate,
    FeePaid,
    PartialProduction,
    FinalProduction,
    Denial,
    Appeal,
    AppealDecision,
    Lawsuit,
    Withdrawal,
    Note,

    /// <summary>A follow-up the requester sent after the agency missed a deadline; it moves no deadline.</summary>
    FollowUp,

    /// <summary>An agency's e-mail filed by the mailbox poll, waiting for an attorney to say what it is.</summary>
    AgencyReply,
}
