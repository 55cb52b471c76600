using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using PraTracker.Data.Agencies;
using PraTracker.Data.Contracts;
using PraTracker.Data.Database;
using PraTracker.Data.Deadlines;
using PraTracker.Data.Documents;
using PraTracker.Data.Identity;
using PraTracker.Data.Requests;

namespace PraTracker.Bench;

/// <summary>
/// Generates the benchmark's data set into an empty, migrated database with a fixed seed: the same rows on every run.
/// Rows go in with binary COPY; the database computes the documents' search vectors as the app's own writes would.
/// </summary>
public sealed class DataSetGenerator(DataSetSize size, Func<PraTrackerDbContext> contexts, TextWriter log)
{
    private const int Seed = 20261130;

    private static readonly (string State, int Weight)[] States =
    [
        ("CA", 16), ("TX", 9), ("FL", 7), ("NY", 6), ("IL", 5), ("PA", 5), ("OH", 4), ("GA", 4), ("NC", 4), ("MI", 4),
        ("NJ", 3), ("VA", 3), ("WA", 3), ("AZ", 3), ("MA", 3), ("TN", 3), ("IN", 2), ("MO", 2), ("MD", 2), ("WI", 2),
        ("CO", 2), ("MN", 2), ("SC", 2), ("AL", 2), ("LA", 2), ("KY", 2), ("OR", 2), ("OK", 1), ("CT", 1), ("UT", 1),
        ("IA", 1), ("NV", 1), ("AR", 1), ("MS", 1), ("KS", 1), ("NM", 1), ("NE", 1), ("ID", 1), ("WV", 1), ("HI", 1),
        ("NH", 1), ("ME", 1), ("MT", 1), ("RI", 1), ("DE", 1), ("SD", 1), ("ND", 1), ("AK", 1), ("DC", 1), ("VT", 1), ("WY", 1),
    ];

    private static readonly string[] Places =
    [
        "Springfield", "Riverside", "Fairview", "Madison", "Georgetown", "Franklin", "Clinton", "Salem", "Greenville", "Bristol",
        "Oakland", "Pasadena", "Fresno", "Arlington", "Aurora", "Columbus", "Jackson", "Lincoln", "Marion", "Newport",
        "Ashland", "Burlington", "Dayton", "Milford", "Oxford", "Dover", "Hudson", "Kingston", "Lexington", "Manchester",
    ];

    // Real vendors of the technologies the app tracks, then invented ones up to the count.
    private static readonly (string Name, string Category)[] KnownVendors =
    [
        ("Spokeo", "people-search"), ("Clearview AI", "face-recognition"), ("LexisNexis Risk Solutions", "people-search"),
        ("Thomson Reuters CLEAR", "people-search"), ("TransUnion TLOxp", "people-search"), ("Babel Street", "social-media-monitoring"),
        ("Voyager Labs", "social-media-monitoring"), ("ShadowDragon", "social-media-monitoring"), ("Dataminr", "social-media-monitoring"),
        ("Flock Safety", "license-plate-readers"), ("Vigilant Solutions", "license-plate-readers"), ("Axon", "body-cameras"),
        ("Cellebrite", "phone-extraction"), ("Grayshift", "phone-extraction"), ("ShotSpotter", "gunshot-detection"),
        ("Skydio", "drones"), ("Fusus", "video-analytics"), ("Harris Corporation", "cell-site-simulators"),
        ("Meta Pixel", "tracking-pixels"), ("Geolitica", "predictive-policing"),
    ];

    private const int Vendors = 150;

