using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using NpgsqlTypes;
using PraTracker.Data.Database;
using PraTracker.Data.Requests;

namespace PraTracker.Data.Documents;

/// <summary>What a document search is narrowed to; every filter is optional.</summary>
public sealed record DocumentSearchFilters(
    Guid? AgencyId = null, Guid? VendorId = null, string? CategoryCode = null, Guid? RequestId = null,
    DateOnly? ReleasedFrom = null, DateOnly? ReleasedTo = null);

/// <summary>How results are ordered: best match first, or most recently published first.</summary>
public enum DocumentSort
{
    Relevance,
    Newest,
}

/// <summary>A run of snippet text, highlighted when it is what the query matched.</summary>
public sealed record SnippetPart(string Text, bool IsHit);

/// <summary>
/// One search result: the document, where it came from, the passage that matched, and the pages it matched on (none
/// when the document has no pages or only its title or description matched).
/// </summary>
public sealed record DocumentHit(
    Guid Id, string Title, string? Description, string FileName, Guid RequestId, string RequestReference, string RequestTitle,
    Guid AgencyId, string AgencyName, int? PageCount, DateOnly ReleasedOn, DateTimeOffset? PublishedAt, PublicationStatus PublicationStatus,
    TextStatus TextStatus, IReadOnlyList<SnippetPart> Snippet, IReadOnlyList<int> HitPages, int HitPageCount)
{
    /// <summary>The first page the search matched on, where the document view opens.</summary>
    public int? FirstHitPage => HitPages.Count > 0 ? HitPages[0] : null;
}

/// <summary>
/// Full-text search over released documents, on either database: PostgreSQL ranks a generated, GIN-indexed tsvector
/// against websearch_to_tsquery and cuts snippets with ts_headline; SQLite ranks an FTS5 table that triggers keep in
/// step with the documents and cuts snippets with snippet(). Both read documents through the viewer's visibility
/// filter, so a search shows anonymous visitors only what is public, and snippets are cut for the page's rows only.
/// </summary>
public static class DocumentSearch
{
    /// <summary>The characters around a hit in a snippet: unlikely in released text, and never rendered as markup.</summary>
    public const char HitStart = '\u27E6';
    public const char HitEnd = '\u27E7';

    // Only the first million characters of a document are indexed: PostgreSQL caps a tsvector at 1 MB.
    internal const int IndexedCharacters = 1_000_000;

    // Ranking reads a small vector of the title, the description and the first paragraph of the text, not the whole
    // search vector: a word found in 20,000 documents would otherwise read 20,000 vectors of ~30 KB each (3 s in the
    // benchmark); at ~1.5 KB the small vector is stored in the row itself, and ranking 20,000 of them takes ~25 ms.
    internal const int RankedCharacters = 1_000;

    // Snippets are first cut from the opening of the text and only from the whole text when the hit lies further in:
    // ts_headline parses all the text it is given, 4.5 ms for a 40,000-character document.
    internal const int SnippetOpeningCharacters = 5_000;
    private const string SearchVector = "SearchVector";
    private const string RankVector = "RankVector";
    private const string SqliteTable = "DocumentSearch";

    private static readonly string PostgresHeadlineOptions = $"StartSel={HitStart}, StopSel={HitEnd}, MaxWords=35, MinWords=15, MaxFragments=2, FragmentDelimiter=\" … \"";

