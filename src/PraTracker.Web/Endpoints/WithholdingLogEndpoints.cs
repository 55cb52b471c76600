using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using PraTracker.Data.Database;
using PraTracker.Data.Exemptions;
using PraTracker.Web.Components.Shared;
using PraTracker.Web.Features.Exemptions;
using PraTracker.Web.Security;

namespace PraTracker.Web.Endpoints;

/// <summary>
/// A request's withholding log for a court filing: /requests/{id}/withholding-log (a plain printable page) and
/// /requests/{id}/withholding-log.csv. Read as whoever asks, like the request page; a request the visitor may not see
/// is a bare 404, saying no more than an address that never existed.
/// </summary>
public static class WithholdingLogEndpoints
{
    public static string Printable(Guid requestId) => $"/requests/{requestId}/withholding-log";

    public static string Csv(Guid requestId) => $"/requests/{requestId}/withholding-log.csv";

    /// <summary>The CSV's columns, in order.</summary>
    public static readonly IReadOnlyList<string> CsvHeaders =
        ["No.", "Response date", "Response", "Records withheld", "Extent", "Quantity", "Exemptions (citations)", "Exemption names", "Agency's stated reason", "Document"];

    public static IEndpointRouteBuilder MapWithholdingLogs(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/requests/{id:guid}/withholding-log", PrintableAsync).AllowAnonymous();
        endpoints.MapGet("/requests/{id:guid}/withholding-log.csv", CsvAsync).AllowAnonymous();
        return endpoints;
    }

    private static async Task<IResult> PrintableAsync(Guid id, HttpContext http, IDbContextFactory<PraTrackerDbContext> dbFactory, OrganisationClock clock, CancellationToken ct)
    {
        if (await ReadAsync(id, http, dbFactory, ct) is not { } log)
        {
            return NotFound(http);
        }

        http.Response.Headers.CacheControl = "private, no-store";
        return new RazorComponentResult<WithholdingLogDocument>(new Dictionary<string, object?>
        {
            [nameof(WithholdingLogDocument.Log)] = log,
            [nameof(WithholdingLogDocument.Today)] = clock.Today,
        });
    }

    private static async Task<IResult> CsvAsync(Guid id, HttpContext http, IDbContextFactory<PraTrackerDbContext> dbFactory, OrganisationClock clock, CancellationToken ct)
    {
        if (await ReadAsync(id, http, dbFactory, ct) is not { } log)
        {
            return NotFound(http);
        }

        await CsvExportEndpoints.WriteAsync(http, dbFactory, clock, $"withholding-log-{log.Reference}", _ => log.Entries.ToAsyncEnumerable(), CsvHeaders, Fields, ct);
        return Results.Empty;
    }

    private static object?[] Fields(WithholdingRow row, Func<string, string> link) =>
    [
        row.Number, row.EventOn, row.EventKind is { } kind ? Labels.Of(kind) : null, row.Records, Labels.Of(row.Extent), row.Quantity,
        string.Join("; ", row.Citations), string.Join("; ", row.Exemptions.Select(e => e.ShortName)), row.AgencyReason,
        row.DocumentId is { } document ? $"{row.DocumentTitle} ({link($"/documents/{document}")})" : null,
    ];

    private static async Task<WithholdingLogView?> ReadAsync(Guid id, HttpContext http, IDbContextFactory<PraTrackerDbContext> dbFactory, CancellationToken ct)
    {
        await using var db = (await dbFactory.CreateDbContextAsync(ct)).ViewAs(ViewerContextFactory.ViewerOf(http.User));
        return await WithholdingLog.GetAsync(db, id, ct);
    }

    private static IResult NotFound(HttpContext http)
    {
        http.SkipStatusCodePage();
        return TypedResults.NotFound();
    }
}
