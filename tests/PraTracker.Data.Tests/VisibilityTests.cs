using Microsoft.EntityFrameworkCore;
using PraTracker.Data.Agencies;
using PraTracker.Data.Contracts;
using PraTracker.Data.Database;
using PraTracker.Data.Deadlines;
using PraTracker.Data.Documents;
using PraTracker.Data.Identity;
using PraTracker.Data.Requests;

namespace PraTracker.Tests;

/// <summary>What an anonymous visitor may see, decided once in the data layer, through every query shape pages use.</summary>
public abstract class VisibilityTests<TFixture>(TFixture fixture) : IClassFixture<TFixture>
    where TFixture : DatabaseFixture
{
    private readonly TFixture _fixture = fixture;

    [Fact]
    public async Task Anonymous_visitors_never_see_a_private_request_its_timeline_deadlines_or_links()
    {
        var (agency, publicRequest, privateRequest) = await SaveAgencyWithPublicAndPrivateRequestsAsync();

        await using var anonymous = _fixture.Open(Viewer.Anonymous);
        var visible = await anonymous.Requests.Where(r => r.AgencyId == agency.Id).Select(r => r.Id).ToListAsync();
        Assert.Equal([publicRequest.Id], visible);
        Assert.Null(await anonymous.Requests.FindAsync(privateRequest.Id) is { } found && found.Visibility == RequestVisibility.Private ? found : null);
        Assert.False(await anonymous.RequestEvents.AnyAsync(e => e.RequestId == privateRequest.Id));
        Assert.False(await anonymous.Deadlines.AnyAsync(d => d.RequestId == privateRequest.Id));
        Assert.False(await anonymous.RequestVendors.AnyAsync(l => l.RequestId == privateRequest.Id));
        Assert.False(await anonymous.RequestContracts.AnyAsync(l => l.RequestId == privateRequest.Id));
        Assert.True(await anonymous.Deadlines.AnyAsync(d => d.RequestId == publicRequest.Id));

        // Through a navigation from a public entity, too.
        var vendorRequestCount = await anonymous.Vendors.Where(v => v.Id == publicRequest.VendorLinks[0].VendorId)
            .Select(v => anonymous.RequestVendors.Count(l => l.VendorId == v.Id)).SingleAsync();
        Assert.Equal(1, vendorRequestCount);

        await using var staff = _fixture.Open(Viewer.Staff("attorney-1"));
        Assert.Equal(2, await staff.Requests.CountAsync(r => r.AgencyId == agency.Id));
    }

    [Fact]
    public async Task The_agency_list_counts_only_requests_the_viewer_may_see()
    {
        var (agency, _, _) = await SaveAgencyWithPublicAndPrivateRequestsAsync();

        await using var anonymous = _fixture.Open(Viewer.Anonymous);
        var asSeenAnonymously = await AgencyQueries.ListAsync(anonymous, agency.Name, new PageRequest());
        Assert.Equal(1, Assert.Single(asSeenAnonymously.Items).RequestCount);

        await using var staff = _fixture.Open(Viewer.Staff("attorney-1"));
        var asSeenByStaff = await AgencyQueries.ListAsync(staff, agency.Name, new PageRequest());
        Assert.Equal(2, Assert.Single(asSeenByStaff.Items).RequestCount);
    }

    [Fact]
    public async Task A_search_by_title_does_not_reveal_a_private_request_or_its_count()
    {
        var (_, _, privateRequest) = await SaveAgencyWithPublicAndPrivateRequestsAsync();

        await using var anonymous = _fixture.Open(Viewer.Anonymous);
        var page = await RequestQueries.ListAsync(anonymous, new RequestFilter(Text: privateRequest.Title), new PageRequest());
        Assert.Empty(page.Items);
        Assert.Equal(0, page.TotalCount);
        Assert.Null(await RequestQueries.GetAsync(anonymous, privateRequest.Id));
    }

    [Fact]
    public async Task Attorneys_notes_are_shown_to_staff_and_never_to_anonymous_visitors_even_on_a_public_request()
    {
        var (_, publicRequest, _) = await SaveAgencyWithPublicAndPrivateRequestsAsync();

        await using var anonymous = _fixture.Open(Viewer.Anonymous);
        var publicView = await RequestQueries.GetAsync(anonymous, publicRequest.Id);
        Assert.NotNull(publicView);
        Assert.Null(publicView.InternalNotes);

        await using var staff = _fixture.Open(Viewer.Staff("attorney-1"));
        Assert.Equal("Source: a records clerk", (await RequestQueries.GetAsync(staff, publicRequest.Id))!.InternalNotes);
    }

    [Fact]
    public async Task A_document_is_public_only_when_published_past_its_embargo_and_on_a_public_request()
    {
        var (_, publicRequest, privateRequest) = await SaveAgencyWithPublicAndPrivateRequestsAsync();
        var now = _fixture.Clock.GetUtcNow();
        var published = Build.Document(publicRequest);
        var inReview = Build.Document(publicRequest, PublicationStatus.InReview);
        var unpublished = Build.Document(publicRequest, PublicationStatus.Private);
        var embargoed = Build.Document(publicRequest, PublicationStatus.Published, embargoUntil: now.AddDays(2));
        var onPrivateRequest = Build.Document(privateRequest);
        await using (var db = _fixture.Open(Viewer.System))
        {
            foreach (var document in new[] { published, inReview, unpublished, embargoed, onPrivateRequest })
            {
                document.RequestId = document.Request.Id;
                document.Request = null!;
                db.Documents.Add(document);
            }

            await db.SaveChangesAsync();
        }

        var requestIds = new[] { publicRequest.Id, privateRequest.Id };
        var clock = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(now);
        var factory = _fixture.Database.CreateFactory(clock);
        await using (var anonymous = factory.CreateDbContext().ViewAs(Viewer.Anonymous))
        {
            var visible = await anonymous.Documents.Where(d => requestIds.Contains(d.RequestId)).Select(d => d.Id).ToListAsync();
            Assert.Equal([published.Id], visible);

            // The embargo lifts by itself when its instant passes: the filter reads the clock on every query.
            clock.Advance(TimeSpan.FromDays(2));
            var later = await anonymous.Documents.Where(d => requestIds.Contains(d.RequestId)).Select(d => d.Id).ToListAsync();
            Assert.Equal(new[] { published.Id, embargoed.Id }.Order(), later.Order());
        }

        await using var staff = _fixture.Open(Viewer.Staff("attorney-1"));
        Assert.Equal(5, await staff.Documents.CountAsync(d => requestIds.Contains(d.RequestId)));
    }

    [Fact]
    public async Task Assignments_reminders_and_the_audit_trail_are_hidden_from_anonymous_visitors()
    {
        var (_, publicRequest, _) = await SaveAgencyWithPublicAndPrivateRequestsAsync();
        var user = Build.User();
        await using (var db = _fixture.Open(Viewer.System))
        {
            db.Users.Add(user);
            db.RequestAssignments.Add(new RequestAssignment { RequestId = publicRequest.Id, UserId = user.Id });
            var deadlineId = await db.Deadlines.Where(d => d.RequestId == publicRequest.Id).Select(d => d.Id).FirstAsync();
            db.ReminderDispatches.Add(new ReminderDispatch { DeadlineId = deadlineId, RecipientUserId = user.Id, LeadDays = 7, ClaimedAt = _fixture.Clock.GetUtcNow() });
            await db.SaveChangesAsync();
        }

        await using var anonymous = _fixture.Open(Viewer.Anonymous);
        Assert.False(await anonymous.RequestAssignments.AnyAsync());
        Assert.False(await anonymous.ReminderDispatches.AnyAsync());
        Assert.False(await anonymous.AuditEntries.AnyAsync());

        await using var staff = _fixture.Open(Viewer.Staff(user.Id));
        Assert.True(await staff.RequestAssignments.AnyAsync(a => a.UserId == user.Id));
        Assert.True(await staff.AuditEntries.AnyAsync(e => e.EntityId == publicRequest.Id));
    }

    [Fact]
    public async Task A_context_nobody_set_a_viewer_on_is_anonymous()
    {
        var (agency, _, _) = await SaveAgencyWithPublicAndPrivateRequestsAsync();
        await using var forgotten = _fixture.Factory.CreateDbContext();
        Assert.Equal(1, await forgotten.Requests.CountAsync(r => r.AgencyId == agency.Id));
    }

    private async Task<(Agency Agency, RecordsRequest Public, RecordsRequest Private)> SaveAgencyWithPublicAndPrivateRequestsAsync()
    {
        await using var db = _fixture.Open(Viewer.System);
        var law = await Build.CaliforniaAsync(db);
        var agency = Build.Agency(law);
        var vendor = new Vendor { Name = Build.Unique("Clearview AI") };
        var contract = new Contract { Agency = agency, Vendor = vendor, Title = "Trial accounts", ProcurementMethod = ProcurementMethod.FreeTrial };
        var requests = new[] { RequestVisibility.Public, RequestVisibility.Private }.Select(visibility =>
        {
            var request = Build.Request(agency, law, visibility);
            request.InternalNotes = "Source: a records clerk";
            request.VendorLinks.Add(new RequestVendor { Vendor = vendor });
            request.ContractLinks.Add(new RequestContract { Contract = contract });
            request.Events.Add(new RequestEvent { Kind = RequestEventKind.Filed, OccurredOn = new DateOnly(2026, 3, 2), Summary = "Filed" });
            request.Deadlines.Add(Build.Deadline(request, new DateOnly(2026, 3, 12)));
            return request;
        }).ToArray();
        db.Requests.AddRange(requests);
        await db.SaveChangesAsync();
        return (agency, requests[0], requests[1]);
    }
}

public sealed class PostgresVisibilityTests(PostgresFixture fixture) : VisibilityTests<PostgresFixture>(fixture);

public sealed class SqliteVisibilityTests(SqliteFixture fixture) : VisibilityTests<SqliteFixture>(fixture);
