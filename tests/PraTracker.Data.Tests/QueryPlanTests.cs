using Microsoft.EntityFrameworkCore;
using Npgsql;
using PraTracker.Bench;
using PraTracker.Data.Database;
using PraTracker.Data.Deadlines;
using PraTracker.Data.Documents;
using PraTracker.Data.Identity;
using PraTracker.Data.Requests;

namespace PraTracker.Tests;

/// <summary>
/// The fast guard of the performance benchmark (docs/performance.md): on PostgreSQL, with a hundredth of the
/// benchmark's data set, each requests-list, dashboard and search query is explained as the app sends it, with
/// sequential scans switched off, and must read its big tables through the index it was given. A query rewritten so
/// that no index serves it, or an index dropped, shows up here as a sequential scan or a missing index name.
/// </summary>
public sealed class QueryPlanTests(QueryPlanTests.GeneratedData data) : IClassFixture<QueryPlanTests.GeneratedData>
{
    private static readonly string[] BigTables = ["Requests", "Documents", "Deadlines", "RequestEvents", "RequestAssignments"];

    /// <summary>A migrated PostgreSQL database holding the benchmark's data set at 1%, analyzed.</summary>
    public sealed class GeneratedData : IAsyncLifetime
    {
        public TestDatabase Database { get; private set; } = null!;

        public PraTrackerDbContextFactory Factory { get; private set; } = null!;

        public string AttorneyId { get; private set; } = "";

        public Guid AgencyId { get; private set; }

        public Guid VendorId { get; private set; }

        public async Task InitializeAsync()
        {
            Database = await TestDatabase.CreateAsync(DatabaseProvider.Postgres);
            Factory = Database.CreateFactory(TimeProvider.System);
            await using var db = Factory.CreateDbContext().ViewAs(Viewer.System);
            await db.Database.MigrateAsync();
            await ReferenceDataSeeder.SeedAsync(db);
            await new DataSetGenerator(new DataSetSize(0.01), Factory.CreateDbContext, TextWriter.Null).GenerateAsync();
            AttorneyId = await db.Users.Where(u => u.Email == DataSetGenerator.AttorneyEmail(0)).Select(u => u.Id).SingleAsync();
            AgencyId = await db.Requests.Select(r => r.AgencyId).FirstAsync();
            VendorId = await db.Vendors.Where(v => v.Name == "Spokeo").Select(v => v.Id).SingleAsync();
        }

        public async Task DisposeAsync() => await Database.DisposeAsync();
    }

    public static TheoryData<string> Cases =>
    [
        "list by reference", "list by status", "list by agency", "list by text", "list of overdue", "list by assignee", "list by vendor",
        "deadlines due soon", "requests waiting longest", "search a common word", "search a phrase",
    ];

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Each_list_dashboard_and_search_query_reads_its_big_tables_through_its_index(string name)
    {
        var today = DataSetSize.Today;
        var staff = Viewer.Staff(data.AttorneyId);
        var (viewer, expectedIndex, query) = name switch
        {
            "list by reference" => (staff, "IX_Requests_Reference", List(new RequestFilter())),
            "list by status" => (staff, "IX_Requests_Status_Reference", List(new RequestFilter(Status: RequestStatus.Sent))),
            "list by agency" => (staff, "IX_Requests_AgencyId", List(new RequestFilter(AgencyId: data.AgencyId))),
            "list by text" => (staff, "IX_Requests_Title_trigrams", List(new RequestFilter(Text: "pasadena"))),
            "list of overdue" => (staff, "IX_Deadlines_outstanding_by_request", List(new RequestFilter(OverdueOnly: true, Today: today))),
            // With a fifth of all requests, the assignee's rows may as well be read in request order through the key.
            "list by assignee" => (staff, "IX_RequestAssignments_UserId|PK_RequestAssignments", List(new RequestFilter(AssignedUserId: data.AttorneyId))),
            "list by vendor" => (staff, "IX_RequestVendors_VendorId", List(new RequestFilter(VendorId: data.VendorId))),
            "deadlines due soon" => (staff, "IX_Deadlines_outstanding_by_due", db => DeadlineQueries.DueSoonAsync(db, today, 7)),
            "requests waiting longest" => (staff, "IX_Requests_awaiting", db => ActivityQueries.AwaitingLongestAsync(db, today)),
            "search a common word" => (Viewer.Anonymous, "IX_Documents_SearchVector", Search(DocumentText.CommonWord)),
            "search a phrase" => (Viewer.Anonymous, "IX_Documents_SearchVector", Search($"\"{DocumentText.Phrase}\"")),
            _ => throw new ArgumentOutOfRangeException(nameof(name), name, null),
        };

        var commands = await QueryPlans.CaptureAsync(data.Database.Settings.ConnectionString, viewer, query);
        await using var connection = new NpgsqlConnection(data.Database.Settings.ConnectionString);
        await connection.OpenAsync();
        var plans = new List<string>();
        foreach (var command in commands)
        {
            plans.Add(await QueryPlans.ExplainAsync(connection, command, analyze: false, seqScanOff: true));
        }

        var all = string.Join("\n----\n", plans);
        Assert.NotEmpty(commands);
        foreach (var table in BigTables)
        {
            Assert.False(all.Contains($"Seq Scan on \"{table}\"", StringComparison.Ordinal), $"{name} scans every row of {table}:\n{all}");
        }

        Assert.True(
            expectedIndex.Split('|').Any(index => all.Contains($"\"{index}\"", StringComparison.Ordinal)),
            $"{name} does not use {expectedIndex.Replace("|", " or ")}:\n{all}");
    }

    private static Func<PraTrackerDbContext, Task> List(RequestFilter filter) =>
        db => RequestQueries.ListAsync(db, filter, new PageRequest(0, 25));

    private static Func<PraTrackerDbContext, Task> Search(string text) =>
        db => DocumentSearch.SearchAsync(db, text, new DocumentSearchFilters(), new PageRequest(0, 20));
}