    public async Task GenerateAsync(CancellationToken ct = default)
    {
        var random = new Random(Seed);
        var text = new DocumentText();
        await using var db = contexts().ViewAs(Viewer.System);
        var laws = await db.Laws.AsNoTracking().ToDictionaryAsync(l => l.Code, l => l.Id, ct);
        var categories = await db.TechnologyCategories.AsNoTracking().ToDictionaryAsync(c => c.Code, c => c.Id, ct);

        var attorneys = await AddAttorneysAsync(ct);
        var agencies = Agencies(random, laws);
        await TimedCopyAsync("agencies", agencies, ct);
        var vendors = VendorList(random, text, categories);
        await TimedCopyAsync("vendors", vendors.Select(v => v.Vendor), ct);
        var contracts = Contracts(random, agencies, vendors);
        await TimedCopyAsync("contracts", contracts, ct);

        var requests = Requests(random, text, agencies);
        await TimedCopyAsync("requests", requests.Select(r => r.Request), ct);
        await TimedCopyAsync("assignments", Assignments(random, requests, attorneys, size.BusyAttorneyRequests), ct);
        await TimedCopyAsync("contract links", ContractLinks(random, requests, contracts), ct);
        await TimedCopyAsync("vendor links", VendorLinks(random, requests, vendors), ct);
        await TimedCopyAsync("category links", CategoryLinks(random, requests, vendors, categories), ct);
        await TimedCopyAsync("timeline events", Events(random, text, requests, attorneys), ct);
        await TimedCopyAsync("deadlines", Deadlines(random, requests), ct);
        await TimedCopyAsync("documents", Documents(random, text, requests), ct);

        // Each document's text cut into its pages of about 3,000 characters, as the text job keeps a PDF's pages.
        var pages = Stopwatch.StartNew();
        var pageRows = await db.Database.ExecuteSqlRawAsync("""
            INSERT INTO "DocumentPages" ("DocumentId", "Number", "Text", "FromOcr")
            SELECT d."Id", n, substr(d."ExtractedText", ((n - 1) * 3000) + 1, 3000), false
            FROM "Documents" AS d CROSS JOIN LATERAL generate_series(1, greatest(1, ceil(length(d."ExtractedText") / 3000.0)::int)) AS n
            """, ct);
        log.WriteLine($"  document pages: {pageRows:N0} rows in {pages.Elapsed.TotalSeconds:F1} s");

        var watch = Stopwatch.StartNew();
        await db.Database.ExecuteSqlRawAsync("VACUUM ANALYZE", ct);
        log.WriteLine($"  vacuum and analyze: {watch.Elapsed.TotalSeconds:F1} s");
    }

    /// <summary>The busy attorney first: the one whose dashboard is measured.</summary>
    public static string AttorneyEmail(int index) => $"attorney{index:D2}@bench.example";

    private async Task<List<string>> AddAttorneysAsync(CancellationToken ct)
    {
        await using var db = contexts().ViewAs(Viewer.System);
        var users = Enumerable.Range(0, size.Attorneys).Select(i => new PraTrackerUser
        {
            UserName = AttorneyEmail(i),
            NormalizedUserName = AttorneyEmail(i).ToUpperInvariant(),
            Email = AttorneyEmail(i),
            NormalizedEmail = AttorneyEmail(i).ToUpperInvariant(),
            EmailConfirmed = true,
            DisplayName = $"Attorney {i:D2}",
            SecurityStamp = Guid.NewGuid().ToString("N"),
            CreatedAt = new DateTimeOffset(2024, 1, 1, 0, 0, 0, TimeSpan.Zero),
            LockoutEnabled = true,
            AlertDelivery = i % 3 == 0 ? AlertDelivery.DailyDigest : AlertDelivery.EachAlert,
        }).ToList();
        db.Users.AddRange(users);
        await db.SaveChangesAsync(ct);
        return [.. users.Select(u => u.Id)];
    }

    private List<Agency> Agencies(Random random, Dictionary<string, Guid> laws)
    {
        var weighted = States.SelectMany(s => Enumerable.Repeat(s.State, s.Weight)).ToArray();
        var agencies = new List<Agency>(size.Agencies);
        for (var i = 0; i < size.Agencies; i++)
        {
            var state = weighted[random.Next(weighted.Length)];
            var place = Places[random.Next(Places.Length)];
            var kind = (AgencyKind)random.Next(0, 4);
            var name = kind switch
            {
                AgencyKind.PoliceDepartment => $"{place} Police Department",
                AgencyKind.Sheriff => $"{place} County Sheriff's Office",
                AgencyKind.City => $"City of {place}",
                _ => $"{place} County",
            };
            agencies.Add(new Agency
            {
                Name = $"{name} ({state} {i:D4})",
                Kind = kind,
                City = place,
                State = state,
                RecordsEmail = $"records{i}@{place.ToLowerInvariant()}.example.gov",
                LawId = laws.GetValueOrDefault($"US-{state}", laws["US-FED"]),
            });
        }

        return agencies;
    }

