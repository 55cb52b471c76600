using Microsoft.EntityFrameworkCore;
using PraTracker.Data.Correspondence;
using PraTracker.Data.Database;
using PraTracker.Data.Deadlines;
using PraTracker.Data.Identity;
using PraTracker.Data.Requests;

namespace PraTracker.Data.Campaigns;

/// <summary>A row of the campaigns list; <see cref="Requests"/> counts only the requests the viewer may see.</summary>
public sealed record CampaignRow(Guid Id, string Title, string OwnerName, RequestVisibility Visibility, int Requests, DateTimeOffset CreatedAt);

/// <summary>Where a campaign's requests stand, counted over the requests the viewer may see.</summary>
public sealed record CampaignProgress(
    int Requests, int Drafts, int Sending, int SendFailed, int Sent, int Acknowledged, int Overdue, int Produced, int Denied, int Closed);

/// <summary>A campaign as its page shows it.</summary>
public sealed record CampaignDetail(
    Guid Id, string Title, string? Description, string OwnerName, IReadOnlyList<string> Collaborators, RequestVisibility Visibility,
    DateTimeOffset CreatedAt, Guid ConcurrencyStamp, CampaignProgress Progress);

/// <summary>Reads campaigns through the visibility filter: a visitor sees public campaigns and, in them, public requests only.</summary>
public static class CampaignQueries
{
    /// <summary>The responses that show an agency has answered: anything it sent back, from an acknowledgement to a denial.</summary>
    private static readonly RequestEventKind[] AgencyResponses =
    [
        RequestEventKind.Acknowledged, RequestEventKind.ExtensionNotice, RequestEventKind.ClarificationRequested, RequestEventKind.FeeEstimate,
        RequestEventKind.PartialProduction, RequestEventKind.FinalProduction, RequestEventKind.Denial,
    ];

    public static Task<Page<CampaignRow>> ListAsync(PraTrackerDbContext db, string? text, PageRequest page, CancellationToken ct = default)
    {
        var campaigns = db.Campaigns.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(text))
        {
            var lowered = text.Trim().ToLower();
            campaigns = campaigns.Where(c => c.Title.ToLower().Contains(lowered));
        }