    public static async Task<Page<DocumentHit>> SearchAsync(
        PraTrackerDbContext db, string? text, DocumentSearchFilters filters, PageRequest page, DocumentSort sort = DocumentSort.Relevance,
        CancellationToken ct = default)
    {
        var query = SearchQuery.Parse(text);
        var documents = Filter(db, db.Documents.AsNoTracking(), filters);
        if (!query.HasTerms)
        {
            // An empty box lists everything, newest first; a query of only exclusions finds nothing rather than everything.
            return query.Text.Length > 0 ? new Page<DocumentHit>([], 0) : await ListNewestAsync(documents, page, ct);
        }

        var ranked = Matches(db, documents, query);
        var ordered = Ordered(ranked, sort);
        var total = await ranked.CountAsync(ct);
        var ids = await ordered.Skip(page.Skip).Take(page.Take).Select(r => r.Id).ToListAsync(ct);
        if (ids.Count == 0)
        {
            return new Page<DocumentHit>([], total);
        }

        var rows = await Rows(db.Documents.AsNoTracking().Where(d => ids.Contains(d.Id))).ToDictionaryAsync(r => r.Id, ct);
        // A document matched on its pages gets its passage from the first of them, so that the page and the passage
        // agree; only the others (no pages, or a match in the title or description alone) are cut from the whole text.
        var pages = await DocumentPageSearch.FindAsync(db, query, ids, ct);
        var withoutPages = ids.Where(id => pages.GetValueOrDefault(id)?.Snippet is null).ToList();
        var snippets = withoutPages.Count > 0 ? await SnippetsAsync(db, query, withoutPages, ct) : new Dictionary<Guid, string?>();
        var hits = ids.Where(rows.ContainsKey)
            .Select(id => pages.TryGetValue(id, out var onPages)
                ? rows[id] with { Snippet = Highlighted(onPages.Snippet ?? snippets.GetValueOrDefault(id)), HitPages = onPages.Pages, HitPageCount = onPages.PageCount }
                : rows[id] with { Snippet = Highlighted(snippets.GetValueOrDefault(id)) })
            .ToList();
        return new Page<DocumentHit>(hits, total);
    }

    /// <summary>
    /// The ids of every match in the order the search shows them (an empty query: every document, newest first), for
    /// exports, which take all the results rather than a page.
    /// </summary>
    public static IQueryable<Guid> MatchingIds(PraTrackerDbContext db, string? text, DocumentSearchFilters filters, DocumentSort sort)
    {
        var query = SearchQuery.Parse(text);
        var documents = Filter(db, db.Documents.AsNoTracking(), filters);
        if (!query.HasTerms)
        {
            return query.Text.Length > 0
                ? documents.Where(d => false).Select(d => d.Id)
                : documents.OrderByDescending(d => d.PublishedAt).ThenByDescending(d => d.ReleasedOn).ThenBy(d => d.Id).Select(d => d.Id);
        }

        return Ordered(Matches(db, documents, query), sort).Select(r => r.Id);
    }

    private static IQueryable<Ranked> Matches(PraTrackerDbContext db, IQueryable<Document> documents, SearchQuery query) =>
        db.Database.IsNpgsql() ? RankedPostgres(documents, query) : RankedSqlite(db, documents, query);

    private static IOrderedQueryable<Ranked> Ordered(IQueryable<Ranked> ranked, DocumentSort sort) => sort == DocumentSort.Newest
        ? ranked.OrderByDescending(r => r.PublishedAt).ThenByDescending(r => r.ReleasedOn).ThenBy(r => r.Id)
        : ranked.OrderByDescending(r => r.Rank).ThenBy(r => r.Id);

    /// <summary>Splits a snippet marked with <see cref="HitStart"/> and <see cref="HitEnd"/> into plain and highlighted runs.</summary>
    public static IReadOnlyList<SnippetPart> Highlighted(string? snippet)
    {
        if (string.IsNullOrEmpty(snippet))
        {
            return [];
        }

        var parts = new List<SnippetPart>();
        var rest = snippet.Replace('\f', ' ').AsSpan(); // page breaks of PDFs read as spaces in a passage
        while (rest.Length > 0)
        {
            var start = rest.IndexOf(HitStart);
            if (start < 0)
            {
                parts.Add(new SnippetPart(rest.ToString(), false));
                break;
            }

            if (start > 0)
            {
                parts.Add(new SnippetPart(rest[..start].ToString(), false));
            }

            rest = rest[(start + 1)..];
            var end = rest.IndexOf(HitEnd);
            var hit = end < 0 ? rest : rest[..end];
            if (hit.Length > 0)
            {
                parts.Add(new SnippetPart(hit.ToString(), true));
            }

            rest = end < 0 ? [] : rest[(end + 1)..];
        }

        return parts;
    }

    /// <summary>
    /// PostgreSQL's search columns: title weighs most, then the description, then the text. The whole text is matched
    /// through the GIN-indexed search vector; results are ranked on the smaller rank vector (see <see cref="RankedCharacters"/>).
    /// </summary>
    internal static void ConfigurePostgres(EntityTypeBuilder<Document> document)
    {
        document.Property<NpgsqlTsVector>(SearchVector).HasComputedColumnSql(WeightedVector(IndexedCharacters), stored: true);
        document.HasIndex(SearchVector).HasMethod("GIN");
        document.Property<NpgsqlTsVector>(RankVector).HasComputedColumnSql(WeightedVector(RankedCharacters), stored: true);
    }