    private static List<(Vendor Vendor, string Category)> VendorList(Random random, DocumentText text, Dictionary<string, Guid> categories)
    {
        var codes = categories.Keys.Order().ToArray();
        return [.. Enumerable.Range(0, Vendors).Select(i =>
        {
            var (name, category) = i < KnownVendors.Length
                ? KnownVendors[i]
                : ($"{Capitalized(text.Word(random))} {Capitalized(text.Word(random))} Technologies {i}", codes[random.Next(codes.Length)]);
            return (new Vendor { Name = name, Website = $"https://vendor{i}.example", Description = text.Words(random, 12) }, category);
        })];
    }

    private List<Contract> Contracts(Random random, List<Agency> agencies, List<(Vendor Vendor, string Category)> vendors)
    {
        var contracts = new List<Contract>(size.Contracts);
        for (var i = 0; i < size.Contracts; i++)
        {
            // A few vendors hold most contracts, as in the real market.
            var vendor = vendors[(int)(vendors.Count * Math.Pow(random.NextDouble(), 2.5))].Vendor;
            var starts = DataSetSize.Today.AddDays(-random.Next(30, 2_500));
            contracts.Add(new Contract
            {
                AgencyId = agencies[random.Next(agencies.Count)].Id,
                VendorId = vendor.Id,
                Title = $"{vendor.Name} services agreement {i}",
                Number = $"C-{starts.Year}-{i:D5}",
                Status = (ContractStatus)random.Next(0, 6),
                ProcurementMethod = (ProcurementMethod)random.Next(0, 7),
                Amount = random.Next(1_000, 2_000_000),
                StartsOn = starts,
                EndsOn = starts.AddYears(random.Next(1, 5)),
                RenewsOn = random.Next(3) == 0 ? starts.AddYears(1) : null,
            });
        }

        return contracts;
    }

    private sealed record GeneratedRequest(RecordsRequest Request, bool Open, int Index);

    private List<GeneratedRequest> Requests(Random random, DocumentText text, List<Agency> agencies)
    {
        var requests = new List<GeneratedRequest>(size.Requests);
        for (var i = 0; i < size.Requests; i++)
        {
            var agency = agencies[random.Next(agencies.Count)];
            // Most requests are finished; the open ones were sent lately.
            var open = random.Next(100) < 35;
            var sent = open ? DataSetSize.Today.AddDays(-random.Next(1, 120)) : DataSetSize.Today.AddDays(-random.Next(120, 2_500));
            var status = open ? (RequestStatus)random.Next(1, 8) : RequestStatus.Closed;
            var created = new DateTimeOffset(sent.ToDateTime(new TimeOnly(15, 0)), TimeSpan.Zero);
            requests.Add(new GeneratedRequest(
                new RecordsRequest
                {
                    Reference = $"PRA-{sent.Year}-{i:D6}",
                    Title = $"Records of {text.Words(random, 3)} at {agency.Name}",
                    AgencyId = agency.Id,
                    LawId = agency.LawId!.Value,
                    RequestText = text.Write(random, 1_200),
                    SentOn = sent,
                    ReceivedOn = sent,
                    Method = (SubmissionMethod)random.Next(0, 3),
                    AgencyTrackingNumber = random.Next(2) == 0 ? $"R{random.Next(100_000, 999_999)}" : null,
                    Status = status,
                    Outcome = open ? null : (RequestOutcome)random.Next(0, 5),
                    Visibility = random.Next(100) < 60 ? RequestVisibility.Public : RequestVisibility.Private,
                    InternalNotes = random.Next(4) == 0 ? text.Words(random, 20) : null,
                    CreatedAt = created,
                    UpdatedAt = created.AddDays(random.Next(0, 90)),
                },
                open,
                i));
        }

        return requests;
    }

