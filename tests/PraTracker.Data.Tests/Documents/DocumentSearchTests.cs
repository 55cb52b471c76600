using Microsoft.EntityFrameworkCore;
using PraTracker.Data.Agencies;
using PraTracker.Data.Contracts;
using PraTracker.Data.Database;
using PraTracker.Data.Documents;
using PraTracker.Data.Identity;
using PraTracker.Data.Requests;

namespace PraTracker.Tests.Documents;

/// <summary>
/// The same search tests on PostgreSQL (tsvector, websearch_to_tsquery, ts_headline) and SQLite (FTS5): query syntax,
/// stemming, ranking, snippets, filters, the index following edits, and nothing private found by anyone but staff.
/// Each test searches within its own agency, so tests sharing the database do not see each other's documents.
/// </summary>
public abstract class DocumentSearchTests<TFixture>(TFixture fixture) : IClassFixture<TFixture>
    where TFixture : DatabaseFixture
{
    private const string PageThree = "The department ran 4,180 searches through the people-search portal during the pilot.";

    [Fact]
    public async Task A_phrase_from_page_three_finds_the_document_with_the_phrase_highlighted()
    {
        var (agency, request) = await SeedRequestAsync();
        var contract = await AddAsync(request, "Spokeo master agreement", "Page one: terms.\fPage two: pricing.\f" + PageThree);
        await AddAsync(request, "Unrelated memo", "Parking enforcement schedule for the summer.");

        var page = await SearchAsync(Viewer.Anonymous, "\"people-search portal\"", new DocumentSearchFilters(AgencyId: agency.Id));

        var hit = Assert.Single(page.Items);
        Assert.Equal(1, page.TotalCount);
        Assert.Equal(contract.Id, hit.Id);
        Assert.Equal(request.Reference, hit.RequestReference);
        Assert.Equal(agency.Name, hit.AgencyName);
        // PostgreSQL marks each word of the phrase, FTS5 the phrase as one run: either way the phrase is what is marked.
        var highlighted = string.Join(" ", hit.Snippet.Where(p => p.IsHit).Select(p => p.Text.ToLowerInvariant()));
        Assert.Contains("portal", highlighted);
        Assert.Contains("search", highlighted);
        Assert.DoesNotContain("pilot", highlighted);
        Assert.Contains("4,180 searches", string.Concat(hit.Snippet.Select(p => p.Text)));
    }

    [Fact]
    public async Task A_result_names_the_pages_a_search_matched_on_and_its_passage_comes_from_the_first()
    {
        var (agency, request) = await SeedRequestAsync();
        var contract = await AddAsync(request, "Spokeo master agreement", "Page one: terms of the subscription.\fPage two: pricing and renewal.\f" + PageThree, withPages: true);
        var memo = await AddAsync(request, "People-search portal memo", "A short note.");
        var filters = new DocumentSearchFilters(AgencyId: agency.Id);

        var phrase = await SearchAsync(Viewer.Anonymous, "\"people-search portal\"", filters);
        var onPage = Assert.Single(phrase.Items, h => h.Id == contract.Id);
        Assert.Equal([3], onPage.HitPages);
        Assert.Equal(1, onPage.HitPageCount);
        Assert.Equal(3, onPage.FirstHitPage);
        Assert.Contains("4,180 searches", string.Concat(onPage.Snippet.Select(p => p.Text)));
        // Matched in its title only, the memo names no page.
        var titleOnly = Assert.Single(phrase.Items, h => h.Id == memo.Id);
        Assert.Empty(titleOnly.HitPages);
        Assert.Null(titleOnly.FirstHitPage);

        var word = Assert.Single((await SearchAsync(Viewer.Anonymous, "page", filters)).Items);
        Assert.Equal([1, 2], word.HitPages); // stemmed, and only where the word is: page three says "pilot", not "page"
        var renewal = Assert.Single((await SearchAsync(Viewer.Anonymous, "renewals", filters)).Items);
        Assert.Equal([2], renewal.HitPages);
        Assert.Contains(renewal.Snippet, p => p.IsHit && p.Text.StartsWith("renewal", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task The_document_view_marks_every_hit_on_each_matching_page_for_whoever_may_see_the_document()
    {
        var (_, request) = await SeedRequestAsync();
        var text = "Searches of the portal.\fNothing here.\fThe portal logged 4,180 searches; each search was audited.";
        var published = await AddAsync(request, "Audit log", text, withPages: true);
        var unpublished = await AddAsync(request, "Draft audit log", text, PublicationStatus.Private, withPages: true);

        await using (var db = fixture.Open(Viewer.Anonymous))
        {
            var pages = await DocumentPageSearch.HighlightAsync(db, published.Id, "search");
            Assert.Equal([1, 3], pages.Keys.Order());
            var marked = DocumentSearch.Highlighted(pages[3]);
            Assert.Equal(["searches", "search"], marked.Where(p => p.IsHit).Select(p => p.Text.ToLowerInvariant()));
            Assert.Equal("The portal logged 4,180 searches; each search was audited.", string.Concat(marked.Select(p => p.Text)));
            Assert.Empty(await DocumentPageSearch.HighlightAsync(db, unpublished.Id, "search"));
            Assert.Empty(await db.DocumentPages.Where(p => p.DocumentId == unpublished.Id).ToListAsync());
            Assert.Equal(3, await db.DocumentPages.CountAsync(p => p.DocumentId == published.Id));
        }

        await using (var db = fixture.Open(Viewer.System))
        {
            Assert.Equal([1, 3], (await DocumentPageSearch.HighlightAsync(db, unpublished.Id, "search")).Keys.Order());
        }
    }

    [Fact]
    public async Task Documents_read_before_pages_were_indexed_get_their_pages_from_their_text_and_no_document_gets_them_twice()
    {
        var (agency, request) = await SeedRequestAsync();
        var older = await AddAsync(request, "Older scan", "First page.\f\fThird page names Flock Safety.");
        var indexed = await AddAsync(request, "Indexed", "One.\fTwo.", withPages: true);
        await using (var db = fixture.Open(Viewer.System))
        {
            await db.Documents.Where(d => d.Id == older.Id).ExecuteUpdateAsync(set => set.SetProperty(d => d.PageCount, 3));
            await db.Database.ExecuteSqlRawAsync(db.Database.IsNpgsql() ? DocumentPageSearch.PostgresBackfill : DocumentPageSearch.SqliteBackfill);
            Assert.Equal(
                ["First page.", "", "Third page names Flock Safety."],
                await db.DocumentPages.Where(p => p.DocumentId == older.Id).OrderBy(p => p.Number).Select(p => p.Text).ToListAsync());
            Assert.Equal(2, await db.DocumentPages.CountAsync(p => p.DocumentId == indexed.Id));
        }

        var hit = Assert.Single((await SearchAsync(Viewer.Anonymous, "flock", new DocumentSearchFilters(AgencyId: agency.Id))).Items);
        Assert.Equal([3], hit.HitPages);
    }

    [Fact]
    public async Task A_word_deep_in_a_long_document_is_found_ranked_and_highlighted_in_its_snippet()
    {
        var (agency, request) = await SeedRequestAsync();
        // 60 pages of routine text, then the one sentence that matters: far past the opening that ranking reads first.
        var routine = string.Concat(Enumerable.Repeat("Patrol schedule and overtime for the traffic division this week. ", 1_000));
        var longReport = await AddAsync(request, "Annual report", routine + "The Stingray device was leased for 18 months.");
        var memo = await AddAsync(request, "Stingray lease memo", "Lease of the Stingray device.");

        var page = await SearchAsync(Viewer.Anonymous, "stingray", new DocumentSearchFilters(AgencyId: agency.Id));

        Assert.Equal(2, page.TotalCount);
        Assert.Equal([memo.Id, longReport.Id], page.Items.Select(h => h.Id));
        var deep = page.Items[1];
        Assert.Contains(deep.Snippet, p => p.IsHit && p.Text.Equals("Stingray", StringComparison.OrdinalIgnoreCase));
        Assert.Contains("leased for 18 months", string.Concat(deep.Snippet.Select(p => p.Text)));
    }

    [Fact]
    public async Task Browsing_by_vendor_counts_a_document_once_whether_its_request_names_the_vendor_or_its_contract_and_only_what_the_viewer_may_see()
    {
        Vendor vendor;
        RecordsRequest both, privateRequest;
        await using (var db = fixture.Open(Viewer.System))
        {
            var california = await Build.CaliforniaAsync(db);
            var agency = Build.Agency(california);
            vendor = Build.Vendor();
            var contract = Build.Contract(agency, vendor);
            both = Build.Request(agency, california);
            both.VendorLinks.Add(new RequestVendor { Vendor = vendor });
            both.ContractLinks.Add(new RequestContract { Contract = contract });
            privateRequest = Build.Request(agency, california, RequestVisibility.Private);
            privateRequest.ContractLinks.Add(new RequestContract { Contract = contract });
            db.AddRange(both, privateRequest);
            await db.SaveChangesAsync();
        }

        await AddAsync(both, "Spokeo invoices", "Invoice.");
        await AddAsync(both, "Spokeo audit log", "Log.");
        await AddAsync(privateRequest, "Spokeo memo", "Memo.");

        async Task<int?> CountAsync(Viewer viewer)
        {
            await using var db = fixture.Open(viewer);
            return (await LibraryQueries.VendorsAsync(db, 1_000)).SingleOrDefault(e => Guid.Parse(e.Key) == vendor.Id)?.Count;
        }

        Assert.Equal(2, await CountAsync(Viewer.Anonymous));
        Assert.Equal(3, await CountAsync(Viewer.System));
    }

    [Fact]
    public async Task Web_search_syntax_means_the_same_on_both_databases()
    {
        var (agency, request) = await SeedRequestAsync();
        var faces = await AddAsync(request, "Face recognition audit", "Clearview searched scraped photos of residents.");
        var social = await AddAsync(request, "Social media monitoring contract", "Dataminr alerts about protests were forwarded.");
        var both = await AddAsync(request, "Vendor comparison", "Clearview and Dataminr both bid; photos of protests were mentioned.");
        var filters = new DocumentSearchFilters(AgencyId: agency.Id);

        async Task<Guid[]> Find(string query) => [.. (await SearchAsync(Viewer.Anonymous, query, filters)).Items.Select(h => h.Id).Order()];

        Assert.Equal(Ids(faces, both), await Find("clearview"));
        Assert.Equal(Ids(faces, both), await Find("photo")); // stemmed: "photos"
        Assert.Equal(Ids(faces), await Find("clearview -dataminr"));
        Assert.Equal(Ids(faces, social, both), await Find("clearview OR dataminr"));
        Assert.Equal(Ids(both), await Find("clearview dataminr"));
        Assert.Equal(Ids(faces), await Find("\"scraped photos\""));
        Assert.Empty(await Find("\"photos scraped\"")); // a phrase keeps its order
        Assert.Empty(await Find("-clearview")); // only exclusions: nothing is asked for
        Assert.Empty(await Find("zyxwvut"));
    }

    [Theory]
    [InlineData("\"unbalanced quote")]
    [InlineData("AND OR NOT")]
    [InlineData("clearview* ^ : ( ) {near}")]
    [InlineData("'; DROP TABLE \"Documents\"; --")]
    [InlineData("NEAR(clearview dataminr)")]
    [InlineData("-")]
    public async Task Any_text_typed_in_the_box_is_a_search_never_an_error(string typed)
    {
        var (agency, request) = await SeedRequestAsync();
        await AddAsync(request, "Face recognition audit", "Clearview searched scraped photos.");

        var page = await SearchAsync(Viewer.Anonymous, typed, new DocumentSearchFilters(AgencyId: agency.Id));

        Assert.True(page.TotalCount >= 0);
        await using var db = fixture.Open(Viewer.System);
        Assert.True(await db.Documents.AnyAsync()); // and nothing typed reached the database as SQL
    }

    [Fact]
    public async Task A_title_match_ranks_above_a_passing_mention_in_the_text()
    {
        var (agency, request) = await SeedRequestAsync();
        var mention = await AddAsync(request, "Council minutes", "Item 7 mentioned ShadowDragon once among other purchases and park repairs.");
        var titled = await AddAsync(request, "ShadowDragon SocialNet quote", "Annual licence for two seats.");

        var page = await SearchAsync(Viewer.Anonymous, "shadowdragon", new DocumentSearchFilters(AgencyId: agency.Id));

        Assert.Equal([titled.Id, mention.Id], page.Items.Select(h => h.Id));
    }

    [Fact]
    public async Task Anonymous_searches_never_find_private_in_review_embargoed_or_private_request_documents_but_staff_do()
    {
        var (agency, publicRequest) = await SeedRequestAsync();
        Guid privateRequestId;
        await using (var db = fixture.Open(Viewer.System))
        {
            var california = await Build.CaliforniaAsync(db);
            var privateRequest = Build.Request(await db.Agencies.SingleAsync(a => a.Id == agency.Id), california, RequestVisibility.Private);
            db.Requests.Add(privateRequest);
            await db.SaveChangesAsync();
            privateRequestId = privateRequest.Id;
        }

        const string secret = "Informant roster lists Voyager Labs persona accounts.";
        var published = await AddAsync(publicRequest, "Public roster summary", "Voyager Labs contract summary.");
        await AddAsync(publicRequest, "Draft roster", secret, PublicationStatus.Private);
        await AddAsync(publicRequest, "Roster under review", secret, PublicationStatus.InReview);
        await AddAsync(publicRequest, "Embargoed roster", secret, PublicationStatus.Published, fixture.Clock.GetUtcNow().AddDays(5));
        await AddAsync(privateRequestId, "Roster on a private request", secret, PublicationStatus.Published);
        var filters = new DocumentSearchFilters(AgencyId: agency.Id);

        var anonymous = await SearchAsync(Viewer.Anonymous, "voyager", filters);
        Assert.Equal([published.Id], anonymous.Items.Select(h => h.Id));
        Assert.Equal(1, anonymous.TotalCount);
        Assert.DoesNotContain(anonymous.Items.SelectMany(h => h.Snippet), p => p.Text.Contains("Informant", StringComparison.OrdinalIgnoreCase));
        Assert.Empty((await SearchAsync(Viewer.Anonymous, "informant persona", filters)).Items);
        Assert.Equal(0, (await SearchAsync(Viewer.Anonymous, "informant", filters)).TotalCount);
        Assert.Equal(1, (await SearchAsync(Viewer.Anonymous, "", filters)).TotalCount); // the plain list too

        var staff = await SearchAsync(Viewer.Staff("attorney"), "informant", filters);
        Assert.Equal(4, staff.TotalCount);
        Assert.Contains(staff.Items.SelectMany(h => h.Snippet), p => p.IsHit && p.Text.Equals("Informant", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task Filters_narrow_by_agency_vendor_category_request_and_release_date()
    {
        var (agency, request) = await SeedRequestAsync();
        var (otherAgency, otherRequest) = await SeedRequestAsync();
        Guid vendorId;
        await using (var db = fixture.Open(Viewer.System))
        {
            var vendor = Build.Vendor();
            var faceRecognition = await db.TechnologyCategories.SingleAsync(c => c.Code == "face-recognition");
            db.Vendors.Add(vendor);
            db.RequestVendors.Add(new RequestVendor { RequestId = request.Id, Vendor = vendor });
            db.RequestTechnologyCategories.Add(new RequestTechnologyCategory { RequestId = request.Id, TechnologyCategory = faceRecognition });
            await db.SaveChangesAsync();
            vendorId = vendor.Id;
        }

        var march = await AddAsync(request, "Invoice", "Clearview invoice paid.", releasedOn: new DateOnly(2026, 3, 10));
        var april = await AddAsync(request, "Second invoice", "Clearview invoice for renewal.", releasedOn: new DateOnly(2026, 4, 10));
        var elsewhere = await AddAsync(otherRequest, "Other invoice", "Clearview invoice elsewhere.", releasedOn: new DateOnly(2026, 3, 10));

        async Task<Guid[]> Find(DocumentSearchFilters filters) =>
            [.. (await SearchAsync(Viewer.Anonymous, "clearview invoice", filters)).Items.Select(h => h.Id).Where(id => id == march.Id || id == april.Id || id == elsewhere.Id).Order()];

        Assert.Equal(Ids(march, april), await Find(new DocumentSearchFilters(AgencyId: agency.Id)));
        Assert.Equal(Ids(march, april), await Find(new DocumentSearchFilters(VendorId: vendorId)));
        Assert.Equal(Ids(elsewhere), await Find(new DocumentSearchFilters(RequestId: otherRequest.Id)));
        Assert.Equal(Ids(march), await Find(new DocumentSearchFilters(AgencyId: agency.Id, ReleasedTo: new DateOnly(2026, 3, 31))));
        Assert.Equal(Ids(april), await Find(new DocumentSearchFilters(AgencyId: agency.Id, ReleasedFrom: new DateOnly(2026, 4, 1))));
        Assert.Equal(Ids(march, april), await Find(new DocumentSearchFilters(CategoryCode: "face-recognition")));
        Assert.Equal(Ids(elsewhere), await Find(new DocumentSearchFilters(AgencyId: otherAgency.Id)));
    }

    [Fact]
    public async Task The_index_follows_new_text_edited_titles_and_deleted_documents()
    {
        var (agency, request) = await SeedRequestAsync();
        var document = await AddAsync(request, "Pending scan", null, textStatus: TextStatus.Pending);
        var filters = new DocumentSearchFilters(AgencyId: agency.Id);
        Assert.Empty((await SearchAsync(Viewer.Anonymous, "fusus", filters)).Items);

        await using (var db = fixture.Open(Viewer.System))
        {
            var stored = await db.Documents.SingleAsync(d => d.Id == document.Id);
            stored.ExtractedText = "Fusus camera registry export.";
            stored.TextStatus = TextStatus.Extracted;
            await db.SaveChangesAsync();
        }

        Assert.Equal([document.Id], (await SearchAsync(Viewer.Anonymous, "fusus", filters)).Items.Select(h => h.Id));

        await using (var db = fixture.Open(Viewer.Staff("attorney")))
        {
            Assert.Null(await DocumentEdits.SaveDetailsAsync(db, document.Id, new DocumentDetails("Camera registry", "Flock Safety readers listed by intersection.")));
        }

        Assert.Equal([document.Id], (await SearchAsync(Viewer.Anonymous, "flock intersection", filters)).Items.Select(h => h.Id));
        Assert.Empty((await SearchAsync(Viewer.Anonymous, "pending scan", filters)).Items);

        await using (var db = fixture.Open(Viewer.System))
        {
            db.Documents.Remove(await db.Documents.SingleAsync(d => d.Id == document.Id));
            await db.SaveChangesAsync();
        }

        Assert.Empty((await SearchAsync(Viewer.Anonymous, "fusus", filters)).Items);
        Assert.Empty((await SearchAsync(Viewer.Staff("attorney"), "flock", filters)).Items);
    }

    [Fact]
    public async Task Results_are_paged_with_the_total_and_can_be_sorted_newest_first()
    {
        var (agency, request) = await SeedRequestAsync();
        var added = new List<Document>();
        for (var i = 0; i < 7; i++)
        {
            added.Add(await AddAsync(request, $"Weekly Flock report {i}", "Flock hotlist hits this week.", releasedOn: new DateOnly(2026, 3, 1 + i)));
        }

        var filters = new DocumentSearchFilters(AgencyId: agency.Id);
        var first = await SearchAsync(Viewer.Anonymous, "flock", filters, new PageRequest(0, 3), DocumentSort.Newest);
        var last = await SearchAsync(Viewer.Anonymous, "flock", filters, new PageRequest(2, 3), DocumentSort.Newest);

        Assert.Equal(7, first.TotalCount);
        Assert.Equal(added.AsEnumerable().Reverse().Take(3).Select(d => d.Id), first.Items.Select(h => h.Id));
        Assert.Equal([added[0].Id], last.Items.Select(h => h.Id));
    }

    [Fact]
    public void Markup_in_released_text_stays_text_and_only_the_markers_make_highlights()
    {
        var parts = DocumentSearch.Highlighted($"before <script>x</script> {DocumentSearch.HitStart}Spokeo{DocumentSearch.HitEnd} after {DocumentSearch.HitStart}unclosed");

        Assert.Equal(
            [new SnippetPart("before <script>x</script> ", false), new SnippetPart("Spokeo", true), new SnippetPart(" after ", false), new SnippetPart("unclosed", true)],
            parts);
    }

    private static Guid[] Ids(params Document[] documents) => [.. documents.Select(d => d.Id).Order()];

    private async Task<Page<DocumentHit>> SearchAsync(
        Viewer viewer, string text, DocumentSearchFilters filters, PageRequest? page = null, DocumentSort sort = DocumentSort.Relevance)
    {
        await using var db = fixture.Open(viewer);
        return await DocumentSearch.SearchAsync(db, text, filters, page ?? new PageRequest(0, 50), sort);
    }

    private async Task<(Agency Agency, RecordsRequest Request)> SeedRequestAsync()
    {
        await using var db = fixture.Open(Viewer.System);
        var california = await Build.CaliforniaAsync(db);
        var request = Build.Request(Build.Agency(california), california);
        db.Requests.Add(request);
        await db.SaveChangesAsync();
        return (request.Agency, request);
    }

    private Task<Document> AddAsync(
        RecordsRequest request, string title, string? text, PublicationStatus status = PublicationStatus.Published, DateTimeOffset? embargo = null,
        DateOnly? releasedOn = null, TextStatus textStatus = TextStatus.Extracted, bool withPages = false) =>
        AddAsync(request.Id, title, text, status, embargo, releasedOn, textStatus, withPages);

    private async Task<Document> AddAsync(
        Guid requestId, string title, string? text, PublicationStatus status = PublicationStatus.Published, DateTimeOffset? embargo = null,
        DateOnly? releasedOn = null, TextStatus textStatus = TextStatus.Extracted, bool withPages = false)
    {
        await using var db = fixture.Open(Viewer.System);
        var document = Build.Document(await db.Requests.SingleAsync(r => r.Id == requestId), status, embargo);
        document.Title = title;
        document.ExtractedText = text;
        document.TextStatus = textStatus;
        document.ReleasedOn = releasedOn ?? document.ReleasedOn;
        db.Documents.Add(document);
        if (withPages && text is not null)
        {
            // As the extraction job writes a PDF: one page row per form-feed-separated page.
            var pages = text.Split('\f');
            document.PageCount = pages.Length;
            await DocumentPageSearch.SetPagesAsync(db, document.Id, pages, new HashSet<int>());
        }

        await db.SaveChangesAsync();
        return document;
    }
}

public sealed class PostgresDocumentSearchTests(PostgresFixture fixture) : DocumentSearchTests<PostgresFixture>(fixture);

public sealed class SqliteDocumentSearchTests(SqliteFixture fixture) : DocumentSearchTests<SqliteFixture>(fixture);
