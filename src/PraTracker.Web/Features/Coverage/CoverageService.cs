using PraTracker.Data.Contracts;
using PraTracker.Data.Database;
using PraTracker.Web.Security;

namespace PraTracker.Web.Features.Coverage;

/// <summary>
/// The coverage page's reads, run as whoever is looking, and how its address reads: ?vendor={id} or ?technology={code},
/// with ?state= and ?stage=, read as text and parsed leniently so a hand-edited link shows a page, never an error.
/// </summary>
public sealed class CoverageService(ViewerContextFactory contexts)
{
    public Task<CoverageChoices> ChoicesAsync(CancellationToken ct = default) =>
        contexts.ReadAsync(db => TechnologyCoverage.ChoicesAsync(db, ct), ct);

    public Task<CoverageSummary> SummaryAsync(CoverageSubject subject, string? state, CancellationToken ct = default) =>
        contexts.ReadAsync(db => TechnologyCoverage.SummaryAsync(db, subject, state, ct), ct);

    public Task<Page<CoverageRow>> ListAsync(CoverageSubject subject, CoverageFilter filter, PageRequest page, CancellationToken ct = default) =>
        contexts.ReadAsync(db => TechnologyCoverage.ListAsync(db, subject, filter, page, ct), ct);

    /// <summary>The vendor when its id reads as one, else the technology when one is named, else nothing picked.</summary>
    public static CoverageSubject? SubjectOf(string? vendor, string? technology) =>
        Guid.TryParse(vendor, out var id) ? CoverageSubject.Vendor(id)
        : string.IsNullOrWhiteSpace(technology) || technology.Length > 100 ? null
        : CoverageSubject.Category(technology.Trim());

    public static CoverageStage? StageOf(string? stage) =>
        Enum.TryParse<CoverageStage>(stage, ignoreCase: true, out var parsed) && Enum.IsDefined(parsed) && !int.TryParse(stage, out _) ? parsed : null;

    /// <summary>A two-letter state code, or no filter.</summary>
    public static string? StateOf(string? state) =>
        state?.Trim() is { Length: 2 } code && code.All(char.IsAsciiLetter) ? code.ToUpperInvariant() : null;

    /// <summary>Where staff file one request with every agency using the subject that has none (another page reads these parameters).</summary>
    public static string NewCampaignAddress(CoverageSubject subject) => subject.VendorId is { } vendorId
        ? $"/campaigns/new?vendor={vendorId}&unfiled=true"
        : $"/campaigns/new?technology={Uri.EscapeDataString(subject.CategoryCode ?? "")}&unfiled=true";

    public static string Label(CoverageStage stage) => stage switch
    {
        CoverageStage.NoneFiled => "No request filed",
        CoverageStage.Drafted => "Drafted only",
        CoverageStage.Filed => "Filed, no answer yet",
        CoverageStage.Answered => "Answered",
        CoverageStage.Produced => "Records produced",
        CoverageStage.Denied => "Denied",
        _ => stage.ToString(),
    };
}
