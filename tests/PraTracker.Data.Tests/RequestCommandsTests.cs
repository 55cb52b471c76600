using Microsoft.EntityFrameworkCore;
using PraTracker.Data.Contracts;
using PraTracker.Data.Database;
using PraTracker.Data.Deadlines;
using PraTracker.Data.Identity;
using PraTracker.Data.Requests;

namespace PraTracker.Tests;

/// <summary>Creating, sending and editing requests, and filtering the list, on each database.</summary>
public abstract class RequestCommandsTests<TFixture>(TFixture fixture) : IClassFixture<TFixture>
    where TFixture : DatabaseFixture
{
    private static readonly DateTimeOffset Now = new(2026, 3, 2, 18, 0, 0, TimeSpan.Zero);
    private static readonly DateOnly Today = new(2026, 3, 2);

    [Fact]
    public async Task A_request_sent_by_e_mail_is_received_the_same_day_and_gets_its_deadline_filed_event_and_reference()
    {
        var (agencyId, userId) = await AgencyAndAttorneyAsync();
        await using var db = fixture.Open(Viewer.Staff(userId));
        var input = Input(agencyId);
        input.Sent = true;
        input.Method = SubmissionMethod.Email;
        input.SentOn = Today;

        var result = await RequestCommands.CreateAsync(db, input, userId, Now, Today);

        Assert.True(result.Succeeded, string.Join("; ", result.Errors.Values));
        Assert.Matches(@"^PRA-2026-\d{4}$", result.Reference);
        await using var read = fixture.Open(Viewer.System);
        var request = await read.Requests.Include(r => r.Events).Include(r => r.Deadlines).Include(r => r.Assignments).SingleAsync(r => r.Id == result.Id);
        Assert.Equal((RequestStatus.Sent, Today, Today), (request.Status, request.SentOn!.Value, request.ReceivedOn!.Value));
        Assert.Equal(RequestEventKind.Filed, Assert.Single(request.Events).Kind);
        var deadline = Assert.Single(request.Deadlines);
        Assert.Equal(new DateOnly(2026, 3, 12), deadline.DueOn); // California: 10 calendar days
        Assert.Equal(userId, Assert.Single(request.Assignments).UserId);
        Assert.True(await read.AuditEntries.AnyAsync(a => a.EntityType == nameof(RecordsRequest) && a.EntityId == request.Id && a.UserId == userId));
    }

    [Fact]
    public async Task A_request_drafted_with_a_checklist_lists_it_in_its_letter_worded_for_its_vendor_and_keeps_it_to_mark()
    {
        var (agencyId, userId) = await AgencyAndAttorneyAsync();
        await using var db = fixture.Open(Viewer.Staff(userId));
        var vendor = Build.Vendor();
        var faceRecognition = await db.TechnologyCategories.SingleAsync(c => c.Code == "face-recognition");
        db.Vendors.Add(vendor);
        await db.SaveChangesAsync();
        var input = Input(agencyId);
        input.VendorIds = [vendor.Id];
        input.CategoryIds = [faceRecognition.Id];

        var checklist = await RequestFormOptions.WordChecklistAsync(db, [RecordKind.AuditLogs, RecordKind.NonDisclosureAgreements], input.VendorIds, input.CategoryIds);
        var law = await db.Laws.SingleAsync(l => l.Code == "US-CA");
        input.RequestText = (await RequestFormOptions.DraftLetterAsync(db, law.Id, agencyId, "Records about face recognition.", "Test Attorney", Today, checklist))!;
        input.Checklist = [.. checklist];
        var result = await RequestCommands.CreateAsync(db, input, userId, Now, Today);

        Assert.Contains($"1. Audit logs of every search run in {vendor.Name}: the date, the user, the case number or stated reason, and whether a match was used.", input.RequestText);
        Assert.Contains($"2. Every non-disclosure or confidentiality agreement concerning {vendor.Name}.", input.RequestText);
        await using var read = fixture.Open(Viewer.System);
        var items = await read.ChecklistItems.Where(i => i.RequestId == result.Id).OrderBy(i => i.Kind).ToListAsync();
        Assert.Equal([RecordKind.AuditLogs, RecordKind.NonDisclosureAgreements], items.Select(i => i.Kind));
        Assert.All(items, i => Assert.Equal(ChecklistStatus.NotAddressed, i.Status));
    }

    [Fact]
    public async Task Each_new_request_takes_the_next_reference_of_the_year()
    {
        var (agencyId, userId) = await AgencyAndAttorneyAsync();
        await using var db = fixture.Open(Viewer.Staff(userId));
        var first = await RequestCommands.CreateAsync(db, Input(agencyId), userId, Now, Today);
        var second = await RequestCommands.CreateAsync(db, Input(agencyId), userId, Now, Today);
        var n = int.Parse(first.Reference![^4..], System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal($"PRA-2026-{n + 1:0000}", second.Reference);
    }

    [Fact]
    public async Task Bad_input_is_refused_field_by_field_and_nothing_is_saved()
    {
        var (agencyId, userId) = await AgencyAndAttorneyAsync();
        await using var db = fixture.Open(Viewer.Staff(userId));
        var input = Input(agencyId);
        input.Title = " ";
        input.Sent = true;
        input.SentOn = Today;
        input.ReceivedOn = Today.AddDays(-1);
        var before = await db.Requests.CountAsync();

        var result = await RequestCommands.CreateAsync(db, input, userId, Now, Today);

        Assert.Equal("Give the request a title.", result.Errors[nameof(RequestInput.Title)]);
        Assert.Equal("The agency cannot have received it before it was sent.", result.Errors[nameof(RequestInput.ReceivedOn)]);
        Assert.Equal("Say how it was sent.", result.Errors[nameof(RequestInput.Method)]);
        Assert.Equal(before, await db.Requests.CountAsync());
    }

    [Fact]
    public async Task Sending_a_draft_starts_its_deadlines_and_a_stale_edit_is_refused_without_overwriting()
    {
        var (agencyId, userId) = await AgencyAndAttorneyAsync();
        Guid id;
        await using (var db = fixture.Open(Viewer.Staff(userId)))
        {
            id = (await RequestCommands.CreateAsync(db, Input(agencyId), userId, Now, Today)).Id!.Value;
        }

        (RequestInput Input, Guid Stamp, RequestStatus Status) first, second;
        await using (var db = fixture.Open(Viewer.Staff(userId)))
        {
            first = (await RequestCommands.GetForEditAsync(db, id))!.Value;
            second = (await RequestCommands.GetForEditAsync(db, id))!.Value;
        }

        first.Input.Sent = true;
        first.Input.Method = SubmissionMethod.Portal;
        first.Input.SentOn = Today;
        await using (var db = fixture.Open(Viewer.Staff(userId)))
        {
            Assert.True((await RequestCommands.UpdateAsync(db, id, first.Input, first.Stamp, userId, Now, Today)).Succeeded);
        }

        second.Input.Title = "Overwritten title";
        await using (var db = fixture.Open(Viewer.Staff(userId)))
        {
            var stale = await RequestCommands.UpdateAsync(db, id, second.Input, second.Stamp, userId, Now, Today);
            Assert.Equal(RequestCommands.ConflictMessage, stale.Errors[""]);
        }

        await using var read = fixture.Open(Viewer.System);
        var request = await read.Requests.Include(r => r.Deadlines).SingleAsync(r => r.Id == id);
        Assert.NotEqual("Overwritten title", request.Title);
        Assert.Equal(RequestStatus.Sent, request.Status);
        Assert.Equal(new DateOnly(2026, 3, 12), Assert.Single(request.Deadlines).DueOn);
    }

    [Fact]
    public async Task The_list_filters_by_vendor_category_attorney_and_overdue_and_pages_and_sorts_on_the_server()
    {
        var (agencyId, userId) = await AgencyAndAttorneyAsync();
        Guid vendorId, categoryId;
        await using (var db = fixture.Open(Viewer.System))
        {
            var vendor = new Vendor { Name = Build.Unique("Fog Data Science") };
            db.Vendors.Add(vendor);
            await db.SaveChangesAsync();
            vendorId = vendor.Id;
            categoryId = await db.TechnologyCategories.Where(c => c.Code == "people-search").Select(c => c.Id).SingleAsync();
        }

        var ids = new List<Guid>();
        await using (var db = fixture.Open(Viewer.Staff(userId)))
        {
            for (var i = 0; i < 3; i++)
            {
                var input = Input(agencyId);
                input.Title = $"Fog Reveal location data {i} {Guid.NewGuid():N}";
                input.VendorIds = [vendorId];
                input.CategoryIds = i == 0 ? [categoryId] : [];
                input.Sent = true;
                input.Method = SubmissionMethod.Email;
                input.SentOn = Today.AddDays(-20 * i); // the older ones are past their 10 days
                ids.Add((await RequestCommands.CreateAsync(db, input, userId, Now, Today)).Id!.Value);
            }
        }

        await using var read = fixture.Open(Viewer.Staff(userId));
        var byVendor = await RequestQueries.ListAsync(read, new RequestFilter(VendorId: vendorId), new PageRequest(0, 2, "Title", Descending: true));
        Assert.Equal(3, byVendor.TotalCount);
        Assert.Equal(2, byVendor.Items.Count);
        Assert.StartsWith("Fog Reveal location data 2", byVendor.Items[0].Title);

        var byCategory = await RequestQueries.ListAsync(read, new RequestFilter(VendorId: vendorId, CategoryCode: "people-search"), new PageRequest());
        Assert.Equal(ids[0], Assert.Single(byCategory.Items).Id);

        var overdue = await RequestQueries.ListAsync(read, new RequestFilter(VendorId: vendorId, OverdueOnly: true, Today: Today), new PageRequest());
        Assert.Equal(ids.Skip(1).Order(), overdue.Items.Select(r => r.Id).Order());

        var mine = await RequestQueries.ListAsync(read, new RequestFilter(VendorId: vendorId, AssignedUserId: userId), new PageRequest());
        Assert.Equal(3, mine.TotalCount);
        var someoneElse = await RequestQueries.ListAsync(read, new RequestFilter(VendorId: vendorId, AssignedUserId: "nobody"), new PageRequest());
        Assert.Equal(0, someoneElse.TotalCount);
    }

    [Fact]
    public async Task The_longest_waits_and_recent_activity_list_only_what_the_viewer_may_see()
    {
        var (agencyId, userId) = await AgencyAndAttorneyAsync();
        Guid privateId;
        await using (var db = fixture.Open(Viewer.Staff(userId)))
        {
            var input = Input(agencyId);
            input.Sent = true;
            input.Method = SubmissionMethod.Mail;
            input.SentOn = new DateOnly(1999, 1, 4); // older than anything else in the shared database
            input.ReceivedOn = new DateOnly(1999, 1, 6);
            privateId = (await RequestCommands.CreateAsync(db, input, userId, Now.AddYears(30), Today)).Id!.Value;
        }

        await using (var staff = fixture.Open(Viewer.Staff(userId)))
        {
            var waiting = await ActivityQueries.AwaitingLongestAsync(staff, Today);
            Assert.Equal(privateId, waiting[0].Id);
            Assert.Equal(Today.DayNumber - new DateOnly(1999, 1, 4).DayNumber, waiting[0].DaysWaiting);
            Assert.Equal(privateId, (await ActivityQueries.RecentAsync(staff))[0].RequestId);
        }

        await using var anonymous = fixture.Open(Viewer.Anonymous);
        Assert.DoesNotContain(await ActivityQueries.AwaitingLongestAsync(anonymous, Today), r => r.Id == privateId);
        Assert.DoesNotContain(await ActivityQueries.RecentAsync(anonymous), r => r.RequestId == privateId);
    }

    [Fact]
    public void The_letter_cites_the_law_states_the_deadline_in_words_and_asks_for_electronic_records_and_a_fee_waiver()
    {
        var law = ReferenceDataSeeder.LoadLaws().Single(l => l.Code == "US-CA").ToLaw(Guid.Empty);
        var letter = RequestLetters.Compose(new LetterFacts(law, "Pasadena Police Department", "All contracts with Spokeo.", "Jane Doe, Example Legal Fund", Today));

        Assert.Contains("Under the California Public Records Act (Cal. Gov. Code § 7922.535)", letter);
        Assert.Contains("within ten (10) calendar days of receiving this request", letter);
        Assert.Contains("electronic form", letter);
        Assert.Contains("fees be waived", letter);
        Assert.Contains("All contracts with Spokeo.", letter);

        var texas = ReferenceDataSeeder.LoadLaws().Single(l => l.Code == "US-TX").ToLaw(Guid.Empty);
        Assert.Contains("respond promptly", RequestLetters.Compose(new LetterFacts(texas, "Houston Police Department", "x", "y", Today)));
    }

    private static RequestInput Input(Guid agencyId) => new()
    {
        Title = Build.Unique("Spokeo contracts"),
        AgencyId = agencyId,
        RequestText = "All contracts, invoices and usage policies for Spokeo for Law Enforcement.",
    };

    private async Task<(Guid AgencyId, string UserId)> AgencyAndAttorneyAsync()
    {
        await using var db = fixture.Open(Viewer.System);
        var california = await db.Laws.SingleAsync(l => l.Code == "US-CA");
        var agency = Build.Agency(california);
        var user = Build.User();
        db.Agencies.Add(agency);
        db.Users.Add(user);
        await db.SaveChangesAsync();
        return (agency.Id, user.Id);
    }
}

public sealed class PostgresRequestCommandsTests(PostgresFixture fixture) : RequestCommandsTests<PostgresFixture>(fixture);

public sealed class SqliteRequestCommandsTests(SqliteFixture fixture) : RequestCommandsTests<SqliteFixture>(fixture);