    private static IEnumerable<RequestAssignment> Assignments(Random random, List<GeneratedRequest> requests, List<string> attorneys, int busy) =>
        requests.Select(r => new RequestAssignment
        {
            RequestId = r.Request.Id,
            // The first requests belong to the busy attorney; the rest are shared among the others.
            UserId = r.Index < busy ? attorneys[0] : attorneys[1 + random.Next(attorneys.Count - 1)],
        });

    private static IEnumerable<RequestContract> ContractLinks(Random random, List<GeneratedRequest> requests, List<Contract> contracts)
    {
        var byAgency = contracts.ToLookup(c => c.AgencyId);
        foreach (var request in requests)
        {
            var theirs = byAgency[request.Request.AgencyId].ToList();
            if (theirs.Count > 0 && random.Next(100) < 70)
            {
                yield return new RequestContract { RequestId = request.Request.Id, ContractId = theirs[random.Next(theirs.Count)].Id };
            }
        }
    }

    private static IEnumerable<RequestVendor> VendorLinks(Random random, List<GeneratedRequest> requests, List<(Vendor Vendor, string Category)> vendors) =>
        requests.Where(_ => random.Next(100) < 40)
            .Select(r => new RequestVendor { RequestId = r.Request.Id, VendorId = vendors[(int)(vendors.Count * Math.Pow(random.NextDouble(), 2.5))].Vendor.Id });

    // Each request is about one technology, that of a vendor drawn as the contracts' vendors are.
    private static IEnumerable<RequestTechnologyCategory> CategoryLinks(
        Random random, List<GeneratedRequest> requests, List<(Vendor Vendor, string Category)> vendors, Dictionary<string, Guid> categories) =>
        requests.Select(r => new RequestTechnologyCategory
        {
            RequestId = r.Request.Id,
            TechnologyCategoryId = categories[vendors[(int)(vendors.Count * Math.Pow(random.NextDouble(), 2.5))].Category],
        });

    private static readonly RequestEventKind[] LaterSteps =
    [
        RequestEventKind.Acknowledged, RequestEventKind.ExtensionNotice, RequestEventKind.ClarificationRequested,
        RequestEventKind.ClarificationProvided, RequestEventKind.FeeEstimate, RequestEventKind.PartialProduction, RequestEventKind.Note,
    ];

    private IEnumerable<RequestEvent> Events(Random random, DocumentText text, List<GeneratedRequest> requests, List<string> attorneys)
    {
        foreach (var (request, open, _) in requests)
        {
            var sent = request.SentOn!.Value;
            var span = Math.Max(1, open ? DataSetSize.Today.DayNumber - sent.DayNumber : 200);
            for (var step = 0; step < size.EventsPerRequest; step++)
            {
                var kind = step switch
                {
                    0 => RequestEventKind.Filed,
                    1 => RequestEventKind.Received,
                    _ when step == size.EventsPerRequest - 1 && !open => request.Outcome == RequestOutcome.Denied ? RequestEventKind.Denial : RequestEventKind.FinalProduction,
                    _ => LaterSteps[random.Next(LaterSteps.Length)],
                };
                var on = sent.AddDays(step < 2 ? 0 : span * step / size.EventsPerRequest);
                yield return new RequestEvent
                {
                    RequestId = request.Id,
                    Kind = kind,
                    OccurredOn = on,
                    Summary = $"{kind}: {text.Words(random, 8)}",
                    Body = random.Next(3) == 0 ? text.Write(random, 400) : null,
                    ExemptionsCited = kind == RequestEventKind.Denial ? "Cal. Gov. Code § 7927.705" : null,
                    LoggedByUserId = attorneys[random.Next(attorneys.Count)],
                    LoggedAt = new DateTimeOffset(on.ToDateTime(new TimeOnly(16, 0)), TimeSpan.Zero).AddMinutes(random.Next(0, 600)),
                };
            }
        }
    }

