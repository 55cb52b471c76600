using Hangfire;
using Microsoft.EntityFrameworkCore;
using PraTracker.Data.Agencies;
using PraTracker.Data.Campaigns;
using PraTracker.Data.Database;
using PraTracker.Data.Documents;
using PraTracker.Data.Requests;
using PraTracker.Jobs.Correspondence;
using PraTracker.Web.Security;

namespace PraTracker.Web.Features.Campaigns;

/// <summary>One agency's request in a campaign, with what it has done about each kind of record asked for.</summary>
public sealed record CampaignAgencyRow(RequestRow Request, IReadOnlyDictionary<RecordKind, ChecklistStatus> Checklist);

/// <summary>What the filing form picks from: vendors, technology categories, states with agencies, and agencies by name.</summary>
public sealed record FilingChoices(IReadOnlyList<PickOption> Vendors, IReadOnlyList<CodeOption> Categories, IReadOnlyList<string> States);

/// <summary>The campaign pages' reads, run as whoever is looking, and the attorneys' filings.</summary>
public sealed class CampaignService(ViewerContextFactory contexts, OrganisationClock clock, IBackgroundJobClient jobs)
{
    public DateOnly Today => clock.Today;

    public Task<Page<CampaignRow>> ListAsync(string? text, PageRequest page, CancellationToken ct = default) =>
        contexts.ReadAsync(db => CampaignQueries.ListAsync(db, text, page, ct), ct);

    public Task<CampaignDetail?> GetAsync(Guid id, CancellationToken ct = default) =>
        contexts.ReadAsync(db => CampaignQueries.GetAsync(db, id, clock.Today, ct), ct);

    /// <summary>The campaign's requests, one row an agency, as the requests list shows them, with their checklists.</summary>
    public Task<Page<CampaignAgencyRow>> RequestsAsync(Guid id, PageRequest page, CancellationToken ct = default) =>
        contexts.ReadAsync(async db =>
        {
            // The grid names its sort keys by the row's path ("Request.AgencyName"); the requests list knows them by name.
            var requests = await RequestQueries.ListAsync(db, new RequestFilter(CampaignId: id, Today: clock.Today), page with { SortBy = page.SortBy?.Replace("Request.", "", StringComparison.Ordinal) }, ct);
            var checklists = await RequestChecklist.SummariesAsync(db, [.. requests.Items.Select(r => r.Id)], ct);
            return new Page<CampaignAgencyRow>(
                [.. requests.Items.Select(r => new CampaignAgencyRow(r, checklists.GetValueOrDefault(r.Id) ?? new Dictionary<RecordKind, ChecklistStatus>()))],
                requests.TotalCount);
        }, ct);

    public Task<Page<DocumentRow>> DocumentsAsync(Guid id, PageRequest page, CancellationToken ct = default) =>
        contexts.ReadAsync(db => DocumentQueries.OfCampaignAsync(db, id, page, ct), ct);

    public async Task<IReadOnlyList<(string Id, string Name)>> StaffAsync(CancellationToken ct = default)
    {
        await using var db = await contexts.OpenAsStaffAsync(ct);
        return await CampaignQueries.StaffAsync(db, ct);
    }

    public async Task<FilingChoices> FilingChoicesAsync(CancellationToken ct = default)
    {
        await using var db = await contexts.OpenAsStaffAsync(ct);
        return new FilingChoices(
            await RequestFormOptions.VendorsAsync(db, ct),
            await RequestFormOptions.CategoryCodesAsync(db, ct),
            await AgencyQueries.StatesAsync(db, ct));
    }

    public async Task<IReadOnlyList<AgencyPick>> SearchAgenciesAsync(string? text, CancellationToken ct = default)
    {
        await using var db = await contexts.OpenAsStaffAsync(ct);
        return await RequestFormOptions.SearchAgenciesAsync(db, text, ct);
    }

    /// <summary>Creates a campaign owned by the signed-in attorney.</summary>
    public async Task<RequestSaveResult> CreateAsync(CampaignInput input, CancellationToken ct = default)
    {
        await using var db = await contexts.OpenAsStaffAsync(ct);
        return await CampaignCommands.CreateAsync(db, input, db.Viewer.UserId!, clock.UtcNow, ct);
    }

    public async Task<(CampaignInput Input, Guid ConcurrencyStamp)?> GetForEditAsync(Guid id, CancellationToken ct = default)
    {
        await using var db = await contexts.OpenAsStaffAsync(ct);
        return await CampaignCommands.GetForEditAsync(db, id, ct);
    }

    public async Task<RequestSaveResult> UpdateAsync(Guid id, CampaignInput input, Guid concurrencyStamp, CancellationToken ct = default)
    {
        await using var db = await contexts.OpenAsStaffAsync(ct);
        return await CampaignCommands.UpdateAsync(db, id, input, concurrencyStamp, ct);
    }

    /// <summary>The name the signed-in attorney signs letters with.</summary>
    public async Task<string> SignerNameAsync(CancellationToken ct = default)
    {
        await using var db = await contexts.OpenAsStaffAsync(ct);
        return await db.Users.Where(u => u.Id == db.Viewer.UserId).Select(u => u.DisplayName != "" ? u.DisplayName : u.Email!).SingleAsync(ct);
    }

    public async Task<FilingPreview> PreviewAsync(Guid campaignId, FilingDraft draft, AgencySelection selection, CancellationToken ct = default)
    {
        await using var db = await contexts.OpenAsStaffAsync(ct);
        return await CampaignFiling.PreviewAsync(db, campaignId, draft, selection, clock.Today, ct);
    }

    /// <summary>Files the requests; those to be sent by e-mail are queued to leave one by one, each retried if the mail server refuses it.</summary>
    public async Task<FilingResult> FileAsync(Guid campaignId, FilingDraft draft, AgencySelection selection, CancellationToken ct = default)
    {
        await using var db = await contexts.OpenAsStaffAsync(ct);
        var result = await CampaignFiling.FileAsync(db, campaignId, draft, selection, db.Viewer.UserId!, clock.UtcNow, clock.Today, ct);
        if (result.Succeeded && result.Mode == FilingMode.SendByEmail)
        {
            QueueSending(result.Filed.Select(f => f.Id), db.Viewer.UserId);
        }

        return result;
    }

    /// <summary>Queues the campaign's drafts that were never sent (a filing kept as drafts, or letters that failed); returns how many.</summary>
    public async Task<int> SendDraftsAsync(Guid campaignId, CancellationToken ct = default)
    {
        await using var db = await contexts.OpenAsStaffAsync(ct);
        var drafts = await CampaignQueries.UnsentDraftsAsync(db, campaignId, ct);
        QueueSending(drafts, db.Viewer.UserId);
        return drafts.Count;
    }

    private void QueueSending(IEnumerable<Guid> requestIds, string? userId)
    {
        foreach (var id in requestIds)
        {
            jobs.Enqueue<SendRequestLetterJob>(job => job.RunAsync(id, userId, CancellationToken.None));
        }
    }
}
