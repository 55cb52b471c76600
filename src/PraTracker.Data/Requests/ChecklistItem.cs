using PraTracker.Data.Auditing;

namespace PraTracker.Data.Requests;

/// <summary>One kind of record a request asks for, as its letter words it, and what the agency has done about it.</summary>
public class ChecklistItem : IAudited
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid RequestId { get; set; }
    public RecordsRequest Request { get; set; } = null!;
    public RecordKind Kind { get; set; }

    /// <summary>The item as the letter asks for it ("Audit logs of every search run in the product").</summary>
    public required string Wording { get; set; }
    public ChecklistStatus Status { get; set; }

    /// <summary>The response that produced, denied or answered "no records" for it.</summary>
    public Guid? AnsweredByEventId { get; set; }
    public RequestEvent? AnsweredByEvent { get; set; }
    public string? Note { get; set; }
}

/// <summary>The kinds of record a surveillance-technology request asks for.</summary>
public enum RecordKind
{
    Contract,
    Mou,
    InvoicesAndPurchaseOrders,
    PoliciesAndTraining,
    AuditLogs,
    DataSharingAgreements,
    NonDisclosureAgreements,
    VendorCorrespondence,
    CouncilApprovals,
}

/// <summary>What the agency has done about one checklist item.</summary>
public enum ChecklistStatus
{
    NotAddressed,
    Produced,
    PartlyProduced,
    Denied,
    NoRecords,
}
