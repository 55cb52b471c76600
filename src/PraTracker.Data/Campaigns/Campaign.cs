using PraTracker.Data.Auditing;
using PraTracker.Data.Identity;
using PraTracker.Data.Requests;

namespace PraTracker.Data.Campaigns;

/// <summary>A group of requests asking many agencies for the same records: "Spokeo in every California police department".</summary>
public class Campaign : IAudited, IConcurrencyStamped
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public required string Title { get; set; }
    public string? Description { get; set; }

    /// <summary>The attorney who leads it; collaborators are its <see cref="Members"/>.</summary>
    public required string OwnerUserId { get; set; }
    public PraTrackerUser Owner { get; set; } = null!;

    /// <summary>Whether anonymous visitors may see the campaign; they still see only its public requests.</summary>
    public RequestVisibility Visibility { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
    public Guid ConcurrencyStamp { get; set; } = Guid.NewGuid();

    public List<CampaignMember> Members { get; set; } = [];
    public List<RecordsRequest> Requests { get; set; } = [];
}

/// <summary>An attorney who works on a campaign beside its owner; assigned to the requests it files.</summary>
public class CampaignMember
{
    public Guid CampaignId { get; set; }
    public Campaign Campaign { get; set; } = null!;
    public required string UserId { get; set; }
    public PraTrackerUser User { get; set; } = null!;
}