    private IEnumerable<Deadline> Deadlines(Random random, List<GeneratedRequest> requests)
    {
        foreach (var (request, open, _) in requests)
        {
            var sent = request.SentOn!.Value;
            var initial = sent.AddDays(10);
            // A finished request met or missed its deadlines long ago; an open one owes an answer around today.
            var outstanding = DataSetSize.Today.AddDays(random.Next(-25, 31));
            yield return Deadline(request, DeadlineKind.InitialResponse, initial, open ? DeadlineStatus.Superseded : DeadlineStatus.Met, open ? null : initial);
            yield return open
                ? Deadline(request, DeadlineKind.ExtendedResponse, outstanding, outstanding < DataSetSize.Today ? DeadlineStatus.Missed : DeadlineStatus.Open, null)
                : Deadline(request, DeadlineKind.ExtendedResponse, initial.AddDays(14), DeadlineStatus.Met, initial.AddDays(12));
            yield return open
                ? Deadline(request, DeadlineKind.PromisedProduction, outstanding.AddDays(random.Next(10, 60)), DeadlineStatus.Open, null)
                : Deadline(request, DeadlineKind.AppealFiling, initial.AddDays(90), random.Next(2) == 0 ? DeadlineStatus.Met : DeadlineStatus.Missed, initial.AddDays(90));
        }

        Deadline Deadline(RecordsRequest request, DeadlineKind kind, DateOnly due, DeadlineStatus status, DateOnly? closed) => new()
        {
            RequestId = request.Id,
            Kind = kind,
            DueOn = due,
            Status = status,
            ClosedOn = closed,
            Explanation = $"{kind} due {due:yyyy-MM-dd}: 10 calendar days after receipt on {request.ReceivedOn:yyyy-MM-dd}, by the agency's law.",
        };
    }

    private IEnumerable<Document> Documents(Random random, DocumentText text, List<GeneratedRequest> requests)
    {
        var average = (int)(size.TextCharacters / size.Documents);
        var withDocuments = requests.Where(r => !r.Open || r.Request.Status == RequestStatus.Processing).ToList();
        for (var i = 0; i < size.Documents; i++)
        {
            var (request, _, _) = withDocuments[random.Next(withDocuments.Count)];
            var released = request.SentOn!.Value.AddDays(random.Next(20, 200));
            var published = random.Next(100) < 70;
            var characters = (int)(average * (0.25 + (1.5 * random.NextDouble())));
            yield return new Document
            {
                RequestId = request.Id,
                Title = $"{Capitalized(text.Word(random))} {text.Words(random, 4)} records {i}",
                Description = random.Next(2) == 0 ? text.Words(random, 15) : null,
                ReleasedOn = released,
                FileName = $"production-{i:D6}.pdf",
                ContentType = "application/pdf",
                SizeBytes = characters * 3L,
                Sha256 = Convert.ToHexStringLower(BitConverter.GetBytes((long)i).Concat(new byte[24]).ToArray()),
                PageCount = Math.Max(1, characters / 3_000),
                ExtractedText = text.Write(random, characters),
                TextStatus = TextStatus.Extracted,
                PublicationStatus = published ? PublicationStatus.Published : (random.Next(2) == 0 ? PublicationStatus.Private : PublicationStatus.InReview),
                PublishedAt = published ? new DateTimeOffset(released.ToDateTime(new TimeOnly(18, 0)), TimeSpan.Zero) : null,
                UploadedAt = new DateTimeOffset(released.ToDateTime(new TimeOnly(17, 0)), TimeSpan.Zero),
            };
        }
    }

    private async Task TimedCopyAsync<T>(string what, IEnumerable<T> rows, CancellationToken ct)
        where T : class
    {
        var watch = Stopwatch.StartNew();
        await using var db = contexts().ViewAs(Viewer.System);
        var count = await BulkCopy.CopyAsync(db, rows, ct);
        log.WriteLine($"  {what}: {count:N0} rows in {watch.Elapsed.TotalSeconds:F1} s");
    }

    private static string Capitalized(string word) => char.ToUpperInvariant(word[0]) + word[1..];
}
