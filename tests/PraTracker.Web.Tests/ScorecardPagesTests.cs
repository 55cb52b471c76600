using System.Net;
using System.Security.Claims;
using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PraTracker.Data;
using PraTracker.Data.Database;
using PraTracker.Data.Identity;
using PraTracker.Web.Features.Agencies;
using PraTracker.Web.Security;

namespace PraTracker.Tests;

/// <summary>"How agencies respond" rendered over the demo data: visitors' numbers leave out private requests, staff's count them.</summary>
public abstract class AgencyResponsesPageTests<TFixture> : ComponentTestContext, IClassFixture<TFixture>
    where TFixture : DemoDatabaseFixture
{
    protected AgencyResponsesPageTests(TFixture fixture)
    {
        Services.AddSingleton(fixture.Configuration);
        Services.AddPraTrackerData(fixture.Configuration);
        Services.AddLogging();
        Services.AddScoped<ViewerContextFactory>();
        Services.AddSingleton<AgencyScorecardCache>();
        Services.AddScoped<AgencyResponsesService>();
    }

    [Fact]
    public void A_visitor_compares_agencies_over_public_requests_only_with_their_numbers_and_jurisdictions()
    {
        AddAuthorization().SetNotAuthorized();
        var page = Render<AgencyResponsesPage>();

        page.WaitForAssertion(() => Assert.Contains("New York City Police Department", Grid(page)), TimeSpan.FromSeconds(10));

        // The LAPD's private Clearview request is not counted: one request, the public personas one.
        Assert.Equal("1", Cells(page, "Los Angeles Police Department")[Requests]);

        // NYPD: first responses after 5, 6 and 3 days (median 5, 90th percentile 5.8); two completed after 90 days
        // each; of the two that ended other than by withdrawal, one denied.
        var nypd = Cells(page, "New York City Police Department");
        Assert.Equal(["NY US-NY", "3", "5 (3)", "5.8", "90 (2)", "90"], nypd[1..7]);
        Assert.Equal("50% (1 of 2)", nypd[8]);

        var jurisdictions = page.Find("[data-testid=jurisdiction-scorecards]").TextContent;
        Assert.Contains("New York · Freedom of Information Law (US-NY)", jurisdictions);
        Assert.Contains("Public Officers Law § 87(2)(e)(iv) (investigative techniques) (2)", jurisdictions);
        Assert.NotNull(page.Find("[data-testid=responses-chart]"));
    }

    [Fact]
    public async Task An_attorney_is_never_served_the_visitors_numbers_and_counts_private_requests()
    {
        var auth = AddAuthorization();
        auth.SetNotAuthorized();
        var visitor = Render<AgencyResponsesPage>();
        visitor.WaitForAssertion(() => Assert.Equal("1", Cells(visitor, "Los Angeles Police Department")[Requests]), TimeSpan.FromSeconds(10));

        SignInAsAdmin(auth, await DemoAdminIdAsync());
        var staff = Render<AgencyResponsesPage>();
        staff.WaitForAssertion(() => Assert.Equal("2", Cells(staff, "Los Angeles Police Department")[Requests]), TimeSpan.FromSeconds(10));
    }

    [Fact]
    public void The_filters_come_from_the_address_so_a_comparison_can_be_linked_to()
    {
        AddAuthorization().SetNotAuthorized();
        Services.GetRequiredService<NavigationManager>().NavigateTo("/agencies/responses?state=CA&min=2");
        var page = Render<AgencyResponsesPage>();

        page.WaitForAssertion(() => Assert.Contains("Oakland Police Department", Grid(page)), TimeSpan.FromSeconds(10));
        Assert.DoesNotContain("New York City Police Department", Grid(page));
        Assert.DoesNotContain("Los Angeles Police Department", Grid(page)); // one public request only
    }

    private const int Requests = 2; // the grid's columns: agency, state and law, requests, ...

    private static string Grid(IRenderedComponent<AgencyResponsesPage> page) => page.Find("[data-testid=responses-grid] tbody").TextContent;

    private static string[] Cells(IRenderedComponent<AgencyResponsesPage> page, string agency) =>
        [.. page.FindAll("[data-testid=responses-grid] tbody tr").Single(r => r.TextContent.Contains(agency)).QuerySelectorAll("td").Select(c => string.Join(' ', c.TextContent.Split(default(char[]), StringSplitOptions.RemoveEmptyEntries)))];
}

