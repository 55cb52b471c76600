using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using NpgsqlTypes;
using PraTracker.Data.Database;

namespace PraTracker.Data.Documents;

/// <summary>Where in one document a search matched: the pages, in order, and a passage cut from the first of them.</summary>
public sealed record PageHits(IReadOnlyList<int> Pages, int PageCount, string? Snippet);

/// <summary>
/// Search at page level, on either database: PostgreSQL matches a generated, GIN-indexed tsvector per page; SQLite an
/// FTS5 table over the pages that triggers keep in step. Documents are still found and ranked whole by
/// <see cref="DocumentSearch"/>; this names the pages of the documents already found, and marks every hit on a page
/// for the document view. Both read the same stemmed index as the document search, so a page named here is a page
/// the document search would have found.
/// </summary>
public static class DocumentPageSearch
{
    /// <summary>At most this many matching pages of one document are named in a result.</summary>
    public const int MaxPagesNamed = 50;

    private const string SearchVector = "SearchVector";
    private const string SqliteTable = "DocumentPageSearch";

    private static readonly string PostgresSnippetOptions =
        $"StartSel={DocumentSearch.HitStart}, StopSel={DocumentSearch.HitEnd}, MaxWords=35, MinWords=15, MaxFragments=2, FragmentDelimiter=\" … \"";

    private static readonly string PostgresHighlightAllOptions = $"StartSel={DocumentSearch.HitStart}, StopSel={DocumentSearch.HitEnd}, HighlightAll=true";

    internal static void ConfigurePostgres(EntityTypeBuilder<DocumentPage> page)
    {
        page.Property<NpgsqlTsVector>(SearchVector)
            .HasComputedColumnSql($"to_tsvector('english'::regconfig, left(\"Text\", {DocumentSearch.IndexedCharacters}))", stored: true);
        page.HasIndex(SearchVector).HasMethod("GIN");
    }

    /// <summary>SQLite's page index: FTS5 over the DocumentPages table's own text (external content), tokenised as the documents are.</summary>
    public const string SqliteCreate = $"""
        CREATE VIRTUAL TABLE {SqliteTable} USING fts5(
            Text,
            content = 'DocumentPages', content_rowid = 'rowid',
            tokenize = 'porter unicode61 remove_diacritics 2');
        CREATE TRIGGER DocumentPages_search_insert AFTER INSERT ON DocumentPages BEGIN
            INSERT INTO {SqliteTable}(rowid, Text) VALUES (new.rowid, new.Text);
        END;
        CREATE TRIGGER DocumentPages_search_delete AFTER DELETE ON DocumentPages BEGIN
            INSERT INTO {SqliteTable}({SqliteTable}, rowid, Text) VALUES ('delete', old.rowid, old.Text);
        END;
        CREATE TRIGGER DocumentPages_search_update AFTER UPDATE OF Text ON DocumentPages BEGIN
            INSERT INTO {SqliteTable}({SqliteTable}, rowid, Text) VALUES ('delete', old.rowid, old.Text);
            INSERT INTO {SqliteTable}(rowid, Text) VALUES (new.rowid, new.Text);
        END;
        """;

    public const string SqliteDrop = $"""
        DROP TRIGGER DocumentPages_search_update;
        DROP TRIGGER DocumentPages_search_delete;
        DROP TRIGGER DocumentPages_search_insert;
        DROP TABLE {SqliteTable};
        """;

    /// <summary>
    /// Fills the pages of documents read before pages were indexed, from their text (PDF pages are separated by form
    /// feeds). Run by the migration that adds the pages; documents that have pages are left as they are.
    /// </summary>
    public const string PostgresBackfill = """
        INSERT INTO "DocumentPages" ("DocumentId", "Number", "Text", "FromOcr")
        SELECT d."Id", p.number, p.text, false
        FROM "Documents" AS d
        CROSS JOIN LATERAL regexp_split_to_table(d."ExtractedText", E'\f') WITH ORDINALITY AS p(text, number)
        WHERE d."PageCount" IS NOT NULL AND d."ExtractedText" IS NOT NULL
          AND NOT EXISTS (SELECT 1 FROM "DocumentPages" AS e WHERE e."DocumentId" = d."Id");
        """;

    public const string SqliteBackfill = """
        WITH RECURSIVE split(id, number, page, rest) AS (
            SELECT Id, 0, NULL, ExtractedText || char(12) FROM Documents AS d
            WHERE PageCount IS NOT NULL AND ExtractedText IS NOT NULL AND NOT EXISTS (SELECT 1 FROM DocumentPages AS e WHERE e.DocumentId = d.Id)
            UNION ALL
            SELECT id, number + 1, substr(rest, 1, instr(rest, char(12)) - 1), substr(rest, instr(rest, char(12)) + 1)
            FROM split WHERE rest <> '')
        INSERT INTO DocumentPages (DocumentId, Number, Text, FromOcr)
        SELECT id, number, page, 0 FROM split WHERE number > 0;
        """;

    private sealed record PageRow(Guid DocumentId, int Number, string? Snippet);

