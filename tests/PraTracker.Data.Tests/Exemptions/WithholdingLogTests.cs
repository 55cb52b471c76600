using Microsoft.EntityFrameworkCore;
using PraTracker.Data.Agencies;
using PraTracker.Data.Database;
using PraTracker.Data.Deadlines;
using PraTracker.Data.Documents;
using PraTracker.Data.Exemptions;
using PraTracker.Data.Identity;
using PraTracker.Data.Requests;

namespace PraTracker.Tests.Exemptions;

/// <summary>The seeded exemption library, its editing, and requests' withholding logs, on each database.</summary>
public abstract class WithholdingLogTests<TFixture>(TFixture fixture) : IClassFixture<TFixture>
    where TFixture : DatabaseFixture
{
    [Fact]
    public async Task The_library_is_seeded_for_federal_foia_and_california_with_each_part_of_exemption_7_separate()
    {
        await using var db = fixture.Open(Viewer.Anonymous);
        var federal = await ExemptionLibrary.ListAsync(db, new ExemptionFilter("US-FED"), new PageRequest(PageSize: 100));
        var california = await ExemptionLibrary.ListAsync(db, new ExemptionFilter("US-CA"), new PageRequest(PageSize: 100));

        Assert.Equal(14, federal.TotalCount);
        Assert.Equal(["A", "B", "C", "D", "E", "F"], federal.Items.Where(e => e.Citation.Contains("(b)(7)(")).Select(e => e.Citation[^2..^1]));
        Assert.All(federal.Items.Concat(california.Items), e =>
        {
            Assert.True(e.Seeded);
            Assert.False(string.IsNullOrWhiteSpace(e.Description));
            Assert.False(string.IsNullOrWhiteSpace(e.ProperUse));
            Assert.False(string.IsNullOrWhiteSpace(e.ImproperUse));
            Assert.StartsWith("https://", e.SourceUrl);
        });
        Assert.Contains(california.Items, e => e.Citation == "Gov. Code § 7923.600");
        Assert.Contains(california.Items, e => e.Citation == "Gov. Code § 7922.000");
        Assert.DoesNotContain(california.Items, e => e.Citation.Contains("7922.535"));
    }

    [Fact]
    public async Task Seeding_again_adds_nothing_twice_and_keeps_an_attorneys_edit()
    {
        await using (var db = fixture.Open(Viewer.System))
        {
            var sevenE = await db.Exemptions.SingleAsync(e => e.SeedKey == "US-FED/552(b)(7)(E)");
            sevenE.ImproperUse = "Edited by an attorney.";
            await db.SaveChangesAsync();
            var before = await db.Exemptions.CountAsync();

            await ReferenceDataSeeder.SeedAsync(db);

            Assert.Equal(before, await db.Exemptions.CountAsync());
        }

        await using var read = fixture.Open(Viewer.System);
        Assert.Equal("Edited by an attorney.", (await read.Exemptions.SingleAsync(e => e.SeedKey == "US-FED/552(b)(7)(E)")).ImproperUse);
    }

    [Fact]
    public async Task The_library_refuses_a_missing_citation_or_name_and_a_citation_its_law_already_has_saving_nothing()
    {
        await using var db = fixture.Open(Viewer.Staff("attorney"));
        var before = await db.Exemptions.CountAsync();

        var empty = await ExemptionLibrary.SaveAsync(db, null, new ExemptionInput { LawCode = "US-CA", Citation = " ", ShortName = "", SourceUrl = "leginfo" });
        var duplicate = await ExemptionLibrary.SaveAsync(db, null, new ExemptionInput { LawCode = "US-CA", Citation = "gov. code § 7923.600", ShortName = "Again" });

        Assert.Equal(
            [nameof(ExemptionInput.Citation), nameof(ExemptionInput.ShortName), nameof(ExemptionInput.SourceUrl)],
            empty.Errors.Keys.Order());
        Assert.Contains("already has an exemption cited as", duplicate.Errors[nameof(ExemptionInput.Citation)]);
        Assert.Equal(before, await db.Exemptions.CountAsync());

        // The same citation under another law is a different exemption.
        var citation = Build.Unique("Gov. Code §");
        Assert.True((await ExemptionLibrary.SaveAsync(db, null, new ExemptionInput { LawCode = "US-CA", Citation = citation, ShortName = "Local" })).Succeeded);
        Assert.True((await ExemptionLibrary.SaveAsync(db, null, new ExemptionInput { LawCode = "US-FED", Citation = citation, ShortName = "Local" })).Succeeded);
    }

    [Fact]
    public async Task An_exemption_a_withholding_invokes_cannot_be_removed_and_an_unused_one_can()
    {
        var (requestId, eventId, _) = await RequestWithPartialProductionAsync();
        await using var db = fixture.Open(Viewer.Staff("attorney"));
        var added = await ExemptionLibrary.SaveAsync(db, null, new ExemptionInput { LawCode = "US-CA", Citation = Build.Unique("Pen. Code §"), ShortName = "Local rule" });
        var unused = await ExemptionLibrary.SaveAsync(db, null, new ExemptionInput { LawCode = "US-CA", Citation = Build.Unique("Pen. Code §"), ShortName = "Unused" });
        Assert.True((await WithholdingLog.SaveAsync(db, requestId, null, Entry(eventId, added.Id!.Value))).Succeeded);

        var refused = await ExemptionLibrary.RemoveAsync(db, added.Id!.Value);
        var removed = await ExemptionLibrary.RemoveAsync(db, unused.Id!.Value);

        Assert.Contains("is invoked in 1 withholding log entry", refused.Errors[""]);
        Assert.True(removed.Succeeded);
        Assert.True(await db.Exemptions.AnyAsync(e => e.Id == added.Id));
        Assert.False(await db.Exemptions.AnyAsync(e => e.Id == unused.Id));
    }

    [Fact]
    public async Task A_partial_production_with_two_exemptions_gives_a_log_of_two_numbered_entries()
    {
        var (requestId, eventId, documentId) = await RequestWithPartialProductionAsync();
        await using var db = fixture.Open(Viewer.Staff("attorney"));
        var investigatory = await ExemptionIdAsync(db, "US-CA/7923.600");
        var catchAll = await ExemptionIdAsync(db, "US-CA/7922.000");

        var first = await WithholdingLog.SaveAsync(db, requestId, null, Entry(eventId, investigatory));
        var second = await WithholdingLog.SaveAsync(db, requestId, null, new WithholdingInput
        {
            EventId = eventId,
            Records = "Vendor training slides",
            Extent = WithholdingExtent.WithheldInPart,
            Quantity = "40 pages",
            DocumentId = documentId,
            ExemptionIds = [catchAll],
            OtherCitations = "Evid. Code § 1060 (vendor's claim)\n",
            AgencyReason = "Disclosure would harm the vendor.",
        });

        Assert.True(first.Succeeded && second.Succeeded, string.Join("; ", first.Errors.Values.Concat(second.Errors.Values)));
        var log = await WithholdingLog.GetAsync(db, requestId);
        Assert.Equal([1, 2], log!.Entries.Select(e => e.Number));
        var slides = log.Entries[1];
        Assert.Equal((RequestEventKind.PartialProduction, "40 pages", documentId), (slides.EventKind!.Value, slides.Quantity!, slides.DocumentId!.Value));
        Assert.Equal(["Gov. Code § 7922.000", "Evid. Code § 1060 (vendor's claim)"], slides.Citations);
        Assert.Equal("Gov. Code § 7923.600", Assert.Single(log.Entries[0].Exemptions).Citation);
    }

    [Fact]
    public async Task Removing_an_entry_closes_up_the_numbers_after_it()
    {
        var (requestId, eventId, _) = await RequestWithPartialProductionAsync();
        await using var db = fixture.Open(Viewer.Staff("attorney"));
        var exemption = await ExemptionIdAsync(db, "US-CA/7923.600");
        var ids = new List<Guid>();
        foreach (var records in new[] { "Audit logs", "Search queries", "Training", "Invoices" })
        {
            ids.Add((await WithholdingLog.SaveAsync(db, requestId, null, Entry(eventId, exemption, records))).Id!.Value);
        }

        Assert.True((await WithholdingLog.RemoveAsync(db, requestId, ids[1])).Succeeded);

        await using var read = fixture.Open(Viewer.Staff("attorney"));
        var log = await WithholdingLog.EntriesAsync(read, requestId);
        Assert.Equal([(1, "Audit logs"), (2, "Training"), (3, "Invoices")], log.Select(e => (e.Number, e.Records)));
        Assert.Equal(4, (await WithholdingLog.SaveAsync(read, requestId, null, Entry(eventId, exemption))).Id is { } id
            ? (await read.Withholdings.SingleAsync(w => w.Id == id)).Number : 0);
    }

    [Fact]
    public async Task An_entry_is_refused_for_another_laws_exemption_a_non_response_event_no_records_or_no_citation_saving_nothing()
    {
        var (requestId, eventId, _) = await RequestWithPartialProductionAsync();
        await using var db = fixture.Open(Viewer.Staff("attorney"));
        var federal = await ExemptionIdAsync(db, "US-FED/552(b)(7)(E)");
        var filed = await db.RequestEvents.Where(e => e.RequestId == requestId && e.Kind == RequestEventKind.Filed).Select(e => e.Id).SingleAsync();

        var foreign = await WithholdingLog.SaveAsync(db, requestId, null, Entry(eventId, federal));
        var bare = await WithholdingLog.SaveAsync(db, requestId, null, new WithholdingInput { EventId = filed, Records = " " });

        Assert.Contains("is not an exemption of California Public Records Act", foreign.Errors[nameof(WithholdingInput.ExemptionIds)]);
        Assert.Equal(
            [nameof(WithholdingInput.EventId), nameof(WithholdingInput.ExemptionIds), nameof(WithholdingInput.Records)],
            bare.Errors.Keys.Order());
        Assert.False(await db.Withholdings.AnyAsync(w => w.RequestId == requestId));
    }

    [Fact]
    public async Task A_new_entry_starts_from_the_library_exemptions_the_response_cited()
    {
        var (requestId, _, _) = await RequestWithPartialProductionAsync("Government Code section 7923.600; Gov. Code § 7922.000; officer safety");
        await using var db = fixture.Open(Viewer.Staff("attorney"));
        var choices = await WithholdingLog.ChoicesAsync(db, requestId);

        var picked = WithholdingLog.Prepick(Assert.Single(choices!.Events), choices.Exemptions);

        Assert.Equal([await ExemptionIdAsync(db, "US-CA/7923.600"), await ExemptionIdAsync(db, "US-CA/7922.000")], picked.ExemptionIds);
        Assert.Equal(["officer safety"], picked.OtherCitations);
    }

    [Fact]
    public async Task A_visitor_sees_none_of_a_private_requests_log_and_no_unpublished_document_in_a_public_one()
    {
        var (privateId, privateEvent, _) = await RequestWithPartialProductionAsync(visibility: RequestVisibility.Private);
        var (publicId, publicEvent, draftDocument) = await RequestWithPartialProductionAsync(documentStatus: PublicationStatus.InReview);
        await using (var staff = fixture.Open(Viewer.Staff("attorney")))
        {
            var exemption = await ExemptionIdAsync(staff, "US-CA/7923.600");
            Assert.True((await WithholdingLog.SaveAsync(staff, privateId, null, Entry(privateEvent, exemption))).Succeeded);
            Assert.True((await WithholdingLog.SaveAsync(staff, publicId, null, Entry(publicEvent, exemption, document: draftDocument))).Succeeded);
        }

        await using var visitor = fixture.Open(Viewer.Anonymous);
        Assert.Null(await WithholdingLog.GetAsync(visitor, privateId));
        Assert.Empty(await WithholdingLog.EntriesAsync(visitor, privateId));
        Assert.False(await visitor.Withholdings.AnyAsync(w => w.RequestId == privateId));
        Assert.False(await visitor.WithholdingExemptions.AnyAsync(l => l.Withholding.RequestId == privateId));
        var shown = Assert.Single((await WithholdingLog.GetAsync(visitor, publicId))!.Entries);
        Assert.Equal((null, null), (shown.DocumentId, shown.DocumentTitle));
    }

    [Fact]
    public async Task The_scorecard_counts_the_exemptions_of_withholding_logs_once_per_request_and_a_visitors_only_from_public_requests()
    {
        await using var setup = fixture.Open(Viewer.System);
        var california = await Build.CaliforniaAsync(setup);
        var agency = Build.Agency(california);
        setup.Agencies.Add(agency);
        await setup.SaveChangesAsync();
        var (publicId, publicEvent, _) = await RequestWithPartialProductionAsync("Government Code section 7923.600", agency: agency.Id);
        var (privateId, privateEvent, _) = await RequestWithPartialProductionAsync(visibility: RequestVisibility.Private, agency: agency.Id);
        await using (var staff = fixture.Open(Viewer.Staff("attorney")))
        {
            var investigatory = await ExemptionIdAsync(staff, "US-CA/7923.600");
            var security = await ExemptionIdAsync(staff, "US-CA/7929.210");
            await WithholdingLog.SaveAsync(staff, publicId, null, Entry(publicEvent, investigatory));
            await WithholdingLog.SaveAsync(staff, publicId, null, Entry(publicEvent, security));
            await WithholdingLog.SaveAsync(staff, privateId, null, Entry(privateEvent, security));
        }

        await using var visitor = fixture.Open(Viewer.Anonymous);
        await using var attorney = fixture.Open(Viewer.Staff("attorney"));
        var seenByVisitor = await AgencyScorecards.ForAgencyAsync(visitor, agency.Id);
        var seenByStaff = await AgencyScorecards.ForAgencyAsync(attorney, agency.Id);

        // The letter's "Government Code section 7923.600" and the log's library entry are one exemption on one request.
        Assert.Equal([new ExemptionCount("Gov. Code § 7923.600", 1), new ExemptionCount("Gov. Code § 7929.210", 1)], seenByVisitor.TopExemptions);
        Assert.Equal([new ExemptionCount("Gov. Code § 7929.210", 2), new ExemptionCount("Gov. Code § 7923.600", 1)], seenByStaff.TopExemptions);
    }

    private static WithholdingInput Entry(Guid eventId, Guid exemptionId, string records = "Search audit logs, January to June 2025", Guid? document = null) => new()
    {
        EventId = eventId,
        Records = records,
        DocumentId = document,
        Extent = WithholdingExtent.WithheldInFull,
        ExemptionIds = [exemptionId],
        AgencyReason = "Records of investigations.",
    };

    private static Task<Guid> ExemptionIdAsync(PraTrackerDbContext db, string seedKey) =>
        db.Exemptions.Where(e => e.SeedKey == seedKey).Select(e => e.Id).SingleAsync();

    // A California request with its filing, a partial production citing `cited`, and a document of that production.
    private async Task<(Guid RequestId, Guid EventId, Guid DocumentId)> RequestWithPartialProductionAsync(
        string? cited = null, RequestVisibility visibility = RequestVisibility.Public, PublicationStatus documentStatus = PublicationStatus.Published, Guid? agency = null)
    {
        await using var db = fixture.Open(Viewer.System);
        var california = await Build.CaliforniaAsync(db);
        var request = Build.Request(agency is { } id ? await db.Agencies.SingleAsync(a => a.Id == id) : Build.Agency(california), california, visibility);
        var filed = new RequestEvent { Kind = RequestEventKind.Filed, OccurredOn = new DateOnly(2026, 2, 2), Summary = "Filed" };
        var production = new RequestEvent { Kind = RequestEventKind.PartialProduction, OccurredOn = new DateOnly(2026, 2, 20), Summary = "First batch", ExemptionsCited = cited };
        request.Events.AddRange([filed, production]);
        var document = Build.Document(request, documentStatus);
        db.Requests.Add(request);
        db.Documents.Add(document);
        await db.SaveChangesAsync();
        return (request.Id, production.Id, document.Id);
    }
}

public sealed class PostgresWithholdingLogTests(PostgresFixture fixture) : WithholdingLogTests<PostgresFixture>(fixture);

public sealed class SqliteWithholdingLogTests(SqliteFixture fixture) : WithholdingLogTests<SqliteFixture>(fixture);
