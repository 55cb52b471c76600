using PraTracker.Data.Auditing;
using PraTracker.Data.Requests;

namespace PraTracker.Data.Deadlines;

/// <summary>A date by which the agency (or the requester) must act, with the reasoning that produced it.</summary>
public class Deadline : IAudited
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid RequestId { get; set; }
    public RecordsRequest Request { get; set; } = null!;

    /// <summary>The timeline event this deadline was computed from.</summary>
    public Guid? SourceEventId { get; set; }
    public RequestEvent? SourceEvent { get; set; }

    /// <summary>The vendor objection this deadline was taken from.</summary>
    public Guid? SourceObjectionId { get; set; }
    public VendorObjection? SourceObjection { get; set; }

    public DeadlineKind Kind { get; set; }
    public DateOnly DueOn { get; set; }

    /// <summary>How the date was reached, citing the rule ("10 calendar days after receipt on ...").</summary>
    public required string Explanation { get; set; }

    /// <summary>Something the attorney should look at: an extension longer than the law allows, a late notice.</summary>
    public string? Warning { get; set; }
    public DeadlineStatus Status { get; set; }

    /// <summary>
    /// When the deadline stopped mattering: met, superseded, or missed and then answered late. Null while it is open,
    /// paused, or missed with no response yet (overdue).
    /// </summary>
    public DateOnly? ClosedOn { get; set; }
}

/// <summary>What a deadline is for.</summary>
public enum DeadlineKind
{
    InitialResponse,
    ExtendedResponse,
    PromisedProduction,
    ClarificationReply,
    FeeReply,
    AppealFiling,
    AppealDecision,
    Working,

    /// <summary>The date an agency's notice of a vendor's objection gives the requester.</summary>
    ObjectionNotice,

    /// <summary>A court's date in a vendor's reverse-FOIA suit or motion.</summary>
    ObjectionCourtDate,
}

/// <summary>Where a deadline stands.</summary>
public enum DeadlineStatus
{
    Open,
    Met,

    /// <summary>The date passed without a qualifying response; overdue while <see cref="Deadline.ClosedOn"/> is null.</summary>
    Missed,
    Superseded,

    /// <summary>The clock is stopped while the agency waits on the requester (clarification, fees).</summary>
    Paused,
}
