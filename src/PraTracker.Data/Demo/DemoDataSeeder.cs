using Microsoft.EntityFrameworkCore;
using PraTracker.Data.Agencies;
using PraTracker.Data.Contracts;
using PraTracker.Data.Database;
using PraTracker.Data.Deadlines;
using PraTracker.Data.Documents;
using PraTracker.Data.Requests;

namespace PraTracker.Data.Demo;

/// <summary>
/// A small, realistic data set drawn from public cases (Pasadena and Spokeo, LAPD's online personas,
/// Clearview AI trials, tracking pixels), dated relative to the day it is seeded so that something is
/// always due this week.
/// </summary>
public static class DemoDataSeeder
{
    /// <summary>Seeds the demo data unless the database already holds requests; returns whether it seeded.</summary>
    public static async Task<bool> SeedAsync(
        PraTrackerDbContext db, string attorneyUserId, DateOnly today, IDocumentFileStore? files = null, CancellationToken ct = default)
    {
        if (await db.Requests.IgnoreQueryFilters().AnyAsync(ct))
        {
            return false;
        }

        var california = await db.Laws.WithCalendar().SingleAsync(l => l.Code == "US-CA", ct);
        var californiaDays = new BusinessCalendar(california.HolidayCalendar);
        var foia = await db.Laws.SingleAsync(l => l.Code == "US-FED", ct);
        var categories = await db.TechnologyCategories.ToDictionaryAsync(c => c.Code, ct);

        var pasadena = new Agency { Name = "City of Pasadena", Kind = AgencyKind.City, City = "Pasadena", State = "CA", RecordsEmail = "cityclerk@cityofpasadena.net", Law = california };
        var pasadenaPolice = new Agency { Name = "Pasadena Police Department", Kind = AgencyKind.PoliceDepartment, City = "Pasadena", State = "CA", ParentAgency = pasadena, Law = california };
        var lapd = new Agency { Name = "Los Angeles Police Department", Kind = AgencyKind.PoliceDepartment, City = "Los Angeles", State = "CA", PortalUrl = "https://recordsrequest.lacity.org/", Law = california };
        var sfpd = new Agency { Name = "San Francisco Police Department", Kind = AgencyKind.PoliceDepartment, City = "San Francisco", State = "CA", Law = california };
        var fbi = new Agency { Name = "Federal Bureau of Investigation", Kind = AgencyKind.FederalAgency, State = "US", PortalUrl = "https://efoia.fbi.gov/", Law = foia };
        db.Agencies.AddRange(pasadena, pasadenaPolice, lapd, sfpd, fbi);

        var spokeo = Vendor("Spokeo", "https://www.spokeo.com", "People-search database marketed to police as Spokeo for Law Enforcement.");
        var spokeoForLe = Product(spokeo, "Spokeo for Law Enforcement", categories["people-search"]);
        var voyager = Vendor("Voyager Labs", "https://www.voyager-labs.com", "Social-media analytics; LAPD records describe a trial of its platform.");
        var voyagerAnalytics = Product(voyager, "VoyagerAnalytics", categories["social-media-monitoring"]);
        var clearview = Vendor("Clearview AI", "https://www.clearview.ai", "Face recognition built from photos scraped from social media; often used on free trials.");
        var clearviewProduct = Product(clearview, "Clearview AI face search", categories["face-recognition"]);
        var meta = Vendor("Meta Platforms", "https://www.meta.com", "Maker of the Meta Pixel, a tracking pixel found on police reporting pages.");
        var metaPixel = Product(meta, "Meta Pixel", categories["tracking-pixels"]);
        db.Vendors.AddRange(spokeo, voyager, clearview, meta);

        var spokeoContract = new Contract
        {
            Agency = pasadenaPolice,
            Vendor = spokeo,
            Products = [spokeoForLe],
            Title = "Spokeo for Law Enforcement subscription",
            Status = ContractStatus.Active,
            ProcurementMethod = ProcurementMethod.Unknown,
            StartsOn = today.AddYears(-2),
            RenewsOn = today.AddDays(45), // inside the 60-day contract alert, so a follower hears of it at once
            ApprovingBody = "Pasadena City Council",
            Notes = "Subscription seats for investigators; the records request asks for the agreement, invoices and usage policy.",
        };
        var voyagerTrial = new Contract
        {
            Agency = lapd,
            Vendor = voyager,
            Products = [voyagerAnalytics],
            Title = "VoyagerAnalytics trial",
            Status = ContractStatus.Expired,
            ProcurementMethod = ProcurementMethod.FreeTrial,
            SourceUrl = "https://www.brennancenter.org/our-work/analysis-opinion/los-angeles-police-records-show-social-media-surveillance",
        };
        var clearviewTrial = new Contract
        {
            Agency = lapd,
            Vendor = clearview,
            Products = [clearviewProduct],
            Title = "Clearview AI trial accounts",
            Status = ContractStatus.Terminated,
            ProcurementMethod = ProcurementMethod.FreeTrial,
            Notes = "Officers used free trial accounts with no contract; the department later barred commercial face recognition.",
        };
        db.Contracts.AddRange(spokeoContract, voyagerTrial, clearviewTrial);

        var year = today.Year;
        var spokeoRequest = Request(year, 1, "Pasadena police use of Spokeo for Law Enforcement", pasadena, california, RequestVisibility.Public,
            "All contracts, invoices, usage policies, audit logs and communications concerning Spokeo for Law Enforcement, from January 1, 2020 to the present.",
            received: today.AddDays(-6), RequestStatus.Acknowledged);
        spokeoRequest.ContractLinks.Add(new RequestContract { Contract = spokeoContract });
        spokeoRequest.VendorLinks.Add(new RequestVendor { Vendor = spokeo });
        spokeoRequest.CategoryLinks.Add(new RequestTechnologyCategory { TechnologyCategory = categories["people-search"] });
        AddEvent(spokeoRequest, RequestEventKind.Acknowledged, today.AddDays(-4), "City clerk acknowledged receipt and routed the request to the police department.");

        var personasRequest = Request(year, 2, "LAPD fictitious online personas and social-media analytics", lapd, california, RequestVisibility.Public,
            "Policies, training materials and directives on officers' use of fictitious online personas, and records of the department's contract or trial with Voyager Labs.",
            received: today.AddDays(-30), RequestStatus.Processing);
        personasRequest.ContractLinks.Add(new RequestContract { Contract = voyagerTrial });
        personasRequest.VendorLinks.Add(new RequestVendor { Vendor = voyager });
        personasRequest.CategoryLinks.Add(new RequestTechnologyCategory { TechnologyCategory = categories["online-personas"] });
        personasRequest.CategoryLinks.Add(new RequestTechnologyCategory { TechnologyCategory = categories["social-media-monitoring"] });
        var extension = AddEvent(personasRequest, RequestEventKind.ExtensionNotice, today.AddDays(-22), "Extension notice: unusual circumstances (records held by several divisions).");
        extension.AgencyPromisedOn = StatutoryDeadlines.Response(california, californiaDays, personasRequest.ReceivedOn!.Value)!.Due.AddDays(14);

        var clearviewRequest = Request(year, 3, "Clearview AI trial accounts used by LAPD officers", lapd, california, RequestVisibility.Private,
            "Records of any Clearview AI accounts, searches, trial invitations and related communications, from January 1, 2019 to the present.",
            received: today.AddDays(-8), RequestStatus.Sent);
        clearviewRequest.InternalNotes = "A source names the officers who held trial accounts; keep this request private until the production arrives.";
        clearviewRequest.ContractLinks.Add(new RequestContract { Contract = clearviewTrial });
        clearviewRequest.VendorLinks.Add(new RequestVendor { Vendor = clearview });
        clearviewRequest.CategoryLinks.Add(new RequestTechnologyCategory { TechnologyCategory = categories["face-recognition"] });

        var pixelRequest = Request(year, 4, "Meta Pixel on SFPD online crime-reporting pages", sfpd, california, RequestVisibility.Private,
            "Records of any tracking pixel, analytics script or advertising tag placed on the department's online pages for reporting sexual assault, hate crimes and domestic abuse, and any data shared with Meta Platforms.",
            received: null, RequestStatus.Draft);
        pixelRequest.VendorLinks.Add(new RequestVendor { Vendor = meta });
        pixelRequest.CategoryLinks.Add(new RequestTechnologyCategory { TechnologyCategory = categories["tracking-pixels"] });

        var fbiRequest = Request(year, 5, "FBI use of Clearview AI", fbi, foia, RequestVisibility.Public,
            "Contracts, purchase orders, licences, policies and privacy assessments concerning Clearview AI.",
            received: today.AddDays(-60), RequestStatus.Closed);
        fbiRequest.Outcome = RequestOutcome.PartialRelease;
        fbiRequest.VendorLinks.Add(new RequestVendor { Vendor = clearview });
        fbiRequest.CategoryLinks.Add(new RequestTechnologyCategory { TechnologyCategory = categories["face-recognition"] });
        AddEvent(fbiRequest, RequestEventKind.Acknowledged, today.AddDays(-55), "Acknowledged; assigned an FOIPA request number.");
        var withheld = AddEvent(fbiRequest, RequestEventKind.Denial, today.AddDays(-3), "Partial denial: 48 pages withheld in full, the rest redacted.");
        withheld.ExemptionsCited = "5 U.S.C. § 552(b)(6), (b)(7)(C), (b)(7)(E)";
        AddEvent(fbiRequest, RequestEventKind.FinalProduction, today.AddDays(-3), "Final response: 112 pages reviewed, 64 released in part.");

        foreach (var request in new[] { spokeoRequest, personasRequest, clearviewRequest, pixelRequest, fbiRequest })
        {
            request.Assignments.Add(new RequestAssignment { UserId = attorneyUserId });
        }

        // The demo attorney follows Spokeo, so the subscription's coming renewal raises a contract alert.
        db.Follows.Add(new Follow { UserId = attorneyUserId, Vendor = spokeo, CreatedAt = new DateTimeOffset(today.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero) });

        var requests = new[] { spokeoRequest, personasRequest, clearviewRequest, pixelRequest, fbiRequest };
        db.Requests.AddRange(requests);
        await db.SaveChangesAsync(ct);

        // The deadlines come from the engine, as they would for requests entered by hand.
        foreach (var request in requests)
        {
            await RequestDeadlines.RecalculateAsync(db, request.Id, today, ct);
        }

        if (files is not null)
        {
            await SeedDocumentsAsync(db, files, fbiRequest, clearviewRequest, today, ct);
        }

        await db.SaveChangesAsync(ct);
        return true;
    }

