using System.Globalization;
using CsvHelper;
using CsvHelper.Configuration;
using Microsoft.EntityFrameworkCore;
using PraTracker.Data.Contracts;
using PraTracker.Data.Database;
using PraTracker.Data.Documents;
using PraTracker.Data.Imports;
using PraTracker.Data.Requests;
using PraTracker.Web.Features.Library;
using PraTracker.Web.Features.Requests;
using PraTracker.Web.Security;

namespace PraTracker.Web.Endpoints;

/// <summary>
/// CSV exports of the lists, filtered as the list's address filters it: /exports/requests.csv, deadlines.csv,
/// contracts.csv, documents.csv and search.csv (every result of a document search). Each is read as whoever asks: attorneys export what they can see, anonymous
/// visitors public data only (the visibility filter decides, as for the pages). Exports are never cached.
/// </summary>
public static class CsvExportEndpoints
{
    public const string Requests = "/exports/requests.csv";
    public const string Deadlines = "/exports/deadlines.csv";
    public const string Contracts = "/exports/contracts.csv";
    public const string Documents = "/exports/documents.csv";
    public const string SearchResults = "/exports/search.csv";

    private static readonly string[] DocumentHeaders =
        ["Title", "Description", "File name", "Type", "Bytes", "Pages", "SHA-256", "Request", "Agency", "Released on", "Publication", "Published at", "Link", "File"];

    private static readonly CsvConfiguration Csv = new(CultureInfo.InvariantCulture)
    {
        // A cell starting with = + - @ would run as a formula when a spreadsheet opens the file: it is written quoted after a '.
        InjectionOptions = InjectionOptions.Escape,
    };

    public static IEndpointRouteBuilder MapCsvExports(this IEndpointRouteBuilder endpoints)
    {
        var exports = endpoints.MapGroup("/exports").AllowAnonymous();
        exports.MapGet("/requests.csv", ExportRequestsAsync);
        exports.MapGet("/deadlines.csv", ExportDeadlinesAsync);
        exports.MapGet("/contracts.csv", ExportContractsAsync);
        exports.MapGet("/documents.csv", ExportDocumentsAsync);
        exports.MapGet("/search.csv", ExportSearchResultsAsync);
        return endpoints;
    }

    /// <summary>An export's address for the same filters as the list's address (its query string).</summary>
    public static string For(string export, string? query) => string.IsNullOrEmpty(query) || query == "?" ? export : $"{export}{(query.StartsWith('?') ? "" : "?")}{query}";

    private static Task ExportRequestsAsync(HttpContext http, IDbContextFactory<PraTrackerDbContext> dbFactory, OrganisationClock clock, CancellationToken ct) =>
        WriteAsync(http, dbFactory, clock, "requests", db => ListFilter(http, db, clock) is { } filter ? RequestExports.RequestsAsync(db, filter) : AsyncEnumerable.Empty<RequestExportRow>(),
            ["Reference", "Title", "Agency", "State", "Law", "Status", "Outcome", "Visibility", "Sent on", "Received on", "Method", "Agency tracking number", "Next deadline", "Link"],
            (row, link) => [row.Reference, row.Title, row.AgencyName, row.AgencyState, row.LawCode, row.Status, row.Outcome, row.Visibility, row.SentOn, row.ReceivedOn,
                row.Method, row.AgencyTrackingNumber, row.NextDueOn, link($"/requests/{row.Id}")],
            ct);

    private static Task ExportDeadlinesAsync(HttpContext http, IDbContextFactory<PraTrackerDbContext> dbFactory, OrganisationClock clock, CancellationToken ct) =>
        WriteAsync(http, dbFactory, clock, "deadlines", db => ListFilter(http, db, clock) is { } filter ? RequestExports.DeadlinesAsync(db, filter) : AsyncEnumerable.Empty<DeadlineExportRow>(),
            ["Request", "Request title", "Agency", "Deadline", "Due on", "Status", "Closed on", "How it was counted", "Warning", "Link"],
            (row, link) => [row.Reference, row.RequestTitle, row.AgencyName, row.Kind, row.DueOn, row.Status, row.ClosedOn, row.Explanation, row.Warning,
                link($"/requests/{row.RequestId}")],
            ct);

    private static Task ExportContractsAsync(HttpContext http, IDbContextFactory<PraTrackerDbContext> dbFactory, OrganisationClock clock, CancellationToken ct)
    {
        // The columns the importer's PraTracker layout reads, under its headers, so an exported file can be edited and imported back.
        var layout = ImportPresets.PraTracker;
        return WriteAsync(http, dbFactory, clock, "contracts", db => ContractExports.ContractsAsync(db, new ContractFilter(
                http.Request.Query["q"], Guid.TryParse(http.Request.Query["agency"], out var agency) ? agency : null,
                Guid.TryParse(http.Request.Query["vendor"], out var vendor) ? vendor : null, http.Request.Query["category"], http.Request.Query["state"])),
            [.. layout.Columns.Select(c => c.Headers[0]), "Link"],
            (row, link) => [.. layout.Columns.Select(c => Field(row, c.Field)), link($"/contracts/{row.Id}")],
            ct);
    }

