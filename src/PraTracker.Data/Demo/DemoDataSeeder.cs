using Microsoft.EntityFrameworkCore;
using PraTracker.Data.Agencies;
using PraTracker.Data.Contracts;
using PraTracker.Data.Database;
using PraTracker.Data.Deadlines;
using PraTracker.Data.Documents;
using PraTracker.Data.Documents.Mentions;
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

        var record = RecordOfResponses(year, today, categories, california, foia,
            await db.Laws.SingleAsync(l => l.Code == "US-NY", ct), await db.Laws.SingleAsync(l => l.Code == "US-IL", ct),
            pasadenaPolice, sfpd, fbi, clearview, clearviewProduct, voyager, voyagerAnalytics, db);
        var requests = new[] { spokeoRequest, personasRequest, clearviewRequest, pixelRequest, fbiRequest }.Concat(record).ToArray();
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

        // The demo's documents are read for names as uploads are, so their pages show suggestions to confirm.
        var matcher = await DocumentMentions.MatcherAsync(db, ct);
        foreach (var documentId in await db.Documents.Select(d => d.Id).ToListAsync(ct))
        {
            await DocumentMentions.FindAsync(db, matcher, documentId, DateTimeOffset.UtcNow, ct);
        }

        return true;
    }

    // Closed public requests from earlier in the year, so the agency scorecards, the comparison of how agencies respond
    // and the vendor map have something to show: prompt and slow answers, extensions, a clarification and a fee that
    // stopped the clock, full and partial releases, denials (appealed, and upheld) with the exemptions cited, a withdrawal.
    private static List<RecordsRequest> RecordOfResponses(
        int year, DateOnly today, Dictionary<string, TechnologyCategory> categories, PublicRecordsLaw california, PublicRecordsLaw foia,
        PublicRecordsLaw newYork, PublicRecordsLaw illinois, Agency pasadenaPolice, Agency sfpd, Agency fbi,
        Vendor clearview, Product clearviewProduct, Vendor voyager, Product voyagerAnalytics, PraTrackerDbContext db)
    {
        var oakland = new Agency { Name = "Oakland Police Department", Kind = AgencyKind.PoliceDepartment, City = "Oakland", State = "CA", Law = california };
        var nypd = new Agency { Name = "New York City Police Department", Kind = AgencyKind.PoliceDepartment, City = "New York", State = "NY", Law = newYork };
        var chicago = new Agency { Name = "Chicago Police Department", Kind = AgencyKind.PoliceDepartment, City = "Chicago", State = "IL", Law = illinois };
        db.Agencies.AddRange(oakland, nypd, chicago);
        db.Contracts.AddRange(
            new Contract { Agency = nypd, Vendor = clearview, Products = [clearviewProduct], Title = "Clearview AI trial accounts (NYPD)", Status = ContractStatus.Expired, ProcurementMethod = ProcurementMethod.FreeTrial },
            new Contract { Agency = chicago, Vendor = clearview, Products = [clearviewProduct], Title = "Clearview AI subscription", Status = ContractStatus.Terminated, ProcurementMethod = ProcurementMethod.SoleSource, Amount = 49_875m },
            new Contract { Agency = nypd, Vendor = voyager, Products = [voyagerAnalytics], Title = "Voyager Labs social-media analytics", Status = ContractStatus.Active, ProcurementMethod = ProcurementMethod.SoleSource, Amount = 8_900_000m });

        var number = 5;
        var requests = new List<RecordsRequest>();
        RecordsRequest Closed(string title, Agency agency, PublicRecordsLaw law, int receivedDaysAgo, RequestOutcome outcome, string category, string text)
        {
            var request = Request(year, ++number, title, agency, law, RequestVisibility.Public, text, today.AddDays(-receivedDaysAgo), RequestStatus.Closed);
            request.Outcome = outcome;
            request.CategoryLinks.Add(new RequestTechnologyCategory { TechnologyCategory = categories[category] });
            requests.Add(request);
            return request;
        }

        void On(RecordsRequest request, RequestEventKind kind, int daysAfterReceipt, string summary, string? exemptions = null) =>
            AddEvent(request, kind, request.ReceivedOn!.Value.AddDays(daysAfterReceipt), summary).ExemptionsCited = exemptions;

        // A denial is appealed within the window and the appeal decided, so no appeal deadline is left hanging.
        void Denied(RecordsRequest request, int daysAfterReceipt, string exemptions)
        {
            On(request, RequestEventKind.Denial, daysAfterReceipt, "Denied in full.", exemptions);
            On(request, RequestEventKind.Appeal, daysAfterReceipt + 7, "Administrative appeal filed.");
            On(request, RequestEventKind.AppealDecision, daysAfterReceipt + 30, "Appeal denied; the withholding upheld.");
        }

        var plates = Closed("Pasadena police license-plate reader data sharing", pasadenaPolice, california, 210, RequestOutcome.FullRelease, "license-plate-readers",
            "Agreements and audit logs for sharing license-plate reader data with other agencies.");
        On(plates, RequestEventKind.Acknowledged, 3, "Acknowledged.");
        On(plates, RequestEventKind.FinalProduction, 9, "Data-sharing agreements and audit logs released.");

        var drones = Closed("Pasadena police drone program policies", pasadenaPolice, california, 150, RequestOutcome.PartialRelease, "drones",
            "Policies, flight logs and purchase records for the department's drones.");
        On(drones, RequestEventKind.ExtensionNotice, 10, "Extension notice: records held by several divisions.");
        On(drones, RequestEventKind.FinalProduction, 32, "Policies released; flight logs redacted.",
            "Gov. Code § 7923.600 (investigative records); Gov. Code § 7922.000 (public interest balancing)");

        var gunshots = Closed("SFPD gunshot detection contract and alert records", sfpd, california, 240, RequestOutcome.FullRelease, "gunshot-detection",
            "The contract for gunshot detection and a year of alert records.");
        On(gunshots, RequestEventKind.Acknowledged, 4, "Acknowledged.");
        On(gunshots, RequestEventKind.ClarificationRequested, 10, "Asked which year of alerts is wanted.");
        On(gunshots, RequestEventKind.ClarificationProvided, 20, "Clarified: the last full calendar year.");
        On(gunshots, RequestEventKind.FinalProduction, 40, "Contract and alert records released.");

        var faces = Closed("SFPD face recognition searches after the 2019 ordinance", sfpd, california, 120, RequestOutcome.Denied, "face-recognition",
            "Records of any face recognition search run by or for the department since the 2019 surveillance ordinance.");
        On(faces, RequestEventKind.Acknowledged, 8, "Acknowledged.");
        Denied(faces, 25, "Gov. Code § 7923.600 (investigative records); Gov. Code § 7927.705 (records exempt under other law)");

        var monitoring = Closed("Oakland police social-media monitoring contracts", oakland, california, 180, RequestOutcome.NoRecords, "social-media-monitoring",
            "Contracts and trials of social-media monitoring services.");
        On(monitoring, RequestEventKind.ExtensionNotice, 10, "Extension notice: consulting other departments.");
        On(monitoring, RequestEventKind.FinalProduction, 30, "No responsive records found.");

        var simulators = Closed("Oakland police cell-site simulator purchase and use", oakland, california, 90, RequestOutcome.PartialRelease, "cell-site-simulators",
            "Purchase records, non-disclosure agreements and use policies for cell-site simulators.");
        On(simulators, RequestEventKind.ExtensionNotice, 8, "Extension notice: records need review by another agency.");
        On(simulators, RequestEventKind.FeeEstimate, 10, "Fee estimate for duplication: $42.");
        On(simulators, RequestEventKind.FeePaid, 20, "Fee paid.");
        On(simulators, RequestEventKind.PartialProduction, 21, "Purchase records released.");
        On(simulators, RequestEventKind.FinalProduction, 23, "Use policy released in part.",
            "Gov. Code § 7923.600 (investigative records); Gov. Code § 7929.210 (security assessments)");

        var nypdFaces = Closed("NYPD Clearview AI trial accounts", nypd, newYork, 260, RequestOutcome.Denied, "face-recognition",
            "Records of Clearview AI trial accounts held by NYPD officers and the searches run on them.");
        nypdFaces.VendorLinks.Add(new RequestVendor { Vendor = clearview });
        On(nypdFaces, RequestEventKind.Acknowledged, 5, "Acknowledged; a determination expected within 20 business days.");
        Denied(nypdFaces, 90, "Public Officers Law § 87(2)(e)(iv) (investigative techniques)\nPublic Officers Law § 87(2)(f) (endangering life or safety)");

        var nypdVoyager = Closed("NYPD contract with Voyager Labs", nypd, newYork, 200, RequestOutcome.PartialRelease, "social-media-monitoring",
            "The contract with Voyager Labs, invoices and the department's use policy.");
        nypdVoyager.VendorLinks.Add(new RequestVendor { Vendor = voyager });
        On(nypdVoyager, RequestEventKind.Acknowledged, 6, "Acknowledged.");
        On(nypdVoyager, RequestEventKind.FinalProduction, 90, "Contract released with pricing and technical annexes redacted.",
            "Public Officers Law § 87(2)(d) (trade secrets); Public Officers Law § 87(2)(e)(iv) (investigative techniques)");

        var nypdAnalytics = Closed("NYPD social-media analytics procurement", nypd, newYork, 100, RequestOutcome.Withdrawn, "social-media-monitoring",
            "Procurement records for social-media analytics tools.");
        On(nypdAnalytics, RequestEventKind.Acknowledged, 3, "Acknowledged.");
        On(nypdAnalytics, RequestEventKind.Withdrawal, 40, "Withdrawn: covered by the Voyager Labs request.");

        var chicagoFaces = Closed("Chicago police Clearview AI subscription", chicago, illinois, 230, RequestOutcome.FullRelease, "face-recognition",
            "The Clearview AI subscription agreement, invoices and search audit logs.");
        chicagoFaces.VendorLinks.Add(new RequestVendor { Vendor = clearview });
        On(chicagoFaces, RequestEventKind.Acknowledged, 2, "Acknowledged.");
        On(chicagoFaces, RequestEventKind.FinalProduction, 5, "Agreement, invoices and audit logs released.");

        var chicagoGunshots = Closed("Chicago police gunshot detection alert data", chicago, illinois, 140, RequestOutcome.Denied, "gunshot-detection",
            "Alert-level data from the gunshot detection system.");
        On(chicagoGunshots, RequestEventKind.ExtensionNotice, 5, "Extension of 5 business days.");
        Denied(chicagoGunshots, 20, "5 ILCS 140/7(1)(d)(v) (investigative techniques); 5 ILCS 140/7(1)(v) (security measures)");

        var fbiSimulators = Closed("FBI cell-site simulator policies", fbi, foia, 300, RequestOutcome.PartialRelease, "cell-site-simulators",
            "Policies and guidance on the use of cell-site simulators.");
        On(fbiSimulators, RequestEventKind.Acknowledged, 10, "Acknowledged; placed in the complex track.");
        On(fbiSimulators, RequestEventKind.FinalProduction, 180, "Policy guide released in part.", "5 U.S.C. § 552(b)(7)(E)");

        return requests;
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
