using Microsoft.EntityFrameworkCore;
using PraTracker.Data.Agencies;
using PraTracker.Data.Correspondence;
using PraTracker.Data.Deadlines;
using PraTracker.Data.Identity;
using PraTracker.Data.Requests;

namespace PraTracker.Tests;

/// <summary>Vendors' objections and the requester's deadlines they set, on each database.</summary>
public abstract class VendorObjectionTests<TFixture>(TFixture fixture) : IClassFixture<TFixture>
    where TFixture : DatabaseFixture
{
    private static readonly DateTimeOffset Now = new(2026, 3, 6, 17, 0, 0, TimeSpan.Zero);
    private static readonly DateOnly Today = new(2026, 3, 6);

    [Fact]
    public async Task An_objection_gives_a_notice_deadline_and_a_court_date_explained_from_where_they_come()
    {
        var (requestId, vendorId, vendorName) = await RequestAndVendorAsync();
        await using (var db = fixture.Open(Viewer.System))
        {
            var result = await VendorObjections.AddAsync(db, requestId, Input(vendorId) with { CourtDeadline = new DateOnly(2026, 4, 1), CourtCase = "Spokeo v. City, No. 26STCP01234" }, Now, Today);
            Assert.True(result.Succeeded, string.Join("; ", result.Errors.Values));
        }

        await using var read = fixture.Open(Viewer.System);
        var objection = await read.VendorObjections.SingleAsync(o => o.RequestId == requestId);
        var deadlines = await read.Deadlines.Where(d => d.RequestId == requestId && d.SourceObjectionId == objection.Id).OrderBy(d => d.DueOn).ToListAsync();
        Assert.Collection(
            deadlines,
            notice =>
            {
                Assert.Equal((DeadlineKind.ObjectionNotice, new DateOnly(2026, 3, 18), DeadlineStatus.Open), (notice.Kind, notice.DueOn, notice.Status));
                Assert.Equal($"{vendorName} objected on 2026-03-04 (trade secret); the agency's notice gives until 2026-03-18 to respond.", notice.Explanation);
            },
            court =>
            {
                Assert.Equal((DeadlineKind.ObjectionCourtDate, new DateOnly(2026, 4, 1)), (court.Kind, court.DueOn));
                Assert.Contains("the court set 2026-04-01 in Spokeo v. City, No. 26STCP01234", court.Explanation);
            });
        Assert.True(await read.AuditEntries.AnyAsync(a => a.EntityType == nameof(VendorObjection) && a.EntityId == objection.Id));
    }

    [Fact]
    public async Task Editing_an_objection_moves_its_deadline_and_clearing_a_date_removes_it()
    {
        var (requestId, vendorId, _) = await RequestAndVendorAsync();
        var objectionId = await AddAsync(requestId, Input(vendorId) with { CourtDeadline = new DateOnly(2026, 4, 1) });

        await using (var db = fixture.Open(Viewer.System))
        {
            var moved = Input(vendorId) with { NoticeDeadline = new DateOnly(2026, 3, 25), Grounds = ObjectionGrounds.NonDisclosureAgreement };
            Assert.True((await VendorObjections.UpdateAsync(db, objectionId, moved, Today)).Succeeded);
        }

        await using var read = fixture.Open(Viewer.System);
        var deadline = Assert.Single(await read.Deadlines.Where(d => d.SourceObjectionId == objectionId).ToListAsync());
        Assert.Equal((DeadlineKind.ObjectionNotice, new DateOnly(2026, 3, 25)), (deadline.Kind, deadline.DueOn));
        Assert.Contains("(non-disclosure agreement); the agency's notice gives until 2026-03-25", deadline.Explanation);
    }

    [Fact]
    public async Task Resolving_an_objection_closes_its_deadlines_as_met_on_that_date()
    {
        var (requestId, vendorId, _) = await RequestAndVendorAsync();
        var objectionId = await AddAsync(requestId, Input(vendorId));

        await using (var db = fixture.Open(Viewer.System))
        {
            Assert.True((await VendorObjections.ResolveAsync(db, objectionId, Today, Today)).Succeeded);
        }

        await using var read = fixture.Open(Viewer.System);
        var deadline = await read.Deadlines.SingleAsync(d => d.SourceObjectionId == objectionId);
        Assert.Equal((DeadlineStatus.Met, (DateOnly?)Today), (deadline.Status, deadline.ClosedOn));
        Assert.Equal(Today, (await read.VendorObjections.SingleAsync(o => o.Id == objectionId)).ResolvedOn);
    }

    [Fact]
    public async Task Removing_an_objection_removes_its_deadlines_and_leaves_the_others()
    {
        var (requestId, vendorId, _) = await RequestAndVendorAsync();
        var objectionId = await AddAsync(requestId, Input(vendorId));
        await using (var db = fixture.Open(Viewer.System))
        {
            await RequestDeadlines.RecalculateAsync(db, requestId, Today);
            await db.SaveChangesAsync();
            Assert.True(await VendorObjections.RemoveAsync(db, objectionId));
        }

        await using var read = fixture.Open(Viewer.System);
        Assert.False(await read.VendorObjections.AnyAsync(o => o.Id == objectionId));
        Assert.Equal([DeadlineKind.InitialResponse], await read.Deadlines.Where(d => d.RequestId == requestId).Select(d => d.Kind).ToListAsync());
    }

    [Fact]
    public async Task Bad_input_is_refused_field_by_field_and_nothing_is_saved()
    {
        var (requestId, vendorId, _) = await RequestAndVendorAsync();
        var bad = new VendorObjectionInput(vendorId, Today.AddDays(1), ObjectionGrounds.TradeSecret, NoticeDeadline: Today, CourtCase: new string('x', 301), ResolvedOn: Today.AddDays(2));
        await using var db = fixture.Open(Viewer.System);

        var result = await VendorObjections.AddAsync(db, requestId, bad, Now, Today);

        Assert.Equal("2026-03-07 is in the future; record the objection once it is made.", result.Errors[nameof(VendorObjectionInput.ObjectedOn)]);
        Assert.Contains("is before the objection itself", result.Errors[nameof(VendorObjectionInput.NoticeDeadline)]);
        Assert.Contains(nameof(VendorObjectionInput.CourtCase), result.Errors.Keys);
        Assert.Contains(nameof(VendorObjectionInput.ResolvedOn), result.Errors.Keys);
        var unknownVendor = await VendorObjections.AddAsync(db, requestId, Input(Guid.NewGuid()), Now, Today);
        Assert.Equal("That vendor no longer exists; choose another.", unknownVendor.Errors[nameof(VendorObjectionInput.VendorId)]);
        Assert.False(await db.VendorObjections.AnyAsync(o => o.RequestId == requestId));
        Assert.False(await db.Deadlines.AnyAsync(d => d.RequestId == requestId && d.SourceObjectionId != null));
    }

    [Fact]
    public async Task The_daily_sweep_marks_a_passed_notice_deadline_missed_and_the_timeline_recount_leaves_it()
    {
        var (requestId, vendorId, _) = await RequestAndVendorAsync();
        var objectionId = await AddAsync(requestId, Input(vendorId));

        var changed = await RequestDeadlines.RecalculateManyAsync(
            ct => Task.FromResult(fixture.Open(Viewer.System)), requests => requests.Where(r => r.Id == requestId), new DateOnly(2026, 3, 19));

        Assert.True(changed > 0);
        await using var read = fixture.Open(Viewer.System);
        var deadline = await read.Deadlines.SingleAsync(d => d.SourceObjectionId == objectionId);
        Assert.Equal((DeadlineKind.ObjectionNotice, DeadlineStatus.Missed, (DateOnly?)null), (deadline.Kind, deadline.Status, deadline.ClosedOn));
    }

    [Fact]
    public async Task A_missed_objection_deadline_is_the_requesters_and_counts_neither_against_the_agency_nor_for_a_follow_up()
    {
        var (requestId, vendorId, _) = await RequestAndVendorAsync();
        var objectionId = await AddAsync(requestId, Input(vendorId));
        var later = new DateOnly(2026, 3, 20);
        Guid agencyId;
        await using (var db = fixture.Open(Viewer.System))
        {
            await RequestDeadlines.RecalculateAsync(db, requestId, later);
            await db.SaveChangesAsync();
            agencyId = await db.Requests.Where(r => r.Id == requestId).Select(r => r.AgencyId).SingleAsync();
            Assert.Equal(DeadlineStatus.Missed, (await db.Deadlines.SingleAsync(d => d.SourceObjectionId == objectionId)).Status);
        }

        await using var read = fixture.Open(Viewer.System);
        var followUps = await LetterDrafts.FollowUpsDueAsync(read, later, requestId);
        Assert.DoesNotContain(followUps, f => f.Kind is DeadlineKind.ObjectionNotice or DeadlineKind.ObjectionCourtDate);
        Assert.Single(followUps); // the agency's own missed response deadline is still followed up
        var scorecard = await AgencyScorecards.ForAgencyAsync(read, agencyId);
        Assert.Equal((0, 1), (scorecard.DeadlinesMet, scorecard.DeadlinesMissed)); // the response deadline, not the objection's
    }

    [Fact]
    public async Task Objections_and_their_deadlines_of_a_private_request_are_hidden_from_anonymous_viewers()
    {
        var (requestId, vendorId, _) = await RequestAndVendorAsync(RequestVisibility.Private);
        await AddAsync(requestId, Input(vendorId));

        await using var anonymous = fixture.Open(Viewer.Anonymous);
        Assert.Empty(await VendorObjections.ListAsync(anonymous, requestId));
        Assert.False(await anonymous.Deadlines.AnyAsync(d => d.RequestId == requestId));
        await using var staff = fixture.Open(Viewer.System);
        Assert.Single(await VendorObjections.ListAsync(staff, requestId));
    }

    private static VendorObjectionInput Input(Guid vendorId) =>
        new(vendorId, new DateOnly(2026, 3, 4), ObjectionGrounds.TradeSecret, "Pricing and search-volume figures are trade secrets.", NoticeDeadline: new DateOnly(2026, 3, 18));

    private async Task<Guid> AddAsync(Guid requestId, VendorObjectionInput input)
    {
        await using var db = fixture.Open(Viewer.System);
        var result = await VendorObjections.AddAsync(db, requestId, input, Now, Today);
        Assert.True(result.Succeeded, string.Join("; ", result.Errors.Values));
        return result.Id!.Value;
    }

    private async Task<(Guid RequestId, Guid VendorId, string VendorName)> RequestAndVendorAsync(RequestVisibility visibility = RequestVisibility.Public)
    {
        await using var db = fixture.Open(Viewer.System);
        var california = await Build.CaliforniaAsync(db);
        var request = Build.Request(Build.Agency(california), california, visibility);
        var vendor = Build.Vendor();
        db.AddRange(request, vendor);
        await db.SaveChangesAsync();
        return (request.Id, vendor.Id, vendor.Name);
    }
}

public sealed class PostgresVendorObjectionTests(PostgresFixture fixture) : VendorObjectionTests<PostgresFixture>(fixture);

public sealed class SqliteVendorObjectionTests(SqliteFixture fixture) : VendorObjectionTests<SqliteFixture>(fixture);