    private static Task ExportDocumentsAsync(HttpContext http, IDbContextFactory<PraTrackerDbContext> dbFactory, OrganisationClock clock, CancellationToken ct) =>
        WriteAsync(http, dbFactory, clock, "documents", db => DocumentExports.DocumentsAsync(db, http.Request.Query["q"]), DocumentHeaders, DocumentFields, ct);

    private static Task ExportSearchResultsAsync(HttpContext http, IDbContextFactory<PraTrackerDbContext> dbFactory, OrganisationClock clock, CancellationToken ct) =>
        WriteAsync(http, dbFactory, clock, "search",
            db => DocumentExports.SearchResultsAsync(db, http.Request.Query["q"], LibrarySearchAddress.Filters(http.Request.Query), LibrarySearchAddress.Sort(http.Request.Query["sort"]), ct),
            DocumentHeaders, DocumentFields, ct);

    private static object?[] DocumentFields(DocumentExportRow row, Func<string, string> link) =>
        [row.Title, row.Description, row.FileName, row.ContentType, row.SizeBytes, row.PageCount, row.Sha256, row.RequestReference, row.AgencyName,
            row.ReleasedOn, row.PublicationStatus, row.PublishedAt, link($"/documents/{row.Id}"), link($"/documents/{row.Id}/file")];

    // The list's filter; null for "assigned to me" asked by a visitor, whose export is then empty, as the list is.
    private static RequestFilter? ListFilter(HttpContext http, PraTrackerDbContext db, OrganisationClock clock)
    {
        var filter = RequestListQuery.Filter(http.Request.Query) with { Today = clock.Today };
        return http.Request.Query["mine"] != "true" ? filter
            : db.Viewer.UserId is { } me ? filter with { AssignedUserId = me }
            : null;
    }

    private static object? Field(ContractExportRow row, ImportField field) => field switch
    {
        ImportField.Agency => row.AgencyName,
        ImportField.State => row.AgencyState,
        ImportField.City => row.AgencyCity,
        ImportField.County => row.AgencyCounty,
        ImportField.AgencyKind => row.AgencyKind,
        ImportField.RecordsEmail => row.AgencyRecordsEmail,
        ImportField.Vendor => row.VendorName,
        ImportField.VendorWebsite => row.VendorWebsite,
        ImportField.Technology => row.Technology,
        ImportField.ContractTitle => row.Title,
        ImportField.ContractNumber => row.Number,
        ImportField.ContractStatus => row.Status,
        ImportField.Procurement => row.ProcurementMethod,
        ImportField.Amount => row.Amount,
        ImportField.Currency => row.Currency,
        ImportField.StartsOn => row.StartsOn,
        ImportField.EndsOn => row.EndsOn,
        ImportField.RenewsOn => row.RenewsOn,
        ImportField.SourceUrl => row.SourceUrl,
        ImportField.Notes => row.Notes,
        _ => throw new ArgumentOutOfRangeException(nameof(field), field, "The contracts export has no column for it."),
    };

    internal static async Task WriteAsync<TRow>(
        HttpContext http, IDbContextFactory<PraTrackerDbContext> dbFactory, OrganisationClock clock, string name,
        Func<PraTrackerDbContext, IAsyncEnumerable<TRow>> rows, IReadOnlyList<string> headers, Func<TRow, Func<string, string>, object?[]> fields,
        CancellationToken ct)
    {
        await using var db = (await dbFactory.CreateDbContextAsync(ct)).ViewAs(ViewerContextFactory.ViewerOf(http.User));
        var baseUrl = $"{http.Request.Scheme}://{http.Request.Host}";
        http.Response.ContentType = "text/csv; charset=utf-8";
        http.Response.Headers.ContentDisposition = $"attachment; filename=\"pratracker-{name}-{clock.Today:yyyy-MM-dd}.csv\"";
        http.Response.Headers.CacheControl = "private, no-store";

        // UTF-8 with a byte-order mark, which spreadsheet programs need to read accents and "§" correctly.
        await using var text = new StreamWriter(http.Response.Body, new System.Text.UTF8Encoding(encoderShouldEmitUTF8Identifier: true));
        await using var csv = new CsvWriter(text, Csv);
        foreach (var header in headers)
        {
            csv.WriteField(header);
        }

        await csv.NextRecordAsync();
        await foreach (var row in rows(db).WithCancellation(ct))
        {
            foreach (var value in fields(row, path => baseUrl + path))
            {
                csv.WriteField(Format(value));
            }

            await csv.NextRecordAsync();
        }
    }

    private static string? Format(object? value) => value switch
    {
        null => null,
        DateOnly date => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        DateTimeOffset instant => instant.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
        decimal amount => amount.ToString("0.##", CultureInfo.InvariantCulture),
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString(),
    };
}
