using PraTracker.Data.Auditing;
using PraTracker.Data.Contracts;

namespace PraTracker.Data.Requests;

/// <summary>
/// A vendor's objection to the release of its records (trade secrets, a non-disclosure agreement, a reverse-FOIA
/// suit), with the dates it sets: the agency's notice deadline to the requester and any court deadline.
/// </summary>
public class VendorObjection : IAudited
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid RequestId { get; set; }
    public RecordsRequest Request { get; set; } = null!;
    public Guid VendorId { get; set; }
    public Vendor Vendor { get; set; } = null!;
    public DateOnly ObjectedOn { get; set; }
    public ObjectionGrounds Grounds { get; set; }

    /// <summary>The objection as the vendor or the agency put it.</summary>
    public string? Details { get; set; }

    /// <summary>The date the agency's notice gives the requester (to respond, or before it releases or withholds).</summary>
    public DateOnly? NoticeDeadline { get; set; }

    /// <summary>A date set by a court, in a reverse-FOIA suit or a motion.</summary>
    public DateOnly? CourtDeadline { get; set; }
    public string? CourtCase { get; set; }

    /// <summary>Set when the objection no longer holds anything up: withdrawn, overruled or decided.</summary>
    public DateOnly? ResolvedOn { get; set; }
    public DateTimeOffset LoggedAt { get; set; }
}

/// <summary>Why a vendor objects to release.</summary>
public enum ObjectionGrounds
{
    TradeSecret,
    NonDisclosureAgreement,
    ReverseFoiaSuit,
    Security,
    Other,
}