    // A published production on the public FBI request, and one on the private Clearview request that the public never sees.
    private static async Task SeedDocumentsAsync(
        PraTrackerDbContext db, IDocumentFileStore files, RecordsRequest fbiRequest, RecordsRequest clearviewRequest, DateOnly today, CancellationToken ct)
    {
        var published = new DateTimeOffset(today.AddDays(-2).ToDateTime(new TimeOnly(17, 0)), TimeSpan.Zero);
        var production = fbiRequest.Events.Single(e => e.Kind == RequestEventKind.FinalProduction);
        await AddTextDocumentAsync(db, files, fbiRequest, production, "Clearview AI purchase order and licence terms",
            "Purchase order for Clearview AI licences for the Criminal Justice Information Services Division.",
            "Purchase order 15F06722P0001234. Vendor: Clearview AI, Inc. Item: 18 annual licences for facial recognition searches "
            + "against a database of publicly available images scraped from social media and news sites. "
            + "Total: $18,000. Period of performance: twelve months. Users must document the case number for every search.",
            PublicationStatus.Published, published, today.AddDays(-3), ct);
        await AddTextDocumentAsync(db, files, fbiRequest, production, "Privacy threshold analysis, face recognition services",
            "The FBI's privacy threshold analysis for commercial face recognition services, released in part.",
            "Privacy threshold analysis. System: commercial facial recognition services. Personally identifiable information: "
            + "photographs of members of the public collected from the internet. (b)(7)(E) redacted. "
            + "Retention: search results are kept with the case file.",
            PublicationStatus.Published, published, today.AddDays(-3), ct);
        await AddTextDocumentAsync(db, files, clearviewRequest, null, "Officer trial account roster",
            null, "Roster of officers holding Clearview AI trial accounts, with their e-mail addresses and search counts.",
            PublicationStatus.Private, null, today, ct);
    }

