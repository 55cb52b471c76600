using PraTracker.Data.Agencies;
using PraTracker.Data.Auditing;
using PraTracker.Data.Requests;

namespace PraTracker.Data.Contracts;

/// <summary>An agreement (or a free trial with no agreement at all) between an agency and a vendor.</summary>
public class Contract : IAudited
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid AgencyId { get; set; }
    public Agency Agency { get; set; } = null!;
    public Guid VendorId { get; set; }
    public Vendor Vendor { get; set; } = null!;
    public List<Product> Products { get; set; } = [];

    public required string Title { get; set; }
    public string? Number { get; set; }
    public ContractStatus Status { get; set; }
    public ProcurementMethod ProcurementMethod { get; set; }
    public decimal? Amount { get; set; }

    /// <summary>ISO 4217 code, USD unless stated.</summary>
    public string Currency { get; set; } = "USD";
    public DateOnly? StartsOn { get; set; }
    public DateOnly? EndsOn { get; set; }
    public DateOnly? RenewsOn { get; set; }
    public string? ApprovingBody { get; set; }
    public DateOnly? ApprovedOn { get; set; }
    public string? SourceUrl { get; set; }
    public string? Notes { get; set; }

    public List<RequestContract> RequestLinks { get; set; } = [];
}

/// <summary>Where a contract stands.</summary>
public enum ContractStatus
{
    Unknown,
    Proposed,
    Trial,
    Active,
    Expired,
    Terminated,
}

/// <summary>How the agency came to use the product; free trials often leave no contract at all.</summary>
public enum ProcurementMethod
{
    Unknown,
    CompetitiveBid,
    SoleSource,
    CooperativePurchase,
    FreeTrial,
    Grant,
    Donation,
}
