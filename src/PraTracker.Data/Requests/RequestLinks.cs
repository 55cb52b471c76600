using PraTracker.Data.Contracts;
using PraTracker.Data.Identity;

namespace PraTracker.Data.Requests;

/// <summary>An attorney assigned to a request.</summary>
public class RequestAssignment
{
    public Guid RequestId { get; set; }
    public RecordsRequest Request { get; set; } = null!;
    public required string UserId { get; set; }
    public PraTrackerUser User { get; set; } = null!;
}

/// <summary>A contract a request is about.</summary>
public class RequestContract
{
    public Guid RequestId { get; set; }
    public RecordsRequest Request { get; set; } = null!;
    public Guid ContractId { get; set; }
    public Contract Contract { get; set; } = null!;
}

/// <summary>A vendor a request is about.</summary>
public class RequestVendor
{
    public Guid RequestId { get; set; }
    public RecordsRequest Request { get; set; } = null!;
    public Guid VendorId { get; set; }
    public Vendor Vendor { get; set; } = null!;
}

/// <summary>A technology category a request is about.</summary>
public class RequestTechnologyCategory
{
    public Guid RequestId { get; set; }
    public RecordsRequest Request { get; set; } = null!;
    public Guid TechnologyCategoryId { get; set; }
    public TechnologyCategory TechnologyCategory { get; set; } = null!;
}