public sealed class PostgresAgencyResponsesPageTests(PostgresDemoDatabase fixture) : AgencyResponsesPageTests<PostgresDemoDatabase>(fixture);

public sealed class SqliteAgencyResponsesPageTests(SqliteDemoDatabase fixture) : AgencyResponsesPageTests<SqliteDemoDatabase>(fixture);

/// <summary>The scorecard and vendor map pages over HTTP, as an anonymous visitor gets them from the real app.</summary>
public abstract class ScorecardPagesHttpTests<TFixture>(TFixture fixture) : IClassFixture<TFixture>
    where TFixture : AppFixture
{
    [Fact]
    public async Task An_agency_page_shows_its_scorecard_with_the_counts_behind_each_number()
    {
        using var client = fixture.NewClient();
        var page = await GetAsync(client, $"/agencies/{await IdAsync("New York City Police Department")}");

        Assert.Contains("Sent requests counted: 3", page);
        Assert.Contains("Median days to first response</th><td>5</td><td>3 answered", page);
        Assert.Contains("Median days to completion</th><td>90</td><td>2 completed", page);
        Assert.Contains("<td>Public Officers Law § 87(2)(e)(iv) (investigative techniques)</td><td>2</td>", page);
        Assert.Contains("the law allows 5 business days", page);
    }

    [Fact]
    public async Task How_agencies_respond_and_the_vendor_map_answer_visitors_with_their_numbers()
    {
        using var client = fixture.NewClient();
        var responses = await GetAsync(client, "/agencies/responses");
        Assert.Contains("How agencies respond", responses);
        Assert.Contains("Illinois · Freedom of Information Act (US-IL)", responses);

        var clearview = await GetAsync(client, $"/vendors/map?vendor={await VendorIdAsync("Clearview AI")}");
        Assert.Contains("Clearview AI: 3 agencies in 3 states hold 3 contracts.", clearview);
        Assert.Contains("Chicago Police Department", clearview);
        Assert.Contains("New York City Police Department", clearview);

        var faces = await GetAsync(client, "/vendors/map?category=social-media-monitoring");
        Assert.Contains("Social-media monitoring: 2 agencies in 2 states hold 2 contracts.", faces);

        var overview = await GetAsync(client, "/vendors/map");
        Assert.Contains("Face recognition: 3 agencies, 3 contracts", overview);
    }

    private static async Task<string> GetAsync(HttpClient client, string address)
    {
        var response = await client.GetAsync(address);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
    }

    private async Task<Guid> IdAsync(string agency)
    {
        await using var db = fixture.App.Services.GetRequiredService<IDbContextFactory<PraTrackerDbContext>>().CreateDbContext().ViewAs(Viewer.System);
        return await db.Agencies.Where(a => a.Name == agency).Select(a => a.Id).SingleAsync();
    }

    private async Task<Guid> VendorIdAsync(string vendor)
    {
        await using var db = fixture.App.Services.GetRequiredService<IDbContextFactory<PraTrackerDbContext>>().CreateDbContext().ViewAs(Viewer.System);
        return await db.Vendors.Where(v => v.Name == vendor).Select(v => v.Id).SingleAsync();
    }
}

public sealed class PostgresScorecardPagesHttpTests(PostgresAppFixture fixture) : ScorecardPagesHttpTests<PostgresAppFixture>(fixture);

public sealed class SqliteScorecardPagesHttpTests(SqliteAppFixture fixture) : ScorecardPagesHttpTests<SqliteAppFixture>(fixture);