        var sorted = page.SortBy switch
        {
            nameof(CampaignRow.Title) => campaigns.OrderBy(c => c.Title, page.Descending),
            nameof(CampaignRow.Requests) => campaigns.OrderBy(c => c.Requests.Count, page.Descending),
            nameof(CampaignRow.CreatedAt) => campaigns.OrderBy(c => c.CreatedAt, page.Descending),
            _ => campaigns.OrderByDescending(c => c.CreatedAt),
        };
        var seesPrivate = db.Viewer.SeesPrivate;
        return sorted.ThenBy(c => c.Id)
            .Select(c => new CampaignRow(
                c.Id, c.Title, seesPrivate ? (c.Owner.DisplayName != "" ? c.Owner.DisplayName : c.Owner.Email!) : "", c.Visibility, c.Requests.Count, c.CreatedAt))
            .ToPageAsync(page, ct);
    }

    /// <summary>The campaign and its progress; null when there is none the viewer may see. People are named to staff only.</summary>
    public static async Task<CampaignDetail?> GetAsync(PraTrackerDbContext db, Guid id, DateOnly today, CancellationToken ct = default)
    {
        var seesPrivate = db.Viewer.SeesPrivate;
        var campaign = await db.Campaigns.AsNoTracking().Where(c => c.Id == id)
            .Select(c => new
            {
                c.Id,
                c.Title,
                c.Description,
                c.Visibility,
                c.CreatedAt,
                c.ConcurrencyStamp,
                Owner = seesPrivate ? (c.Owner.DisplayName != "" ? c.Owner.DisplayName : c.Owner.Email!) : "",
                Collaborators = c.Members.Select(m => m.User.DisplayName != "" ? m.User.DisplayName : m.User.Email!).OrderBy(n => n).ToList(),
            })
            .SingleOrDefaultAsync(ct);
        return campaign is null
            ? null
            : new CampaignDetail(campaign.Id, campaign.Title, campaign.Description, campaign.Owner, campaign.Collaborators, campaign.Visibility,
                campaign.CreatedAt, campaign.ConcurrencyStamp, await ProgressAsync(db, id, today, ct));
    }

    /// <summary>
    /// How many of the campaign's requests are drafts, being sent, sent, answered, overdue (an agency deadline missed
    /// with no response), produced or denied. A request counts in every stage it has reached.
    /// </summary>
    public static async Task<CampaignProgress> ProgressAsync(PraTrackerDbContext db, Guid id, DateOnly today, CancellationToken ct = default)
    {
        var agencyDeadlines = LetterDrafts.FollowedUpKinds;
        var requests = await db.Requests.AsNoTracking().Where(r => r.CampaignId == id)
            .Select(r => new
            {
                r.Status,
                Sent = r.SentOn != null,
                Answered = r.Events.Any(e => AgencyResponses.Contains(e.Kind)),
                Produced = r.Events.Any(e => e.Kind == RequestEventKind.PartialProduction || e.Kind == RequestEventKind.FinalProduction),
                Denied = r.Outcome == RequestOutcome.Denied || r.Events.Any(e => e.Kind == RequestEventKind.Denial),
                Overdue = r.Deadlines.Any(d => agencyDeadlines.Contains(d.Kind)
                    && ((d.Status == DeadlineStatus.Missed && d.ClosedOn == null) || (d.Status == DeadlineStatus.Open && d.DueOn < today))),
                Mail = db.EmailMessages.Where(m => m.RequestId == r.Id && m.Purpose == LetterPurpose.Request).Select(m => m.Status).ToList(),
            })
            .ToListAsync(ct);
        return new CampaignProgress(
            requests.Count,
            requests.Count(r => r.Status == RequestStatus.Draft && r.Mail.Count == 0),
            requests.Count(r => !r.Sent && r.Mail.Contains(MailStatus.Sending)),
            requests.Count(r => !r.Sent && r.Mail.Contains(MailStatus.SendFailed) && !r.Mail.Contains(MailStatus.Sending)),
            requests.Count(r => r.Sent),
            requests.Count(r => r.Answered),
            requests.Count(r => r.Overdue),
            requests.Count(r => r.Produced),
            requests.Count(r => r.Denied),
            requests.Count(r => r.Status == RequestStatus.Closed));
    }

    /// <summary>The attorneys and admins who can work on a campaign, by name.</summary>
    public static async Task<IReadOnlyList<(string Id, string Name)>> StaffAsync(PraTrackerDbContext db, CancellationToken ct = default)
    {
        var staffRoles = new[] { Roles.Admin, Roles.Attorney };
        var people = await db.Users.AsNoTracking()
            .Where(u => db.UserRoles.Any(ur => ur.UserId == u.Id && db.Roles.Any(r => r.Id == ur.RoleId && staffRoles.Contains(r.Name!))))
            .Select(u => new { u.Id, Name = u.DisplayName != "" ? u.DisplayName : u.Email! })
            .ToListAsync(ct);
        return people.OrderBy(p => p.Name, StringComparer.OrdinalIgnoreCase).Select(p => (p.Id, p.Name)).ToList();
    }

    /// <summary>
    /// The ids of the campaign's drafts never tried by e-mail. A letter that failed is left out: its job is still
    /// retrying it, and a second job could send it twice.
    /// </summary>
    public static async Task<IReadOnlyList<Guid>> UnsentDraftsAsync(PraTrackerDbContext db, Guid id, CancellationToken ct = default) =>
        await db.Requests.AsNoTracking()
            .Where(r => r.CampaignId == id && r.Status == RequestStatus.Draft
                && !db.EmailMessages.Any(m => m.RequestId == r.Id && m.Purpose == LetterPurpose.Request))
            .OrderBy(r => r.Reference)
            .Select(r => r.Id)
            .ToListAsync(ct);
}
