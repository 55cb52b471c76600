using Microsoft.EntityFrameworkCore;
using PraTracker.Data.Identity;
using PraTracker.Data.Requests;

namespace PraTracker.Tests;

/// <summary>Marking a request's record checklist against the agency's responses, on each database.</summary>
public abstract class RequestChecklistTests<TFixture>(TFixture fixture) : IClassFixture<TFixture>
    where TFixture : DatabaseFixture
{
    private static readonly DateTimeOffset Now = new(2026, 3, 20, 17, 0, 0, TimeSpan.Zero);
    private static readonly DateOnly Today = new(2026, 3, 20);

    [Fact]
    public async Task Several_items_are_marked_from_one_production_and_the_page_shows_which_response_answered_them()
    {
        var requestId = await RequestAsync();
        var contract = await AddItemAsync(requestId, RecordKind.Contract, "The contract with Spokeo and every amendment");
        var logs = await AddItemAsync(requestId, RecordKind.AuditLogs, "Audit logs of every search run in the product");
        await AddItemAsync(requestId, RecordKind.NonDisclosureAgreements, "Any non-disclosure agreement with Spokeo");
        var production = await LogAsync(requestId, RequestEventKind.PartialProduction);

        await using (var db = fixture.Open(Viewer.System))
        {
            var errors = await RequestChecklist.MarkAsync(db, requestId,
                [new(contract, ChecklistStatus.Produced, production), new(logs, ChecklistStatus.PartlyProduced, production, "Only 2025 logs so far")]);
            Assert.Empty(errors);
        }

        await using var read = fixture.Open(Viewer.Anonymous);
        var items = await RequestChecklist.ListAsync(read, requestId);
        Assert.Equal([RecordKind.Contract, RecordKind.AuditLogs, RecordKind.NonDisclosureAgreements], items.Select(i => i.Kind));
        Assert.Equal((ChecklistStatus.Produced, (DateOnly?)new DateOnly(2026, 3, 16), (RequestEventKind?)RequestEventKind.PartialProduction),
            (items[0].Status, items[0].AnsweredOn, items[0].AnsweredByKind));
        Assert.Equal((ChecklistStatus.PartlyProduced, "Only 2025 logs so far"), (items[1].Status, items[1].Note));
        Assert.Equal(ChecklistStatus.NotAddressed, items[2].Status);
    }

    [Fact]
    public async Task A_mark_naming_another_requests_event_or_a_non_answering_event_is_refused_and_nothing_is_saved()
    {
        var requestId = await RequestAsync();
        var otherId = await RequestAsync();
        var contract = await AddItemAsync(requestId, RecordKind.Contract, "The contract");
        var mou = await AddItemAsync(requestId, RecordKind.Mou, "Any MOU");
        var invoices = await AddItemAsync(requestId, RecordKind.InvoicesAndPurchaseOrders, "Invoices");
        var production = await LogAsync(requestId, RequestEventKind.FinalProduction);
        var note = await LogAsync(requestId, RequestEventKind.Note);
        var elsewhere = await LogAsync(otherId, RequestEventKind.Denial);

        await using var db = fixture.Open(Viewer.System);
        var errors = await RequestChecklist.MarkAsync(db, requestId,
        [
            new(contract, ChecklistStatus.Produced, production),
            new(mou, ChecklistStatus.Denied, elsewhere),
            new(invoices, ChecklistStatus.NoRecords, note),
        ]);

        Assert.Equal(
            ["MOU: that response is not on this request's timeline.", "Invoices and purchase orders: only a production, a denial or an appeal decision answers a checklist item."],
            errors);
        Assert.All(await db.ChecklistItems.AsNoTracking().Where(i => i.RequestId == requestId).ToListAsync(), i =>
        {
            Assert.Null(i.AnsweredByEventId);
            Assert.Equal(ChecklistStatus.NotAddressed, i.Status);
        });
        Assert.Equal(["MOU: choose the response (production or denial) that answered it."],
            await RequestChecklist.MarkAsync(db, requestId, [new(mou, ChecklistStatus.Denied, null)]));
    }

    [Fact]
    public async Task Logging_a_production_with_marks_saves_the_event_and_the_marks_together()
    {
        var requestId = await RequestAsync();
        var contract = await AddItemAsync(requestId, RecordKind.Contract, "The contract");
        var policies = await AddItemAsync(requestId, RecordKind.PoliciesAndTraining, "Policies");
        var input = new RequestEventInput(RequestEventKind.PartialProduction, new DateOnly(2026, 3, 18), "First installment: the contract.");

        await using (var db = fixture.Open(Viewer.System))
        {
            var refused = await RequestChecklist.LogAndMarkAsync(db, requestId, input with { Summary = " " }, [new(contract, ChecklistStatus.Produced, null)], null, Now, Today);
            Assert.False(refused.Succeeded);
        }

        await using (var db = fixture.Open(Viewer.System))
        {
            Assert.False(await db.RequestEvents.AnyAsync(e => e.RequestId == requestId && e.Kind == RequestEventKind.PartialProduction));
            var result = await RequestChecklist.LogAndMarkAsync(db, requestId, input,
                [new(contract, ChecklistStatus.Produced, null), new(policies, ChecklistStatus.Denied, null, "Withheld as security")], null, Now, Today);
            Assert.True(result.Succeeded, string.Join("; ", result.Errors));
        }

        await using var read = fixture.Open(Viewer.System);
        var logged = await read.RequestEvents.SingleAsync(e => e.RequestId == requestId && e.Kind == RequestEventKind.PartialProduction);
        var items = await read.ChecklistItems.Where(i => i.RequestId == requestId).OrderBy(i => i.Kind).ToListAsync();
        Assert.All(items, i => Assert.Equal(logged.Id, i.AnsweredByEventId));
        Assert.Equal([ChecklistStatus.Produced, ChecklistStatus.Denied], items.Select(i => i.Status));
    }

    [Fact]
    public async Task Items_are_added_once_per_kind_and_removed_by_hand()
    {
        var requestId = await RequestAsync();
        var contract = await AddItemAsync(requestId, RecordKind.Contract, "The contract");
        await using var db = fixture.Open(Viewer.System);

        Assert.Equal(["Contract is already on this request's checklist."], await RequestChecklist.AddAsync(db, requestId, RecordKind.Contract, "Again"));
        Assert.Single(await RequestChecklist.AddAsync(db, requestId, RecordKind.Mou, " "));
        Assert.True(await RequestChecklist.RemoveAsync(db, contract));
        Assert.Empty(await RequestChecklist.ListAsync(db, requestId));
    }

    [Fact]
    public async Task The_summary_gives_each_visible_request_its_kinds_and_statuses_and_hides_private_ones()
    {
        var publicId = await RequestAsync();
        var privateId = await RequestAsync(RequestVisibility.Private);
        var bare = await RequestAsync();
        var item = await AddItemAsync(publicId, RecordKind.Contract, "The contract");
        await AddItemAsync(publicId, RecordKind.CouncilApprovals, "Council approvals");
        await AddItemAsync(privateId, RecordKind.Contract, "The contract");
        var denial = await LogAsync(publicId, RequestEventKind.Denial);
        await using (var db = fixture.Open(Viewer.System))
        {
            Assert.Empty(await RequestChecklist.MarkAsync(db, publicId, [new(item, ChecklistStatus.Denied, denial)]));
        }

        await using var anonymous = fixture.Open(Viewer.Anonymous);
        var summaries = await RequestChecklist.SummariesAsync(anonymous, [publicId, privateId, bare]);

        Assert.Equal([publicId], summaries.Keys);
        Assert.Equal(ChecklistStatus.Denied, summaries[publicId][RecordKind.Contract]);
        Assert.Equal(ChecklistStatus.NotAddressed, summaries[publicId][RecordKind.CouncilApprovals]);
        await using var staff = fixture.Open(Viewer.System);
        Assert.Equal(2, (await RequestChecklist.SummariesAsync(staff, [publicId, privateId, bare])).Count);
    }

    private async Task<Guid> AddItemAsync(Guid requestId, RecordKind kind, string wording)
    {
        await using var db = fixture.Open(Viewer.System);
        Assert.Empty(await RequestChecklist.AddAsync(db, requestId, kind, wording));
        return await db.ChecklistItems.Where(i => i.RequestId == requestId && i.Kind == kind).Select(i => i.Id).SingleAsync();
    }

    private async Task<Guid> LogAsync(Guid requestId, RequestEventKind kind)
    {
        await using var db = fixture.Open(Viewer.System);
        var result = await RequestTimeline.LogAsync(db, requestId, new RequestEventInput(kind, new DateOnly(2026, 3, 16), $"{kind} received."), null, Now, Today);
        Assert.True(result.Succeeded, string.Join("; ", result.Errors));
        return await db.RequestEvents.Where(e => e.RequestId == requestId && e.Kind == kind).Select(e => e.Id).SingleAsync();
    }

    private async Task<Guid> RequestAsync(RequestVisibility visibility = RequestVisibility.Public)
    {
        await using var db = fixture.Open(Viewer.System);
        var california = await Build.CaliforniaAsync(db);
        var request = Build.Request(Build.Agency(california), california, visibility);
        db.Requests.Add(request);
        await db.SaveChangesAsync();
        return request.Id;
    }
}

public sealed class PostgresRequestChecklistTests(PostgresFixture fixture) : RequestChecklistTests<PostgresFixture>(fixture);

public sealed class SqliteRequestChecklistTests(SqliteFixture fixture) : RequestChecklistTests<SqliteFixture>(fixture);