    private static string WeightedVector(int textCharacters) =>
        "setweight(to_tsvector('english'::regconfig, coalesce(\"Title\", '')), 'A') || "
        + "setweight(to_tsvector('english'::regconfig, coalesce(\"Description\", '')), 'B') || "
        + $"setweight(to_tsvector('english'::regconfig, left(coalesce(\"ExtractedText\", ''), {textCharacters})), 'C')";

    /// <summary>
    /// SQLite's search table, an FTS5 index over the Documents table's own columns (external content, so the text is
    /// stored once) that triggers keep in step. A migration that rebuilds the Documents table must run
    /// <see cref="SqliteRebuild"/> afterwards, since rows may get new rowids.
    /// </summary>
    public const string SqliteCreate = $"""
        CREATE VIRTUAL TABLE {SqliteTable} USING fts5(
            Title, Description, ExtractedText,
            content = 'Documents', content_rowid = 'rowid',
            tokenize = 'porter unicode61 remove_diacritics 2');
        CREATE TRIGGER Documents_search_insert AFTER INSERT ON Documents BEGIN
            INSERT INTO {SqliteTable}(rowid, Title, Description, ExtractedText) VALUES (new.rowid, new.Title, new.Description, new.ExtractedText);
        END;
        CREATE TRIGGER Documents_search_delete AFTER DELETE ON Documents BEGIN
            INSERT INTO {SqliteTable}({SqliteTable}, rowid, Title, Description, ExtractedText) VALUES ('delete', old.rowid, old.Title, old.Description, old.ExtractedText);
        END;
        CREATE TRIGGER Documents_search_update AFTER UPDATE OF Title, Description, ExtractedText ON Documents BEGIN
            INSERT INTO {SqliteTable}({SqliteTable}, rowid, Title, Description, ExtractedText) VALUES ('delete', old.rowid, old.Title, old.Description, old.ExtractedText);
            INSERT INTO {SqliteTable}(rowid, Title, Description, ExtractedText) VALUES (new.rowid, new.Title, new.Description, new.ExtractedText);
        END;
        """;

    public const string SqliteRebuild = $"INSERT INTO {SqliteTable}({SqliteTable}) VALUES ('rebuild');";

    public const string SqliteDrop = $"""
        DROP TRIGGER Documents_search_update;
        DROP TRIGGER Documents_search_delete;
        DROP TRIGGER Documents_search_insert;
        DROP TABLE {SqliteTable};
        """;

    private static IQueryable<Document> Filter(PraTrackerDbContext db, IQueryable<Document> documents, DocumentSearchFilters filters)
    {
        if (filters.AgencyId is { } agencyId)
        {
            documents = documents.Where(d => d.Request.AgencyId == agencyId);
        }

        if (filters.VendorId is { } vendorId)
        {
            var aboutVendor = RequestQueries.AboutVendor(db, vendorId);
            documents = documents.Where(d => aboutVendor.Contains(d.RequestId));
        }

        if (!string.IsNullOrWhiteSpace(filters.CategoryCode))
        {
            documents = documents.Where(d => d.Request.CategoryLinks.Any(l => l.TechnologyCategory.Code == filters.CategoryCode));
        }

        if (filters.RequestId is { } requestId)
        {
            documents = documents.Where(d => d.RequestId == requestId);
        }

        if (filters.ReleasedFrom is { } from)
        {
            documents = documents.Where(d => d.ReleasedOn >= from);
        }

        if (filters.ReleasedTo is { } to)
        {
            documents = documents.Where(d => d.ReleasedOn <= to);
        }

        return documents;
    }

    // Built with an initializer, not a constructor, so EF can sort and page on its members.
    private sealed class Ranked
    {
        public Guid Id { get; init; }
        public double Rank { get; init; }
        public DateTimeOffset? PublishedAt { get; init; }
        public DateOnly ReleasedOn { get; init; }
    }

    private static IQueryable<Ranked> RankedPostgres(IQueryable<Document> documents, SearchQuery query) =>
        documents
            .Where(d => EF.Property<NpgsqlTsVector>(d, SearchVector).Matches(EF.Functions.WebSearchToTsQuery("english", query.Text)))
            .Select(d => new Ranked
            {
                Id = d.Id,
                Rank = EF.Property<NpgsqlTsVector>(d, RankVector).Rank(EF.Functions.WebSearchToTsQuery("english", query.Text)),
                PublishedAt = d.PublishedAt,
                ReleasedOn = d.ReleasedOn,
            });

