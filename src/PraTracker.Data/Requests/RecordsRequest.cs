using PraTracker.Data.Agencies;
using PraTracker.Data.Auditing;
using PraTracker.Data.Campaigns;
using PraTracker.Data.Deadlines;
using PraTracker.Data.Documents;
using PraTracker.Data.Exemptions;

namespace PraTracker.Data.Requests;

/// <summary>A public-records request filed with one agency under one law.</summary>
public class RecordsRequest : IAudited, IConcurrencyStamped
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    /// <summary>Human reference such as PRA-2026-0042, unique.</summary>
    public required string Reference { get; set; }
    public required string Title { get; set; }

    public Guid AgencyId { get; set; }
    public Agency Agency { get; set; } = null!;
    public Guid LawId { get; set; }
    public PublicRecordsLaw Law { get; set; } = null!;

    /// <summary>The campaign it was filed in, if any.</summary>
    public Guid? CampaignId { get; set; }
    public Campaign? Campaign { get; set; }

    public string RequestText { get; set; } = "";
    public DateOnly? SentOn { get; set; }
    public DateOnly? ReceivedOn { get; set; }
    public SubmissionMethod? Method { get; set; }
    public string? AgencyTrackingNumber { get; set; }

    public RequestStatus Status { get; set; }
    public RequestOutcome? Outcome { get; set; }
    public RequestVisibility Visibility { get; set; }

    /// <summary>Attorneys' working notes; never shown to anonymous visitors, whatever the visibility.</summary>
    public string? InternalNotes { get; set; }

    /// <summary>Whether the app sends its drafted follow-up by itself when the agency misses a deadline; off unless an attorney turns it on.</summary>
    public bool AutoSendFollowUps { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public Guid ConcurrencyStamp { get; set; } = Guid.NewGuid();

    public List<RequestAssignment> Assignments { get; set; } = [];
    public List<RequestContract> ContractLinks { get; set; } = [];
    public List<RequestVendor> VendorLinks { get; set; } = [];
    public List<RequestTechnologyCategory> CategoryLinks { get; set; } = [];
    public List<RequestEvent> Events { get; set; } = [];
    public List<Deadline> Deadlines { get; set; } = [];
    public List<Document> Documents { get; set; } = [];
    public List<ChecklistItem> Checklist { get; set; } = [];
    public List<Withholding> Withholdings { get; set; } = [];
    public List<VendorObjection> Objections { get; set; } = [];
}

/// <summary>Where a request stands now.</summary>
public enum RequestStatus
{
    Draft,
    Sent,
    Acknowledged,
    Processing,
    AwaitingClarification,
    AwaitingFee,
    InAppeal,
    InLitigation,
    Closed,
}

/// <summary>How a closed request ended, kept apart from its status so statistics can use both.</summary>
public enum RequestOutcome
{
    FullRelease,
    PartialRelease,
    NoRecords,
    Denied,
    Withdrawn,
}

/// <summary>Whether anonymous visitors may see a request.</summary>
public enum RequestVisibility
{
    Private,
    Public,
}

/// <summary>How a request reached the agency.</summary>
public enum SubmissionMethod
{
    Email,
    Portal,
    Mail,
    Fax,
    InPerson,
    Other,
}