    private static async Task AddTextDocumentAsync(
        PraTrackerDbContext db, IDocumentFileStore files, RecordsRequest request, RequestEvent? production, string title, string? description, string text,
        PublicationStatus status, DateTimeOffset? publishedAt, DateOnly releasedOn, CancellationToken ct)
    {
        var fileName = title.Replace(',', ' ').Replace(' ', '-').ToLowerInvariant() + ".txt";
        var document = await TextDocuments.StoreAsync(files, title, fileName, text, releasedOn, publishedAt ?? DateTimeOffset.UtcNow, ct);
        document.Request = request;
        document.RequestEvent = production;
        document.Description = description;
        document.PublicationStatus = status;
        document.PublishedAt = publishedAt;
        db.Documents.Add(document);
    }

    private static Vendor Vendor(string name, string website, string description) =>
        new() { Name = name, Website = website, Description = description };

    private static Product Product(Vendor vendor, string name, TechnologyCategory category)
    {
        var product = new Product { Vendor = vendor, Name = name, TechnologyCategory = category };
        vendor.Products.Add(product);
        return product;
    }

    private static RecordsRequest Request(int year, int number, string title, Agency agency, PublicRecordsLaw law, RequestVisibility visibility,
        string text, DateOnly? received, RequestStatus status)
    {
        var request = new RecordsRequest
        {
            Reference = $"PRA-{year}-{number:0000}",
            Title = title,
            Agency = agency,
            Law = law,
            RequestText = text,
            SentOn = received,
            ReceivedOn = received,
            Method = received is null ? null : SubmissionMethod.Email,
            Status = status,
            Visibility = visibility,
        };
        if (received is { } on)
        {
            AddEvent(request, RequestEventKind.Filed, on, $"Request e-mailed to {agency.Name}.");
        }

        return request;
    }

    private static RequestEvent AddEvent(RecordsRequest request, RequestEventKind kind, DateOnly on, string summary)
    {
        var requestEvent = new RequestEvent { Kind = kind, OccurredOn = on, Summary = summary, LoggedAt = new DateTimeOffset(on.ToDateTime(new TimeOnly(17, 0)), TimeSpan.Zero) };
        request.Events.Add(requestEvent);
        return requestEvent;
    }
}