    private sealed record FtsMatch(Guid DocumentId, double Rank);

    private static IQueryable<Ranked> RankedSqlite(PraTrackerDbContext db, IQueryable<Document> documents, SearchQuery query)
    {
        // bm25 is lower for better matches; negated, it sorts like PostgreSQL's rank. Weights follow PostgreSQL's A, B, C.
        var matches = db.Database.SqlQuery<FtsMatch>($"""
            SELECT d.Id AS DocumentId, -bm25(DocumentSearch, 10.0, 4.0, 1.0) AS Rank
            FROM DocumentSearch JOIN Documents AS d ON d.rowid = DocumentSearch.rowid
            WHERE DocumentSearch MATCH {query.ToFts5()}
            """);
        return from d in documents
               join m in matches on d.Id equals m.DocumentId
               select new Ranked { Id = d.Id, Rank = m.Rank, PublishedAt = d.PublishedAt, ReleasedOn = d.ReleasedOn };
    }

    private sealed record SnippetRow(Guid DocumentId, string? Snippet);

    private static async Task<Dictionary<Guid, string?>> SnippetsAsync(PraTrackerDbContext db, SearchQuery query, List<Guid> ids, CancellationToken ct)
    {
        List<SnippetRow> rows;
        if (db.Database.IsNpgsql())
        {
            var idArray = ids.ToArray();
            var hitStart = HitStart.ToString();
            rows = await db.Database.SqlQuery<SnippetRow>($"""
                SELECT d."Id" AS "DocumentId",
                       CASE WHEN strpos(opening.snippet, {hitStart}) > 0 THEN opening.snippet
                            ELSE ts_headline('english', coalesce(left(d."ExtractedText", {IndexedCharacters}), d."Description", d."Title"),
                                             websearch_to_tsquery('english', {query.Text}), {PostgresHeadlineOptions}) END AS "Snippet"
                FROM "Documents" AS d
                CROSS JOIN LATERAL (
                    SELECT ts_headline('english', coalesce(left(d."ExtractedText", {SnippetOpeningCharacters}), d."Description", d."Title"),
                                       websearch_to_tsquery('english', {query.Text}), {PostgresHeadlineOptions}) AS snippet
                    OFFSET 0) AS opening -- OFFSET 0 keeps the subquery whole, so the opening's snippet is cut once, not twice
                WHERE d."Id" = ANY({idArray})
                """).ToListAsync(ct);
        }
        else
        {
            // Column -1 lets FTS5 take the passage from whichever column matched best.
            var (start, end) = (HitStart.ToString(), HitEnd.ToString());
            rows = await db.Database.SqlQuery<SnippetRow>($"""
                SELECT d.Id AS DocumentId, snippet(DocumentSearch, -1, {start}, {end}, ' … ', 32) AS Snippet
                FROM DocumentSearch JOIN Documents AS d ON d.rowid = DocumentSearch.rowid
                WHERE DocumentSearch MATCH {query.ToFts5()}
                """).Where(s => ids.Contains(s.DocumentId)).ToListAsync(ct);
        }

        return rows.ToDictionary(r => r.DocumentId, r => r.Snippet);
    }

    private static async Task<Page<DocumentHit>> ListNewestAsync(IQueryable<Document> documents, PageRequest page, CancellationToken ct)
    {
        var sorted = documents.OrderByDescending(d => d.PublishedAt).ThenByDescending(d => d.ReleasedOn).ThenBy(d => d.Id);
        var total = await sorted.CountAsync(ct);
        var hits = await Rows(sorted.Skip(page.Skip).Take(page.Take)).ToListAsync(ct);
        return new Page<DocumentHit>(hits, total);
    }

    private static IQueryable<DocumentHit> Rows(IQueryable<Document> documents) =>
        documents.Select(d => new DocumentHit(
            d.Id, d.Title, d.Description, d.FileName, d.RequestId, d.Request.Reference, d.Request.Title,
            d.Request.AgencyId, d.Request.Agency.Name, d.PageCount, d.ReleasedOn, d.PublishedAt, d.PublicationStatus, d.TextStatus,
            Array.Empty<SnippetPart>(), Array.Empty<int>(), 0));
}
