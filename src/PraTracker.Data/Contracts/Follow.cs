using PraTracker.Data.Agencies;
using PraTracker.Data.Identity;

namespace PraTracker.Data.Contracts;

/// <summary>An attorney following an agency or a vendor, to be told when one of its contracts ends or renews.</summary>
public class Follow
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public required string UserId { get; set; }
    public PraTrackerUser User { get; set; } = null!;
    public Guid? AgencyId { get; set; }
    public Agency? Agency { get; set; }
    public Guid? VendorId { get; set; }
    public Vendor? Vendor { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
}
