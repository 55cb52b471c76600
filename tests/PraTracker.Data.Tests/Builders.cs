using Microsoft.EntityFrameworkCore;
using PraTracker.Data.Agencies;
using PraTracker.Data.Contracts;
using PraTracker.Data.Database;
using PraTracker.Data.Deadlines;
using PraTracker.Data.Documents;
using PraTracker.Data.Identity;
using PraTracker.Data.Requests;

namespace PraTracker.Tests;

/// <summary>Domain objects with sensible defaults and unique names, so tests sharing a database never collide.</summary>
public static class Build
{
    public static string Unique(string prefix) => $"{prefix} {Guid.NewGuid():N}";

    public static Agency Agency(PublicRecordsLaw? law = null, string state = "CA") =>
        new() { Name = Unique("Police Department"), Kind = AgencyKind.PoliceDepartment, City = "Pasadena", State = state, Law = law };

    public static RecordsRequest Request(Agency agency, PublicRecordsLaw law, RequestVisibility visibility = RequestVisibility.Public) => new()
    {
        Reference = $"PRA-T-{Guid.NewGuid():N}",
        Title = Unique("Spokeo records"),
        Agency = agency,
        Law = law,
        RequestText = "All contracts with Spokeo.",
        SentOn = new DateOnly(2026, 3, 2),
        ReceivedOn = new DateOnly(2026, 3, 2),
        Method = SubmissionMethod.Email,
        Status = RequestStatus.Sent,
        Visibility = visibility,
    };

    public static Document Document(RecordsRequest request, PublicationStatus status = PublicationStatus.Published, DateTimeOffset? embargoUntil = null) => new()
    {
        Request = request,
        Title = Unique("Contract"),
        FileName = "contract.pdf",
        ContentType = "application/pdf",
        SizeBytes = 1234,
        Sha256 = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(Guid.NewGuid().ToByteArray())),
        TextStatus = TextStatus.Extracted,
        ExtractedText = "Spokeo for Law Enforcement",
        PublicationStatus = status,
        EmbargoUntil = embargoUntil,
        PublishedAt = status == PublicationStatus.Published ? embargoUntil ?? new DateTimeOffset(2026, 3, 2, 18, 0, 0, TimeSpan.Zero) : null,
        UploadedAt = new DateTimeOffset(2026, 3, 2, 18, 0, 0, TimeSpan.Zero),
        ReleasedOn = new DateOnly(2026, 3, 2),
    };

    public static Deadline Deadline(RecordsRequest request, DateOnly dueOn) => new()
    {
        Request = request,
        Kind = DeadlineKind.InitialResponse,
        DueOn = dueOn,
        Explanation = "10 calendar days after receipt",
        Status = DeadlineStatus.Open,
    };

    public static PraTrackerUser User() => new()
    {
        UserName = Unique("attorney").Replace(' ', '-') + "@example.org",
        Email = Unique("attorney").Replace(' ', '-') + "@example.org",
        DisplayName = "Test Attorney",
    };

    public static Vendor Vendor() => new() { Name = Unique("Spokeo") };

    public static Contract Contract(Agency agency, Vendor vendor, DateOnly? renewsOn = null, DateOnly? endsOn = null, ContractStatus status = ContractStatus.Active) => new()
    {
        Agency = agency,
        Vendor = vendor,
        Title = Unique("Spokeo for Law Enforcement subscription"),
        Status = status,
        RenewsOn = renewsOn,
        EndsOn = endsOn,
    };

    /// <summary>A technology category of its own, so counts by category see only one test's contracts.</summary>
    public static TechnologyCategory Category() => new() { Code = Unique("category").Replace(' ', '-'), Name = Unique("Technology"), SortOrder = 1_000 };

    public static RequestEvent Event(RecordsRequest request, RequestEventKind kind, DateOnly on) => new()
    {
        Request = request,
        Kind = kind,
        OccurredOn = on,
        Summary = kind.ToString(),
        LoggedAt = new DateTimeOffset(on.ToDateTime(new TimeOnly(17, 0)), TimeSpan.Zero),
    };

    public static Task<PublicRecordsLaw> CaliforniaAsync(PraTrackerDbContext db) => db.Laws.SingleAsync(l => l.Code == "US-CA");
}
