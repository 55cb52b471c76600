using System.Security.Claims;
using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PraTracker.Data;
using PraTracker.Data.Agencies;
using PraTracker.Data.Contracts;
using PraTracker.Data.Database;
using PraTracker.Data.Identity;
using PraTracker.Web.Features.Coverage;
using PraTracker.Web.Security;

namespace PraTracker.Tests;

/// <summary>The coverage page rendered from the demo data, as a visitor and as an attorney see it.</summary>
public abstract class CoveragePageTests<TFixture> : ComponentTestContext, IClassFixture<TFixture>
    where TFixture : DemoDatabaseFixture
{
    private const string PrivateTitle = "Clearview AI trial accounts used by LAPD officers";

    protected CoveragePageTests(TFixture fixture)
    {
        Services.AddSingleton(fixture.Configuration);
        Services.AddPraTrackerData(fixture.Configuration);
        Services.AddScoped<ViewerContextFactory>();
        Services.AddScoped<CoverageService>();
    }

    [Fact]
    public async Task A_visitor_sees_an_agency_asked_only_privately_as_not_asked_with_no_trace_of_the_private_request()
    {
        AddAuthorization().SetNotAuthorized();
        var (clearviewId, privateReference) = await ClearviewAsync();
        var page = Open($"/coverage?vendor={clearviewId}");

        page.WaitForAssertion(() => Assert.Equal(3, page.FindAll("[data-testid=coverage-grid] tbody tr").Count), TimeSpan.FromSeconds(10));
        page.WaitForAssertion(() => Assert.Contains("All · 3", page.Find("[data-testid=coverage-stage-all]").TextContent), TimeSpan.FromSeconds(10));
        var lapd = page.FindAll("[data-testid=coverage-grid] tbody tr").Single(r => r.TextContent.Contains("Los Angeles"));
        Assert.Contains("No request filed", lapd.TextContent);
        Assert.Contains("Clearview AI trial accounts (Terminated)", lapd.TextContent);
        Assert.DoesNotContain(privateReference, page.Markup);
        Assert.DoesNotContain(PrivateTitle, page.Markup);
        Assert.Contains("No request filed · 1", page.Find("[data-testid=coverage-stage-NoneFiled]").TextContent);
        Assert.Contains("Filed, no answer yet · 0", page.Find("[data-testid=coverage-stage-Filed]").TextContent);
        Assert.Empty(page.FindAll("[data-testid=coverage-file-unfiled]"));
    }

    [Fact]
    public async Task An_attorney_sees_the_private_request_that_got_furthest()
    {
        var auth = AddAuthorization();
        SignInAsStaff(auth);
        var (clearviewId, privateReference) = await ClearviewAsync();
        var page = Open($"/coverage?vendor={clearviewId}");

        page.WaitForAssertion(() => Assert.Contains(privateReference, page.Markup), TimeSpan.FromSeconds(10));
        page.WaitForAssertion(() => Assert.Contains("All · 3", page.Find("[data-testid=coverage-stage-all]").TextContent), TimeSpan.FromSeconds(10));
        var lapd = page.FindAll("[data-testid=coverage-grid] tbody tr").Single(r => r.TextContent.Contains("Los Angeles"));
        Assert.Contains("Filed, no answer yet", lapd.TextContent);
        Assert.Contains("No request filed · 0", page.Find("[data-testid=coverage-stage-NoneFiled]").TextContent);
    }

    [Fact]
    public async Task Only_staff_are_offered_to_file_with_the_agencies_not_yet_asked()
    {
        var auth = AddAuthorization();
        Guid vendorId;
        await using (var db = await Services.GetRequiredService<IDbContextFactory<PraTrackerDbContext>>().CreateDbContextAsync())
        {
            db.ViewAs(Viewer.System);
            var vendor = new Vendor { Name = $"Trial vendor {Guid.NewGuid():N}" };
            var agency = new Agency { Name = $"Police {Guid.NewGuid():N}", State = "CA", Kind = AgencyKind.PoliceDepartment };
            db.Contracts.Add(new Contract { Agency = agency, Vendor = vendor, Title = "Free trial", Status = ContractStatus.Trial, ProcurementMethod = ProcurementMethod.FreeTrial });
            await db.SaveChangesAsync();
            vendorId = vendor.Id;
        }

        auth.SetNotAuthorized();
        var visitorPage = Open($"/coverage?vendor={vendorId}");
        visitorPage.WaitForAssertion(() => Assert.Contains("Free trial", visitorPage.Markup), TimeSpan.FromSeconds(10));
        visitorPage.WaitForAssertion(() => Assert.Contains("No request filed · 1", visitorPage.Find("[data-testid=coverage-stage-NoneFiled]").TextContent), TimeSpan.FromSeconds(10));
        Assert.Empty(visitorPage.FindAll("[data-testid=coverage-file-unfiled]"));

        SignInAsStaff(auth);
        var staffPage = Open($"/coverage?vendor={vendorId}");
        staffPage.WaitForAssertion(() => Assert.Contains("Free trial", staffPage.Markup), TimeSpan.FromSeconds(10));
        staffPage.WaitForAssertion(() => Assert.Single(staffPage.FindAll("[data-testid=coverage-file-unfiled]")), TimeSpan.FromSeconds(10));
        var button = staffPage.Find("[data-testid=coverage-file-unfiled]");
        Assert.Equal("File with the 1 agency with no request", button.TextContent.Trim());
        Assert.Equal($"/campaigns/new?vendor={vendorId}&unfiled=true", button.GetAttribute("href"));
    }

    [Theory]
    [InlineData(null, "face-recognition", "face-recognition")]
    [InlineData("not-a-guid", " drones ", "drones")]
    [InlineData("", "", null)]
    [InlineData(null, null, null)]
    public void The_address_is_read_leniently(string? vendor, string? technology, string? expectedCode)
    {
        Assert.Equal(expectedCode, CoverageService.SubjectOf(vendor, technology)?.CategoryCode);
        Assert.Null(CoverageService.StageOf("9"));
        Assert.Null(CoverageService.StageOf("<script>"));
        Assert.Equal(CoverageStage.NoneFiled, CoverageService.StageOf("nonefiled"));
        Assert.Null(CoverageService.StateOf("'; DROP"));
        Assert.Equal("NY", CoverageService.StateOf(" ny"));
        Assert.Equal("/campaigns/new?technology=face-recognition&unfiled=true", CoverageService.NewCampaignAddress(CoverageSubject.Category("face-recognition")));
    }

    private IRenderedComponent<CoveragePage> Open(string address)
    {
        Services.GetRequiredService<NavigationManager>().NavigateTo(address);
        return Render<CoveragePage>();
    }

    private static void SignInAsStaff(Bunit.TestDoubles.BunitAuthorizationContext auth)
    {
        auth.SetAuthorized("attorney@aclu.example");
        auth.SetRoles(Roles.Attorney);
        auth.SetPolicies(Policies.Staff);
        auth.SetClaims(new Claim(ClaimTypes.NameIdentifier, "attorney-1"));
    }

    private async Task<(Guid VendorId, string PrivateReference)> ClearviewAsync()
    {
        await using var db = await Services.GetRequiredService<IDbContextFactory<PraTrackerDbContext>>().CreateDbContextAsync();
        db.ViewAs(Viewer.System);
        return (await db.Vendors.Where(v => v.Name == "Clearview AI").Select(v => v.Id).SingleAsync(),
            await db.Requests.Where(r => r.Title == PrivateTitle).Select(r => r.Reference).SingleAsync());
    }
}

public sealed class PostgresCoveragePageTests(PostgresDemoDatabase fixture) : CoveragePageTests<PostgresDemoDatabase>(fixture);
