using Microsoft.EntityFrameworkCore;
using PraTracker.Data.Database;
using PraTracker.Data.Requests;

namespace PraTracker.Data.Campaigns;

/// <summary>A campaign as its form fills it in.</summary>
public sealed class CampaignInput
{
    public string Title { get; set; } = "";
    public string? Description { get; set; }
    public RequestVisibility Visibility { get; set; } = RequestVisibility.Private;

    /// <summary>The attorneys working on it beside its owner.</summary>
    public List<string> CollaboratorIds { get; set; } = [];
}

/// <summary>Creates and edits campaigns.</summary>
public static class CampaignCommands
{
    /// <summary>Every problem with the input, keyed by field name.</summary>
    public static IReadOnlyDictionary<string, string> Validate(CampaignInput input)
    {
        var errors = new Dictionary<string, string>();
        if (string.IsNullOrWhiteSpace(input.Title))
        {
            errors[nameof(input.Title)] = "Give the campaign a title.";
        }
        else if (input.Title.Trim().Length > 300)
        {
            errors[nameof(input.Title)] = "Keep the title under 300 characters.";
        }

        if (input.Description is { Length: > 8000 })
        {
            errors[nameof(input.Description)] = "Keep the description under 8,000 characters.";
        }

        return errors;
    }

    /// <summary>Creates a campaign owned by <paramref name="ownerId"/>; its collaborators must be staff accounts.</summary>
    public static async Task<RequestSaveResult> CreateAsync(PraTrackerDbContext db, CampaignInput input, string ownerId, DateTimeOffset now, CancellationToken ct = default)
    {
        var errors = Validate(input);
        if (errors.Count > 0)
        {
            return new RequestSaveResult(errors, null, null);
        }

        var collaborators = input.CollaboratorIds.Where(id => id != ownerId).Distinct().ToList();
        if (await db.Users.CountAsync(u => collaborators.Contains(u.Id), ct) != collaborators.Count)
        {
            return RequestSaveResult.Refused(nameof(input.CollaboratorIds), "One of the collaborators no longer has an account.");
        }

        var campaign = new Campaign
        {
            Title = input.Title.Trim(),
            Description = InputText.TrimmedOrNull(input.Description),
            Visibility = input.Visibility,
            OwnerUserId = ownerId,
            CreatedAt = now,
        };
        campaign.Members.AddRange(collaborators.Select(id => new CampaignMember { UserId = id }));
        db.Campaigns.Add(campaign);
        await db.SaveChangesAsync(ct);
        return new RequestSaveResult(new Dictionary<string, string>(), campaign.Id, null);
    }

    /// <summary>The campaign as the edit form starts from, with the stamp that detects a concurrent edit; null when there is none.</summary>
    public static async Task<(CampaignInput Input, Guid ConcurrencyStamp)?> GetForEditAsync(PraTrackerDbContext db, Guid id, CancellationToken ct = default)
    {
        var campaign = await db.Campaigns.AsNoTracking().Include(c => c.Members).SingleOrDefaultAsync(c => c.Id == id, ct);
        return campaign is null
            ? null
            : (new CampaignInput
            {
                Title = campaign.Title,
                Description = campaign.Description,
                Visibility = campaign.Visibility,
                CollaboratorIds = [.. campaign.Members.Select(m => m.UserId)],
            }, campaign.ConcurrencyStamp);
    }

    /// <summary>Saves an edit made from <paramref name="expectedStamp"/>; refused if someone saved the campaign since.</summary>
    public static async Task<RequestSaveResult> UpdateAsync(PraTrackerDbContext db, Guid id, CampaignInput input, Guid expectedStamp, CancellationToken ct = default)
    {
        var errors = Validate(input);
        if (errors.Count > 0)
        {
            return new RequestSaveResult(errors, id, null);
        }

        var campaign = await db.Campaigns.Include(c => c.Members).SingleOrDefaultAsync(c => c.Id == id, ct);
        if (campaign is null)
        {
            return RequestSaveResult.Refused("", "That campaign no longer exists.");
        }

        if (campaign.ConcurrencyStamp != expectedStamp)
        {
            return RequestSaveResult.Refused("", "Someone else saved this campaign after you opened it. Your changes were not saved.");
        }

        db.Entry(campaign).Property(c => c.ConcurrencyStamp).OriginalValue = expectedStamp;
        var collaborators = input.CollaboratorIds.Where(u => u != campaign.OwnerUserId).Distinct().ToList();
        if (await db.Users.CountAsync(u => collaborators.Contains(u.Id), ct) != collaborators.Count)
        {
            return RequestSaveResult.Refused(nameof(input.CollaboratorIds), "One of the collaborators no longer has an account.");
        }

        campaign.Title = input.Title.Trim();
        campaign.Description = InputText.TrimmedOrNull(input.Description);
        campaign.Visibility = input.Visibility;
        campaign.Members.RemoveAll(m => !collaborators.Contains(m.UserId));
        campaign.Members.AddRange(collaborators.Where(u => campaign.Members.All(m => m.UserId != u)).Select(u => new CampaignMember { UserId = u }));
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return RequestSaveResult.Refused("", "Someone else saved this campaign after you opened it. Your changes were not saved.");
        }

        return new RequestSaveResult(new Dictionary<string, string>(), campaign.Id, null);
    }
}
