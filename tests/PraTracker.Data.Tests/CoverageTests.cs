using System.Text;
using Microsoft.EntityFrameworkCore;
using PraTracker.Data.Agencies;
using PraTracker.Data.Contracts;
using PraTracker.Data.Database;
using PraTracker.Data.Identity;
using PraTracker.Data.Imports;
using PraTracker.Data.Requests;

namespace PraTracker.Tests;

/// <summary>Coverage: the agencies known to use a vendor or a technology, and how far each has been asked about it, on each database.</summary>
public abstract class CoverageTests<TFixture>(TFixture fixture) : IClassFixture<TFixture>
    where TFixture : DatabaseFixture
{
    private static readonly PageRequest All = new(PageSize: PageRequest.MaxPageSize);

    [Fact]
    public async Task Each_agency_stands_at_the_furthest_stage_of_its_requests_about_the_vendor_and_shows_the_request_that_got_there()
    {
        Vendor vendor;
        Agency none, drafted, filed, answered, produced, denied;
        RecordsRequest draft, sent, acknowledged, partlyDenied, refused;
        await using (var db = fixture.Open(Viewer.System))
        {
            var law = await Build.CaliforniaAsync(db);
            vendor = Build.Vendor();
            var other = Build.Vendor();
            Agency Using()
            {
                var agency = Build.Agency(law);
                db.Contracts.Add(Build.Contract(agency, vendor));
                return agency;
            }

            RecordsRequest About(Agency agency, RequestStatus status = RequestStatus.Sent)
            {
                var request = Build.Request(agency, law);
                request.VendorLinks.Add(new RequestVendor { Vendor = vendor });
                if (status == RequestStatus.Draft)
                {
                    (request.Status, request.SentOn, request.ReceivedOn) = (RequestStatus.Draft, null, null);
                }

                db.Requests.Add(request);
                return request;
            }

            (none, drafted, filed, answered, produced, denied) = (Using(), Using(), Using(), Using(), Using(), Using());

            // Asked about another vendor only: still none filed about this one.
            var elsewhere = Build.Request(none, law);
            elsewhere.VendorLinks.Add(new RequestVendor { Vendor = other });
            db.Requests.Add(elsewhere);

            draft = About(drafted, RequestStatus.Draft);
            About(filed, RequestStatus.Draft);
            sent = About(filed);

            // Linked through the agency's contract rather than to the vendor.
            About(answered);
            acknowledged = Build.Request(answered, law);
            acknowledged.ContractLinks.Add(new RequestContract { Contract = db.Contracts.Local.Single(c => c.Agency == answered) });
            db.Requests.Add(acknowledged);
            db.RequestEvents.Add(Build.Event(acknowledged, RequestEventKind.Acknowledged, new DateOnly(2026, 3, 5)));

            // A partial denial that came with records is a production.
            db.RequestEvents.Add(Build.Event(About(produced), RequestEventKind.Acknowledged, new DateOnly(2026, 3, 4)));
            partlyDenied = About(produced);
            db.RequestEvents.Add(Build.Event(partlyDenied, RequestEventKind.PartialProduction, new DateOnly(2026, 3, 20)));
            db.RequestEvents.Add(Build.Event(partlyDenied, RequestEventKind.Denial, new DateOnly(2026, 3, 20)));

            db.RequestEvents.Add(Build.Event(About(denied), RequestEventKind.FinalProduction, new DateOnly(2026, 3, 10)));
            refused = About(denied);
            (refused.Status, refused.Outcome) = (RequestStatus.Closed, RequestOutcome.Denied);
            db.RequestEvents.Add(Build.Event(refused, RequestEventKind.Denial, new DateOnly(2026, 4, 1)));
            await db.SaveChangesAsync();
        }

        await using var read = fixture.Open(Viewer.Staff("attorney"));
        var rows = (await TechnologyCoverage.ListAsync(read, CoverageSubject.Vendor(vendor.Id), new CoverageFilter(), All)).Items.ToDictionary(r => r.AgencyId);

        Assert.Equal(6, rows.Count);
        Assert.Equal((CoverageStage.NoneFiled, null, null), (rows[none.Id].Stage, rows[none.Id].RequestReference, rows[none.Id].LastActivityOn));
        Assert.Equal((CoverageStage.Drafted, draft.Reference), (rows[drafted.Id].Stage, rows[drafted.Id].RequestReference));
        Assert.Equal((CoverageStage.Filed, sent.Id), (rows[filed.Id].Stage, rows[filed.Id].RequestId));
        Assert.Equal((CoverageStage.Answered, acknowledged.Reference), (rows[answered.Id].Stage, rows[answered.Id].RequestReference));
        Assert.Equal((CoverageStage.Produced, partlyDenied.Reference), (rows[produced.Id].Stage, rows[produced.Id].RequestReference));
        Assert.Equal((CoverageStage.Denied, refused.Reference, new DateOnly(2026, 4, 1)), (rows[denied.Id].Stage, rows[denied.Id].RequestReference, rows[denied.Id].LastActivityOn));

        var summary = await TechnologyCoverage.SummaryAsync(read, CoverageSubject.Vendor(vendor.Id));
        Assert.Equal(6, summary.Agencies);
        Assert.All(Enum.GetValues<CoverageStage>(), stage => Assert.Equal(1, summary[stage]));
    }

    [Fact]
    public async Task An_agency_known_only_through_a_free_trial_with_no_amount_is_listed_with_its_trial()
    {
        Vendor vendor;
        Agency trialOnly;
        await using (var db = fixture.Open(Viewer.System))
        {
            vendor = Build.Vendor();
            trialOnly = Build.Agency();
            var trial = Build.Contract(trialOnly, vendor, status: ContractStatus.Trial);
            (trial.ProcurementMethod, trial.Amount) = (ProcurementMethod.FreeTrial, null);
            db.Contracts.Add(trial);
            await db.SaveChangesAsync();
        }

        await using var anonymous = fixture.Open(Viewer.Anonymous);
        var row = Assert.Single((await TechnologyCoverage.ListAsync(anonymous, CoverageSubject.Vendor(vendor.Id), new CoverageFilter(), All)).Items);

        Assert.Equal((trialOnly.Id, CoverageStage.NoneFiled), (row.AgencyId, row.Stage));
        Assert.Equal(ContractStatus.Trial, Assert.Single(row.Contracts).Status);
    }

    [Fact]
    public async Task By_category_a_request_counts_when_it_names_the_category_a_contract_in_it_or_a_vendor_selling_in_it()
    {
        TechnologyCategory category;
        Agency byCategory, byContract, byVendor, unasked;
        await using (var db = fixture.Open(Viewer.System))
        {
            var law = await Build.CaliforniaAsync(db);
            category = Build.Category();
            var otherCategory = Build.Category();
            var vendor = Build.Vendor();
            var product = new Product { Vendor = vendor, Name = "Face search", TechnologyCategory = category };
            var otherProduct = new Product { Vendor = vendor, Name = "Plate reader", TechnologyCategory = otherCategory };
            Contract Using(Agency agency, Product sold)
            {
                var contract = Build.Contract(agency, vendor);
                contract.Products.Add(sold);
                db.Contracts.Add(contract);
                return contract;
            }

            RecordsRequest Filed(Agency agency)
            {
                var request = Build.Request(agency, law);
                db.Requests.Add(request);
                return request;
            }

            (byCategory, byContract, byVendor, unasked) = (Build.Agency(law), Build.Agency(law), Build.Agency(law), Build.Agency(law));
            Using(byCategory, product);
            Filed(byCategory).CategoryLinks.Add(new RequestTechnologyCategory { TechnologyCategory = category });
            var contract = Using(byContract, product);
            var answered = Filed(byContract);
            answered.ContractLinks.Add(new RequestContract { Contract = contract });
            db.RequestEvents.Add(Build.Event(answered, RequestEventKind.ExtensionNotice, new DateOnly(2026, 3, 9)));
            Using(byVendor, product);
            var produced = Filed(byVendor);
            produced.VendorLinks.Add(new RequestVendor { Vendor = vendor });
            db.RequestEvents.Add(Build.Event(produced, RequestEventKind.FinalProduction, new DateOnly(2026, 3, 9)));
            Using(unasked, product);
            Filed(unasked).CategoryLinks.Add(new RequestTechnologyCategory { TechnologyCategory = otherCategory });

            // The vendor's other product makes this agency a user of the other category, not of this one.
            Using(Build.Agency(law), otherProduct);
            await db.SaveChangesAsync();
        }

        await using var anonymous = fixture.Open(Viewer.Anonymous);
        var page = await TechnologyCoverage.ListAsync(anonymous, CoverageSubject.Category(category.Code), new CoverageFilter(), All);

        Assert.Equal(4, page.TotalCount);
        var stages = page.Items.ToDictionary(r => r.AgencyId, r => r.Stage);
        Assert.Equal(CoverageStage.Filed, stages[byCategory.Id]);
        Assert.Equal(CoverageStage.Answered, stages[byContract.Id]);
        Assert.Equal(CoverageStage.Produced, stages[byVendor.Id]);
        Assert.Equal(CoverageStage.NoneFiled, stages[unasked.Id]);
        Assert.Empty((await TechnologyCoverage.ListAsync(anonymous, CoverageSubject.Category("no-such-category"), new CoverageFilter(), All)).Items);
    }

    [Fact]
    public async Task Agencies_imported_from_the_Atlas_of_Surveillance_are_known_users_of_their_technology()
    {
        var atlas = AtlasFile.Generate(4);
        await using (var db = fixture.Open(Viewer.Staff("importer")))
        {
            var file = await ImportFileReader.ReadAsync(new MemoryStream(Encoding.UTF8.GetBytes(atlas.Csv)), "atlas.csv");
            await ImportCommands.ApplyAsync(db, file);
        }

        await using var anonymous = fixture.Open(Viewer.Anonymous);
        var imported = await anonymous.Contracts
            .Where(c => c.Vendor.Name.StartsWith(atlas.Tag) && c.Products.Any(p => p.TechnologyCategory.Code == "drones"))
            .Select(c => c.AgencyId).Distinct().ToListAsync();
        var page = await TechnologyCoverage.ListAsync(anonymous, CoverageSubject.Category("drones"), new CoverageFilter(), All);

        Assert.NotEmpty(imported);
        Assert.Subset(page.Items.Select(r => r.AgencyId).ToHashSet(), imported.ToHashSet());
        Assert.All(page.Items.Where(r => imported.Contains(r.AgencyId)), r => Assert.Equal(CoverageStage.NoneFiled, r.Stage));
    }

    [Fact]
    public async Task The_list_is_paged_sorted_by_agency_state_or_stage_and_filtered_by_state_and_stage()
    {
        var tag = Guid.NewGuid().ToString("N")[..8];
        Vendor vendor;
        await using (var db = fixture.Open(Viewer.System))
        {
            var law = await Build.CaliforniaAsync(db);
            vendor = Build.Vendor();
            void Add(string name, string state, RequestOutcome? outcome, bool asked)
            {
                var agency = Build.Agency(law, state);
                agency.Name = $"{tag} {name}";
                db.Contracts.Add(Build.Contract(agency, vendor));
                if (asked)
                {
                    var request = Build.Request(agency, law);
                    request.Outcome = outcome;
                    request.VendorLinks.Add(new RequestVendor { Vendor = vendor });
                    db.Requests.Add(request);
                }
            }

            Add("A", "CA", null, asked: false);
            Add("B", "NY", null, asked: true);
            Add("C", "CA", null, asked: true);
            Add("D", "NY", null, asked: false);
            Add("E", "CA", RequestOutcome.Denied, asked: true);
            await db.SaveChangesAsync();
        }

        await using var read = fixture.Open(Viewer.Anonymous);
        var subject = CoverageSubject.Vendor(vendor.Id);
        async Task<string> Names(CoverageFilter filter, PageRequest page)
        {
            var found = await TechnologyCoverage.ListAsync(read, subject, filter, page);
            return $"{found.TotalCount}:{string.Concat(found.Items.Select(r => r.AgencyName[^1]))}";
        }

        Assert.Equal("5:AB", await Names(new CoverageFilter(), new PageRequest(0, 2)));
        Assert.Equal("5:E", await Names(new CoverageFilter(), new PageRequest(2, 2)));
        Assert.Equal("5:EDCBA", await Names(new CoverageFilter(), new PageRequest(SortBy: nameof(CoverageRow.AgencyName), Descending: true)));
        Assert.Equal("5:EBCAD", await Names(new CoverageFilter(), new PageRequest(SortBy: nameof(CoverageRow.Stage), Descending: true)));
        Assert.Equal("5:ACEBD", await Names(new CoverageFilter(), new PageRequest(SortBy: nameof(CoverageRow.State))));
        Assert.Equal("3:ACE", await Names(new CoverageFilter(State: " ca"), new PageRequest()));
        Assert.Equal("2:AD", await Names(new CoverageFilter(Stage: CoverageStage.NoneFiled), new PageRequest()));
        Assert.Equal("1:D", await Names(new CoverageFilter("NY", CoverageStage.NoneFiled), new PageRequest()));

        var california = await TechnologyCoverage.SummaryAsync(read, subject, "CA");
        Assert.Equal((3, 1, 1, 1), (california.Agencies, california[CoverageStage.NoneFiled], california[CoverageStage.Filed], california[CoverageStage.Denied]));
    }

    [Fact]
    public async Task To_an_anonymous_visitor_an_agency_asked_only_privately_has_none_filed_and_nothing_private_is_counted()
    {
        Vendor vendor;
        TechnologyCategory category;
        Agency askedPrivately, askedBoth;
        RecordsRequest hidden, shown, hiddenProduction;
        await using (var db = fixture.Open(Viewer.System))
        {
            var law = await Build.CaliforniaAsync(db);
            vendor = Build.Vendor();
            category = Build.Category();
            var product = new Product { Vendor = vendor, Name = "Face search", TechnologyCategory = category };
            RecordsRequest About(Agency agency, RequestVisibility visibility)
            {
                var request = Build.Request(agency, law, visibility);
                request.VendorLinks.Add(new RequestVendor { Vendor = vendor });
                request.CategoryLinks.Add(new RequestTechnologyCategory { TechnologyCategory = category });
                db.Requests.Add(request);
                return request;
            }

            (askedPrivately, askedBoth) = (Build.Agency(law), Build.Agency(law));
            foreach (var agency in new[] { askedPrivately, askedBoth })
            {
                var contract = Build.Contract(agency, vendor);
                contract.Products.Add(product);
                db.Contracts.Add(contract);
            }

            hidden = About(askedPrivately, RequestVisibility.Private);
            shown = About(askedBoth, RequestVisibility.Public);
            hiddenProduction = About(askedBoth, RequestVisibility.Private);
            db.RequestEvents.Add(Build.Event(hiddenProduction, RequestEventKind.FinalProduction, new DateOnly(2026, 5, 1)));
            await db.SaveChangesAsync();
        }

        foreach (var subject in new[] { CoverageSubject.Vendor(vendor.Id), CoverageSubject.Category(category.Code) })
        {
            await using var anonymous = fixture.Open(Viewer.Anonymous);
            var seen = (await TechnologyCoverage.ListAsync(anonymous, subject, new CoverageFilter(), All)).Items.ToDictionary(r => r.AgencyId);
            Assert.Equal((CoverageStage.NoneFiled, null, null, null), (seen[askedPrivately.Id].Stage, seen[askedPrivately.Id].RequestId, seen[askedPrivately.Id].RequestReference, seen[askedPrivately.Id].LastActivityOn));
            Assert.Equal((CoverageStage.Filed, shown.Reference, shown.SentOn), (seen[askedBoth.Id].Stage, seen[askedBoth.Id].RequestReference, seen[askedBoth.Id].LastActivityOn));
            var summary = await TechnologyCoverage.SummaryAsync(anonymous, subject);
            Assert.Equal((2, 1, 1, 0), (summary.Agencies, summary[CoverageStage.NoneFiled], summary[CoverageStage.Filed], summary[CoverageStage.Produced]));
            Assert.Equal(0, (await TechnologyCoverage.ListAsync(anonymous, subject, new CoverageFilter(Stage: CoverageStage.Produced), All)).TotalCount);

            await using var staff = fixture.Open(Viewer.Staff("attorney"));
            var all = (await TechnologyCoverage.ListAsync(staff, subject, new CoverageFilter(), All)).Items.ToDictionary(r => r.AgencyId);
            Assert.Equal((CoverageStage.Filed, hidden.Reference), (all[askedPrivately.Id].Stage, all[askedPrivately.Id].RequestReference));
            Assert.Equal((CoverageStage.Produced, hiddenProduction.Reference), (all[askedBoth.Id].Stage, all[askedBoth.Id].RequestReference));
        }
    }

    [Fact]
    public async Task The_choices_count_the_agencies_using_each_vendor_and_each_category()
    {
        Vendor vendor, unused;
        TechnologyCategory category;
        await using (var db = fixture.Open(Viewer.System))
        {
            (vendor, unused, category) = (Build.Vendor(), Build.Vendor(), Build.Category());
            var product = new Product { Vendor = vendor, Name = "Face search", TechnologyCategory = category };
            var (first, second) = (Build.Agency(), Build.Agency());
            var inCategory = Build.Contract(first, vendor);
            inCategory.Products.Add(product);
            db.Contracts.AddRange(inCategory, Build.Contract(first, vendor), Build.Contract(second, vendor));
            db.Vendors.Add(unused);
            await db.SaveChangesAsync();
        }

        await using var anonymous = fixture.Open(Viewer.Anonymous);
        var choices = await TechnologyCoverage.ChoicesAsync(anonymous);

        Assert.Equal(2, choices.Vendors.Single(v => v.Key == vendor.Id.ToString()).Agencies);
        Assert.Equal(0, choices.Vendors.Single(v => v.Key == unused.Id.ToString()).Agencies);
        Assert.Equal((category.Name, 1), choices.Categories.Where(c => c.Key == category.Code).Select(c => (c.Name, c.Agencies)).Single());
    }
}

public sealed class PostgresCoverageTests(PostgresFixture fixture) : CoverageTests<PostgresFixture>(fixture);

public sealed class SqliteCoverageTests(SqliteFixture fixture) : CoverageTests<SqliteFixture>(fixture);
