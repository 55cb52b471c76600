using Microsoft.EntityFrameworkCore;
using PraTracker.Data.Agencies;
using PraTracker.Data.Campaigns;
using PraTracker.Data.Correspondence;
using PraTracker.Data.Database;
using PraTracker.Data.Deadlines;
using PraTracker.Data.Documents;
using PraTracker.Data.Identity;
using PraTracker.Data.Requests;

namespace PraTracker.Tests;

/// <summary>Campaigns: filing one request with many agencies, each under its own law, and counting where they stand.</summary>
public abstract class CampaignTests<TFixture>(TFixture fixture) : IClassFixture<TFixture>
    where TFixture : DatabaseFixture
{
    private static readonly DateTimeOffset Now = new(2026, 3, 2, 18, 0, 0, TimeSpan.Zero);
    private static readonly DateOnly Today = new(2026, 3, 2); // a Monday

    [Fact]
    public async Task Filing_to_agencies_in_two_states_gives_each_its_own_law_letter_checklist_and_deadline()
    {
        var (campaignId, userId, collaboratorId) = await CampaignAsync();
        var (california, washington) = await AgenciesAsync(("CA", 3), ("WA", 2));
        var draft = Draft(FilingMode.RecordAsSent);
        await using (var arrange = fixture.Open(Viewer.System))
        {
            var vendor = Build.Vendor();
            arrange.Vendors.Add(vendor);
            await arrange.SaveChangesAsync();
            draft.VendorIds = [vendor.Id];
        }
        var selection = new AgencySelection { AgencyIds = [.. california, .. washington] };

        await using var db = fixture.Open(Viewer.Staff(userId));
        var preview = await CampaignFiling.PreviewAsync(db, campaignId, draft, selection, Today);
        Assert.Empty(preview.Errors);
        Assert.Equal(5, preview.Ready.Count);
        Assert.All(preview.Letters.Where(l => l.State == "CA"), l => Assert.Equal(new DateOnly(2026, 3, 12), l.ResponseDueOn));
        Assert.All(preview.Letters.Where(l => l.State == "WA"), l => Assert.Equal(new DateOnly(2026, 3, 9), l.ResponseDueOn));
        Assert.Equal(0, await db.Requests.CountAsync(r => r.CampaignId == campaignId)); // a preview saves nothing

        var result = await CampaignFiling.FileAsync(db, campaignId, draft, selection, userId, Now, Today);

        Assert.True(result.Succeeded, string.Join("; ", result.Errors.Values));
        Assert.Equal(5, result.Filed.Count);
        Assert.Equal(5, result.Filed.Select(f => f.Reference).Distinct().Count());
        await using var read = fixture.Open(Viewer.System);
        var requests = await read.Requests.Include(r => r.Law).Include(r => r.Agency).Include(r => r.Deadlines).Include(r => r.Checklist)
            .Include(r => r.Assignments).Include(r => r.Events)
            .Where(r => r.CampaignId == campaignId).AsSplitQuery().ToListAsync();
        Assert.Equal(5, requests.Count);
        foreach (var request in requests)
        {
            var (code, citation, due) = request.Agency.State == "CA"
                ? ("US-CA", "Cal. Gov. Code", new DateOnly(2026, 3, 12))
                : ("US-WA", "RCW 42.56", new DateOnly(2026, 3, 9));
            Assert.Equal(code, request.Law.Code);
            Assert.Equal(RequestStatus.Sent, request.Status);
            Assert.Equal(RequestEventKind.Filed, Assert.Single(request.Events).Kind);
            Assert.Equal(due, Assert.Single(request.Deadlines, d => d.Kind == DeadlineKind.InitialResponse).DueOn);
            Assert.Contains($"To the records officer of the {request.Agency.Name}:", request.RequestText);
            Assert.Contains(citation, request.RequestText);
            Assert.Contains("1. Every contract, agreement, amendment, renewal, statement of work, license and terms of service concerning Spokeo", request.RequestText);
            Assert.Equal([RecordKind.Contract, RecordKind.AuditLogs], request.Checklist.Select(c => c.Kind).Order());
            Assert.All(request.Checklist, c => Assert.Equal(ChecklistStatus.NotAddressed, c.Status));
            Assert.Equal(new[] { collaboratorId, userId }.Order(), request.Assignments.Select(a => a.UserId).Order());
        }
    }

    [Fact]
    public async Task Agencies_are_picked_by_state_and_kind_together_or_by_a_contract_with_the_vendor_and_named_ones_are_added()
    {
        var state = "Z" + Random.Shared.Next(0, 10); // a state of this test's own, so other tests' agencies stay out
        await using var db = fixture.Open(Viewer.System);
        var police = Build.Agency(await Build.CaliforniaAsync(db), state);
        police.Kind = AgencyKind.PoliceDepartment;
        var sheriff = Build.Agency(police.Law, state);
        sheriff.Kind = AgencyKind.Sheriff;
        var elsewhere = Build.Agency(police.Law, "CA");
        var vendor = Build.Vendor();
        db.AddRange(police, sheriff, elsewhere, vendor, Build.Contract(sheriff, vendor), Build.Contract(elsewhere, vendor));
        await db.SaveChangesAsync();

        var byStateAndKind = await CampaignFiling.SelectAsync(db, new AgencySelection { States = [state], Kinds = [AgencyKind.Sheriff] });
        var byVendor = await CampaignFiling.SelectAsync(db, new AgencySelection { ContractVendorId = vendor.Id });
        var byVendorInState = await CampaignFiling.SelectAsync(db, new AgencySelection { ContractVendorId = vendor.Id, States = [state], AgencyIds = [police.Id] });

        Assert.Contains(sheriff.Id, byStateAndKind.Agencies.Select(a => a.Id));
        Assert.DoesNotContain(police.Id, byStateAndKind.Agencies.Select(a => a.Id));
        Assert.Equal(new[] { sheriff.Id, elsewhere.Id }.Order(), byVendor.Agencies.Select(a => a.Id).Order());
        Assert.Equal(new[] { police.Id, sheriff.Id }.Order(), byVendorInState.Agencies.Select(a => a.Id).Order());
    }

    [Fact]
    public async Task The_coverage_gaps_are_the_agencies_using_a_vendor_or_technology_with_no_request_about_it()
    {
        await using var db = fixture.Open(Viewer.System);
        var california = await Build.CaliforniaAsync(db);
        var vendor = Build.Vendor();
        var otherVendor = Build.Vendor();
        var drones = await db.TechnologyCategories.SingleAsync(c => c.Code == "drones");
        var drone = new Data.Contracts.Product { Vendor = vendor, Name = Build.Unique("Skydio X10"), TechnologyCategory = drones };
        var (asked, askedThroughContract, unasked, askedAboutAnother) = (Build.Agency(california), Build.Agency(california), Build.Agency(california), Build.Agency(california));
        var contracts = new[] { asked, askedThroughContract, unasked, askedAboutAnother }.Select(a => Build.Contract(a, vendor)).ToList();
        contracts.ForEach(c => c.Products.Add(drone));
        var aboutVendor = Build.Request(asked, california, RequestVisibility.Private);
        aboutVendor.VendorLinks.Add(new RequestVendor { Vendor = vendor });
        var aboutContract = Build.Request(askedThroughContract, california);
        aboutContract.ContractLinks.Add(new RequestContract { Contract = contracts[1] });
        var aboutOther = Build.Request(askedAboutAnother, california);
        aboutOther.VendorLinks.Add(new RequestVendor { Vendor = otherVendor });
        aboutOther.CategoryLinks.Add(new RequestTechnologyCategory { TechnologyCategory = drones });
        db.AddRange(vendor, otherVendor, drone, aboutVendor, aboutContract, aboutOther);
        db.AddRange(contracts);
        await db.SaveChangesAsync();

        var byVendor = await CampaignFiling.SelectAsync(db, new AgencySelection { ContractVendorId = vendor.Id, OnlyWithoutRequest = true });
        var byCategory = await CampaignFiling.SelectAsync(db, new AgencySelection { ContractCategoryCode = "drones", OnlyWithoutRequest = true, States = ["CA"] });

        Assert.Equal(new[] { unasked.Id, askedAboutAnother.Id }.Order(), byVendor.Agencies.Select(a => a.Id).Order());
        var gapsByCategory = byCategory.Agencies.Select(a => a.Id).ToList();
        Assert.Contains(asked.Id, gapsByCategory); // asked about the vendor, never about drones
        Assert.Contains(unasked.Id, gapsByCategory);
        Assert.DoesNotContain(askedThroughContract.Id, gapsByCategory); // its request names a drone contract
        Assert.DoesNotContain(askedAboutAnother.Id, gapsByCategory); // its request names the category
    }

    [Fact]
    public async Task Agencies_without_a_law_or_an_address_to_mail_or_already_filed_are_named_in_the_preview_and_skipped()
    {
        var (campaignId, userId, _) = await CampaignAsync();
        var (ready, _) = await AgenciesAsync(("CA", 2), ("WA", 0));
        await using var db = fixture.Open(Viewer.Staff(userId));
        var noLaw = new Agency { Name = Build.Unique("Lawless PD"), State = "CA", RecordsEmail = "records@lawless.example.org" };
        var noEmail = Build.Agency(await Build.CaliforniaAsync(db));
        db.AddRange(noLaw, noEmail);
        await db.SaveChangesAsync();
        var selection = new AgencySelection { AgencyIds = [.. ready, noLaw.Id, noEmail.Id] };

        var first = await CampaignFiling.FileAsync(db, campaignId, Draft(FilingMode.SendByEmail), selection, userId, Now, Today);
        var preview = await CampaignFiling.PreviewAsync(db, campaignId, Draft(FilingMode.SendByEmail), selection, Today);

        Assert.Equal(2, first.Filed.Count);
        Assert.StartsWith("Has no public-records law set", preview.Letters.Single(l => l.AgencyId == noLaw.Id).Problem);
        Assert.StartsWith("Has no records e-mail address", preview.Letters.Single(l => l.AgencyId == noEmail.Id).Problem);
        Assert.All(preview.Letters.Where(l => ready.Contains(l.AgencyId)), l => Assert.StartsWith("Already has a request in this campaign (PRA-2026-", l.Problem));
        Assert.Empty(preview.Ready);
        var again = await CampaignFiling.FileAsync(db, campaignId, Draft(FilingMode.SendByEmail), selection, userId, Now, Today);
        Assert.False(again.Succeeded);
        Assert.Equal(2, await db.Requests.CountAsync(r => r.CampaignId == campaignId));

        // To be sent by e-mail, they wait as drafts with no deadline until the letter leaves.
        var drafts = await db.Requests.Include(r => r.Deadlines).Where(r => r.CampaignId == campaignId).ToListAsync();
        Assert.All(drafts, r => Assert.Equal((RequestStatus.Draft, 0), (r.Status, r.Deadlines.Count)));
        Assert.Equal(drafts.Select(r => r.Id).Order(), (await CampaignQueries.UnsentDraftsAsync(db, campaignId)).Order());
    }

    [Fact]
    public async Task A_campaign_edit_changes_its_collaborators_and_one_made_from_a_stale_copy_saves_nothing()
    {
        var (campaignId, userId, collaboratorId) = await CampaignAsync();
        await using var db = fixture.Open(Viewer.Staff(userId));
        var (input, stamp) = (await CampaignCommands.GetForEditAsync(db, campaignId))!.Value;
        Assert.Equal([collaboratorId], input.CollaboratorIds);

        input.Title = "Spokeo in every California police department";
        input.Visibility = RequestVisibility.Public;
        input.CollaboratorIds = [];
        var saved = await CampaignCommands.UpdateAsync(db, campaignId, input, stamp);
        input.Title = "Overwritten";
        var stale = await CampaignCommands.UpdateAsync(fixture.Open(Viewer.Staff(userId)), campaignId, input, stamp);
        input.Title = " ";
        var blank = await CampaignCommands.UpdateAsync(fixture.Open(Viewer.Staff(userId)), campaignId, input, stamp);

        Assert.True(saved.Succeeded, string.Join("; ", saved.Errors.Values));
        Assert.StartsWith("Someone else saved this campaign", stale.Errors[""]);
        Assert.Equal("Give the campaign a title.", blank.Errors[nameof(CampaignInput.Title)]);
        await using var read = fixture.Open(Viewer.System);
        var campaign = await read.Campaigns.Include(c => c.Members).SingleAsync(c => c.Id == campaignId);
        Assert.Equal(("Spokeo in every California police department", RequestVisibility.Public, 0), (campaign.Title, campaign.Visibility, campaign.Members.Count));
    }

    [Fact]
    public async Task Bad_input_is_refused_field_by_field_and_nothing_is_saved()
    {
        var (campaignId, userId, _) = await CampaignAsync();
        var (ready, _) = await AgenciesAsync(("CA", 1), ("WA", 0));
        await using var db = fixture.Open(Viewer.Staff(userId));
        var draft = Draft(FilingMode.RecordAsSent);
        draft.Title = " ";
        draft.RecordsSought = "";
        draft.SentOn = Today.AddDays(1);

        var refused = await CampaignFiling.FileAsync(db, campaignId, draft, new AgencySelection(), userId, Now, Today);
        var nothingMatches = await CampaignFiling.FileAsync(db, campaignId, Draft(FilingMode.Drafts), new AgencySelection { States = ["XX"] }, userId, Now, Today);

        Assert.Equal(
            [nameof(AgencySelection), nameof(FilingDraft.RecordsSought), nameof(FilingDraft.SentOn), nameof(FilingDraft.Title)],
            refused.Errors.Keys.Order());
        Assert.Equal("No agency matches that selection.", nothingMatches.Errors[nameof(AgencySelection)]);
        Assert.Equal(0, await db.Requests.CountAsync(r => r.CampaignId == campaignId));
    }

    [Fact]
    public async Task Progress_counts_each_stage_a_request_has_reached_and_visitors_count_only_public_requests()
    {
        var (campaignId, userId, _) = await CampaignAsync(RequestVisibility.Public);
        var (agencies, _) = await AgenciesAsync(("CA", 4), ("WA", 0));
        await using (var db = fixture.Open(Viewer.Staff(userId)))
        {
            var draft = Draft(FilingMode.RecordAsSent);
            draft.SentOn = Today.AddDays(-20);
            draft.Visibility = RequestVisibility.Public;
            var filed = await CampaignFiling.FileAsync(db, campaignId, draft, new AgencySelection { AgencyIds = agencies }, userId, Now, Today);
            var ids = filed.Filed.Select(f => f.Id).ToList();
            await LogAsync(db, ids[0], RequestEventKind.PartialProduction, userId);
            await LogAsync(db, ids[1], RequestEventKind.Denial, userId);
            var hidden = await db.Requests.SingleAsync(r => r.Id == ids[3]);
            hidden.Visibility = RequestVisibility.Private;
            await db.SaveChangesAsync();
        }

        await using var staff = fixture.Open(Viewer.Staff(userId));
        var progress = await CampaignQueries.ProgressAsync(staff, campaignId, Today);
        await using var visitor = fixture.Open(Viewer.Anonymous);
        var seen = await CampaignQueries.GetAsync(visitor, campaignId, Today);

        // Sent 20 days ago under a 10-day law: the two the agency has not answered are overdue; the denial closed one.
        Assert.Equal(new CampaignProgress(4, 0, 0, 0, 4, 2, 2, 1, 1, 1), progress);
        Assert.NotNull(seen);
        Assert.Equal(3, seen.Progress.Requests);
        Assert.Equal("", seen.OwnerName);
        Assert.Empty(seen.Collaborators);
    }

    [Fact]
    public async Task A_private_campaign_is_invisible_to_visitors_and_its_documents_listed_only_when_published()
    {
        var (campaignId, userId, _) = await CampaignAsync();
        await using var visitor = fixture.Open(Viewer.Anonymous);
        Assert.Null(await CampaignQueries.GetAsync(visitor, campaignId, Today));
        Assert.DoesNotContain(campaignId, (await CampaignQueries.ListAsync(visitor, null, new PageRequest(PageSize: 200))).Items.Select(c => c.Id));

        var (publicId, _, _) = await CampaignAsync(RequestVisibility.Public);
        await using (var db = fixture.Open(Viewer.System))
        {
            var request = Build.Request(Build.Agency(await Build.CaliforniaAsync(db)), await Build.CaliforniaAsync(db));
            request.CampaignId = publicId;
            db.AddRange(request, Build.Document(request), Build.Document(request, PublicationStatus.InReview));
            await db.SaveChangesAsync();
        }

        Assert.Equal(1, (await DocumentQueries.OfCampaignAsync(visitor, publicId, new PageRequest())).TotalCount);
        await using var staff = fixture.Open(Viewer.Staff(userId));
        Assert.Equal(2, (await DocumentQueries.OfCampaignAsync(staff, publicId, new PageRequest())).TotalCount);
    }

    private static FilingDraft Draft(FilingMode mode) => new()
    {
        Title = "Spokeo for Law Enforcement",
        RecordsSought = "Records about the department's use of Spokeo, a people-search database, since January 1, 2020.",
        CategoryCode = "people-search",
        Checklist = [RecordKind.AuditLogs, RecordKind.Contract],
        RequesterName = "Test Attorney",
        Mode = mode,
        Method = mode == FilingMode.RecordAsSent ? SubmissionMethod.Portal : null,
        SentOn = mode == FilingMode.RecordAsSent ? Today : null,
    };

    private async Task<(Guid CampaignId, string UserId, string CollaboratorId)> CampaignAsync(RequestVisibility visibility = RequestVisibility.Private)
    {
        var user = Build.User();
        var collaborator = Build.User();
        await using var db = fixture.Open(Viewer.System);
        db.Users.AddRange(user, collaborator);
        await db.SaveChangesAsync();
        var result = await CampaignCommands.CreateAsync(db, new CampaignInput
        {
            Title = Build.Unique("Spokeo in California"),
            Visibility = visibility,
            CollaboratorIds = [collaborator.Id],
        }, user.Id, Now);
        Assert.True(result.Succeeded, string.Join("; ", result.Errors.Values));
        return (result.Id!.Value, user.Id, collaborator.Id);
    }

    private async Task<(List<Guid> First, List<Guid> Second)> AgenciesAsync((string State, int Count) first, (string State, int Count) second)
    {
        await using var db = fixture.Open(Viewer.System);
        List<Guid> Add((string State, int Count) group)
        {
            var law = db.Laws.Single(l => l.Code == "US-" + group.State);
            var added = Enumerable.Range(0, group.Count).Select(_ => Build.Agency(law, group.State)).ToList();
            added.ForEach(a => a.RecordsEmail = "records@" + a.Id.ToString("N")[..8] + ".example.org");
            db.Agencies.AddRange(added);
            return added.Select(a => a.Id).ToList();
        }

        var ids = (Add(first), Add(second));
        await db.SaveChangesAsync();
        return ids;
    }

    private static async Task LogAsync(PraTrackerDbContext db, Guid requestId, RequestEventKind kind, string userId)
    {
        var logged = await RequestTimeline.LogAsync(db, requestId, new RequestEventInput(kind, Today.AddDays(-5), kind.ToString()), userId, Now, Today);
        Assert.True(logged.Succeeded, string.Join("; ", logged.Errors));
    }
}

public sealed class PostgresCampaignTests(PostgresFixture fixture) : CampaignTests<PostgresFixture>(fixture);

public sealed class SqliteCampaignTests(SqliteFixture fixture) : CampaignTests<SqliteFixture>(fixture);