    /// <summary>
    /// The matching pages of each of the given documents (already read through the viewer's visibility filter), with a
    /// passage from the first. Documents matched only in their title or description have no entry.
    /// </summary>
    public static async Task<IReadOnlyDictionary<Guid, PageHits>> FindAsync(PraTrackerDbContext db, SearchQuery query, IReadOnlyCollection<Guid> documentIds, CancellationToken ct = default)
    {
        if (!query.HasTerms || documentIds.Count == 0)
        {
            return new Dictionary<Guid, PageHits>();
        }

        List<PageRow> rows;
        if (db.Database.IsNpgsql())
        {
            var ids = documentIds.ToArray();
            rows = await db.Database.SqlQuery<PageRow>($"""
                SELECT m."DocumentId", m."Number",
                       CASE WHEN m.position = 1 THEN ts_headline('english', m."Text", websearch_to_tsquery('english', {query.Text}), {PostgresSnippetOptions}) END AS "Snippet"
                FROM (SELECT p."DocumentId", p."Number", p."Text", row_number() OVER (PARTITION BY p."DocumentId" ORDER BY p."Number") AS position
                      FROM "DocumentPages" AS p
                      WHERE p."DocumentId" = ANY({ids}) AND p."SearchVector" @@ websearch_to_tsquery('english', {query.Text})) AS m
                """).ToListAsync(ct);
        }
        else
        {
            var (start, end) = (DocumentSearch.HitStart.ToString(), DocumentSearch.HitEnd.ToString());
            var ids = documentIds.ToList();
            rows = await db.Database.SqlQuery<PageRow>($"""
                SELECT p.DocumentId AS DocumentId, p.Number AS Number, snippet(DocumentPageSearch, 0, {start}, {end}, ' … ', 32) AS Snippet
                FROM DocumentPageSearch JOIN DocumentPages AS p ON p.rowid = DocumentPageSearch.rowid
                WHERE DocumentPageSearch MATCH {query.ToFts5()}
                """).Where(r => ids.Contains(r.DocumentId)).ToListAsync(ct);
        }

        return rows.GroupBy(r => r.DocumentId).ToDictionary(g => g.Key, g =>
        {
            var ordered = g.OrderBy(r => r.Number).ToList();
            return new PageHits([.. ordered.Take(MaxPagesNamed).Select(r => r.Number)], ordered.Count, ordered[0].Snippet);
        });
    }

    private sealed record HighlightRow(Guid DocumentId, int Number, string Text);

    /// <summary>
    /// Every page of one document the query matches, with each hit marked by <see cref="DocumentSearch.HitStart"/>
    /// and <see cref="DocumentSearch.HitEnd"/>, keyed by page number: for the document view. Nothing when the viewer
    /// may not see the document.
    /// </summary>
    public static async Task<IReadOnlyDictionary<int, string>> HighlightAsync(PraTrackerDbContext db, Guid documentId, string? text, CancellationToken ct = default)
    {
        var query = SearchQuery.Parse(text);
        if (!query.HasTerms || !await db.Documents.AnyAsync(d => d.Id == documentId, ct))
        {
            return new Dictionary<int, string>();
        }

        List<HighlightRow> rows;
        if (db.Database.IsNpgsql())
        {
            rows = await db.Database.SqlQuery<HighlightRow>($"""
                SELECT p."DocumentId", p."Number", ts_headline('english', p."Text", websearch_to_tsquery('english', {query.Text}), {PostgresHighlightAllOptions}) AS "Text"
                FROM "DocumentPages" AS p
                WHERE p."DocumentId" = {documentId} AND p."SearchVector" @@ websearch_to_tsquery('english', {query.Text})
                """).ToListAsync(ct);
        }
        else
        {
            var (start, end) = (DocumentSearch.HitStart.ToString(), DocumentSearch.HitEnd.ToString());
            rows = await db.Database.SqlQuery<HighlightRow>($"""
                SELECT p.DocumentId AS DocumentId, p.Number AS Number, highlight(DocumentPageSearch, 0, {start}, {end}) AS Text
                FROM DocumentPageSearch JOIN DocumentPages AS p ON p.rowid = DocumentPageSearch.rowid
                WHERE DocumentPageSearch MATCH {query.ToFts5()}
                """).Where(r => r.DocumentId == documentId).ToListAsync(ct);
        }

        return rows.ToDictionary(r => r.Number, r => r.Text);
    }

    /// <summary>
    /// Sets a document's pages to the texts given (page 1 first), tracked on the context so that they are saved with
    /// whatever else the caller saves: for the extraction and OCR jobs.
    /// </summary>
    public static async Task SetPagesAsync(PraTrackerDbContext db, Guid documentId, IReadOnlyList<string> pages, IReadOnlySet<int> fromOcr, CancellationToken ct = default)
    {
        var existing = await db.DocumentPages.Where(p => p.DocumentId == documentId).ToDictionaryAsync(p => p.Number, ct);
        for (var number = 1; number <= pages.Count; number++)
        {
            var text = pages[number - 1];
            if (existing.Remove(number, out var page))
            {
                page.Text = text;
                page.FromOcr = fromOcr.Contains(number);
            }
            else
            {
                db.DocumentPages.Add(new DocumentPage { DocumentId = documentId, Number = number, Text = text, FromOcr = fromOcr.Contains(number) });
            }
        }

        db.DocumentPages.RemoveRange(existing.Values);
    }
}
