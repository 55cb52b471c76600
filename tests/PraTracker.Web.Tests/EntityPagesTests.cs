using System.Security.Claims;
using Bunit;
using Bunit.TestDoubles;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using PraTracker.Data;
using PraTracker.Data.Database;
using PraTracker.Data.Identity;
using PraTracker.Web.Features.Account;
using PraTracker.Web.Features.Agencies;
using PraTracker.Web.Features.Contracts;
using PraTracker.Web.Features.Vendors;
using PraTracker.Web.Security;

namespace PraTracker.Tests;

/// <summary>Agency, contract and vendor pages over the demo data, for visitors and for attorneys.</summary>
public abstract class EntityPagesTests<TFixture> : ComponentTestContext, IClassFixture<TFixture>
    where TFixture : DemoDatabaseFixture
{
    protected EntityPagesTests(TFixture fixture)
    {
        Services.AddSingleton(fixture.Configuration);
        Services.AddPraTrackerData(fixture.Configuration);
        Services.AddScoped<ViewerContextFactory>();
        AddLibraryServices();
        Services.AddScoped<AgencyService>();
        Services.AddScoped<ContractService>();
        Services.AddSingleton(Jobs.Email.SmtpSettings.FromConfiguration(fixture.Configuration));
        Services.AddScoped<AlertSettingsService>();
    }

    [Fact]
    public async Task An_attorney_follows_an_agency_from_its_page_and_finds_it_in_their_alert_settings()
    {
        var auth = AddAuthorization();
        var ids = await DemoIdsAsync();
        SignInAsAdmin(auth, ids.AdminId);

        var vendor = Render<VendorPage>(p => p.Add(x => x.Id, ids.Spokeo));
        vendor.WaitForAssertion(() => Assert.Equal("Following", vendor.Find("button[data-testid=follow]").TextContent.Trim()), TimeSpan.FromSeconds(10));

        var agency = Render<AgencyPage>(p => p.Add(x => x.Id, ids.Lapd));
        agency.WaitForAssertion(() => Assert.Equal("Follow", agency.Find("button[data-testid=follow]").TextContent.Trim()), TimeSpan.FromSeconds(10));
        await agency.InvokeAsync(() => agency.Find("button[data-testid=follow]").Click()); // the agency page renders on (its charts)
        agency.WaitForAssertion(() => Assert.Equal("Following", agency.Find("button[data-testid=follow]").TextContent.Trim()), TimeSpan.FromSeconds(10));

        var settings = Render<AlertSettingsPage>();
        settings.WaitForAssertion(() => Assert.Contains("Los Angeles Police Department", settings.Find("[data-testid=following]").TextContent), TimeSpan.FromSeconds(10));
        Assert.Contains("Spokeo", settings.Find("[data-testid=following]").TextContent);
        Assert.Equal("7, 2, 1, 0", settings.Find("input[data-testid=lead-days]").GetAttribute("value"));

        await agency.InvokeAsync(() => agency.Find("button[data-testid=follow]").Click()); // leave the shared demo data as it was
        agency.WaitForAssertion(() => Assert.Equal("Follow", agency.Find("button[data-testid=follow]").TextContent.Trim()), TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task Lead_times_that_cannot_be_read_are_explained_beside_the_field_and_not_saved()
    {
        var auth = AddAuthorization();
        var ids = await DemoIdsAsync();
        SignInAsAdmin(auth, ids.AdminId);
        var settings = Render<AlertSettingsPage>();
        settings.WaitForAssertion(() => Assert.NotNull(settings.Find("input[data-testid=lead-days]")), TimeSpan.FromSeconds(10));

        settings.Find("input[data-testid=lead-days]").Change("7, two");
        settings.Find("button[data-testid=alerts-save]").Click();
        settings.WaitForAssertion(() => Assert.Contains("whole numbers of days before the due date", settings.Markup), TimeSpan.FromSeconds(10));

        await using var db = await Services.GetRequiredService<IDbContextFactory<PraTrackerDbContext>>().CreateDbContextAsync();
        Assert.Null(await db.ViewAs(Viewer.System).Users.Where(u => u.Id == ids.AdminId).Select(u => u.AlertLeadDays).SingleAsync());
    }

    [Fact]
    public async Task A_visitor_sees_no_follow_button()
    {
        var auth = AddAuthorization();
        var ids = await DemoIdsAsync();
        auth.SetNotAuthorized();
        var page = Render<VendorPage>(p => p.Add(x => x.Id, ids.Spokeo));
        page.WaitForAssertion(() => Assert.Contains("Spokeo for Law Enforcement", page.Markup), TimeSpan.FromSeconds(10));
        Assert.Empty(page.FindAll("[data-testid=follow]"));
    }

    [Fact]
    public async Task A_visitor_sees_an_agencys_public_requests_and_record_but_not_its_private_ones_or_history()
    {
        var auth = AddAuthorization();
        var ids = await DemoIdsAsync();
        auth.SetNotAuthorized();
        var page = Render<AgencyPage>(p => p.Add(x => x.Id, ids.Lapd));

        page.WaitForAssertion(() => Assert.Contains("Los Angeles Police Department", page.Markup), TimeSpan.FromSeconds(10));
        var requests = page.Find("[data-testid=agency-requests]").TextContent;
        Assert.Contains("LAPD fictitious online personas", requests);
        Assert.DoesNotContain("Clearview AI trial accounts used by LAPD officers", requests);
        Assert.Contains("Sent requests counted: 1", page.Find("[data-testid=agency-scorecard]").TextContent);
        Assert.Contains("VoyagerAnalytics trial", page.Find("[data-testid=agency-contracts]").TextContent);
        Assert.Empty(page.FindAll("[data-testid=audit-history]"));
        Assert.Empty(page.FindAll("[data-testid=agency-edit]"));
    }

    [Fact]
    public async Task An_attorney_editing_an_agency_with_a_bad_e_mail_sees_why_beside_the_field()
    {
        var auth = AddAuthorization();
        var ids = await DemoIdsAsync();
        SignInAsAdmin(auth, ids.AdminId);
        var page = Render<AgencyPage>(p => p.Add(x => x.Id, ids.Lapd));
        page.WaitForAssertion(() => Assert.NotNull(page.Find("[data-testid=agency-edit]")), TimeSpan.FromSeconds(10));
        Assert.Contains("History", page.Find("[data-testid=audit-history]").TextContent);

        // The page goes on rendering (its scorecard's charts) after the button appears: found and clicked in one go.
        await page.InvokeAsync(() => page.Find("[data-testid=agency-edit] button, button[data-testid=agency-edit]").Click());
        page.WaitForAssertion(() => Assert.NotNull(page.Find("[data-testid=agency-form]")), TimeSpan.FromSeconds(10));
        var email = page.FindComponents<MudTextField<string>>().Single(f => f.Instance.Label == "Records e-mail");
        await page.InvokeAsync(() => email.Instance.ValueChanged.InvokeAsync("records at lapd"));
        await page.InvokeAsync(() => page.Find("button[data-testid=agency-save]").Click());

        page.WaitForAssertion(() => Assert.Contains("\"records at lapd\" is not an e-mail address.", page.Markup), TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task An_attorney_gives_a_vendor_other_names_on_its_form_and_its_page_shows_them_as_saved()
    {
        var auth = AddAuthorization();
        var ids = await DemoIdsAsync();
        SignInAsAdmin(auth, ids.AdminId);
        var page = Render<VendorPage>(p => p.Add(x => x.Id, ids.Clearview));

        await SaveOtherNamesAsync(page, "vendor", "  Clearview \n\nClearview.ai\nclearview ai");

        page.WaitForAssertion(() => Assert.Equal("Also known as: Clearview, Clearview.ai", page.Find("[data-testid=also-known-as]").TextContent.Trim()), TimeSpan.FromSeconds(10));
        await using var db = await Services.GetRequiredService<IDbContextFactory<PraTrackerDbContext>>().CreateDbContextAsync();
        db.ViewAs(Viewer.System);
        Assert.Equal("Clearview\nClearview.ai", await db.Vendors.Where(v => v.Id == ids.Clearview).Select(v => v.Aliases).SingleAsync());
        await db.Vendors.Where(v => v.Id == ids.Clearview).ExecuteUpdateAsync(s => s.SetProperty(v => v.Aliases, (string?)null)); // leave the shared demo data as it was
    }

    [Fact]
    public async Task An_attorney_gives_an_agency_other_names_on_its_form_and_its_page_shows_them_as_saved()
    {
        var auth = AddAuthorization();
        var ids = await DemoIdsAsync();
        SignInAsAdmin(auth, ids.AdminId);
        var page = Render<AgencyPage>(p => p.Add(x => x.Id, ids.Sfpd));

        await SaveOtherNamesAsync(page, "agency", "SFPD\nS.F.P.D.\nsfpd");

        page.WaitForAssertion(() => Assert.Equal("Also known as: SFPD, S.F.P.D.", page.Find("[data-testid=also-known-as]").TextContent.Trim()), TimeSpan.FromSeconds(10));
        await using var db = await Services.GetRequiredService<IDbContextFactory<PraTrackerDbContext>>().CreateDbContextAsync();
        db.ViewAs(Viewer.System);
        Assert.Equal("SFPD\nS.F.P.D.", await db.Agencies.Where(a => a.Id == ids.Sfpd).Select(a => a.Aliases).SingleAsync());
        await db.Agencies.Where(a => a.Id == ids.Sfpd).ExecuteUpdateAsync(s => s.SetProperty(a => a.Aliases, (string?)null)); // leave the shared demo data as it was
    }

    [Fact]
    public async Task A_vendor_page_lists_the_agencies_that_contract_with_it_and_a_contract_page_its_terms()
    {
        var auth = AddAuthorization();
        var ids = await DemoIdsAsync();
        auth.SetNotAuthorized();
        var vendor = Render<VendorPage>(p => p.Add(x => x.Id, ids.Spokeo));
        vendor.WaitForAssertion(() => Assert.Contains("Pasadena Police Department", vendor.Find("[data-testid=vendor-customers]").TextContent), TimeSpan.FromSeconds(10));
        Assert.Contains("Pasadena police use of Spokeo for Law Enforcement", vendor.Find("[data-testid=related-requests]").TextContent);

        var contract = Render<ContractPage>(p => p.Add(x => x.Id, ids.SpokeoContract));
        contract.WaitForAssertion(() => Assert.Contains("Spokeo for Law Enforcement subscription", contract.Markup), TimeSpan.FromSeconds(10));
        Assert.Contains("Active", contract.Find("[data-testid=contract-terms]").TextContent);
        Assert.Contains("PRA-", contract.Find("[data-testid=related-requests]").TextContent);
    }


    /// <summary>
    /// Clicks Edit on a vendor's or agency's page, types its other names and saves. The page goes on rendering (an agency's
    /// scorecard charts) after the button appears, so each element is found and clicked in one go.
    /// </summary>
    private static async Task SaveOtherNamesAsync<TPage>(IRenderedComponent<TPage> page, string form, string names)
        where TPage : IComponent
    {
        page.WaitForAssertion(() => Assert.NotNull(page.Find($"button[data-testid={form}-edit]")), TimeSpan.FromSeconds(10));
        await page.InvokeAsync(() => page.Find($"button[data-testid={form}-edit]").Click());
        page.WaitForAssertion(() => Assert.NotNull(page.Find($"textarea[data-testid={form}-aliases]")), TimeSpan.FromSeconds(10));
        await page.InvokeAsync(() => page.Find($"textarea[data-testid={form}-aliases]").Change(names));
        await page.InvokeAsync(() => page.Find($"button[data-testid={form}-save]").Click());
    }

    private async Task<(Guid Lapd, Guid Sfpd, Guid Spokeo, Guid Clearview, Guid SpokeoContract, string AdminId)> DemoIdsAsync()
    {
        await using var db = await Services.GetRequiredService<IDbContextFactory<PraTrackerDbContext>>().CreateDbContextAsync();
        db.ViewAs(Viewer.System);
        return (
            await db.Agencies.Where(a => a.Name == "Los Angeles Police Department").Select(a => a.Id).SingleAsync(),
            await db.Agencies.Where(a => a.Name == "San Francisco Police Department").Select(a => a.Id).SingleAsync(),
            await db.Vendors.Where(v => v.Name == "Spokeo").Select(v => v.Id).SingleAsync(),
            await db.Vendors.Where(v => v.Name == "Clearview AI").Select(v => v.Id).SingleAsync(),
            await db.Contracts.Where(c => c.Title == "Spokeo for Law Enforcement subscription").Select(c => c.Id).SingleAsync(),
            await db.Users.Select(u => u.Id).FirstAsync());
    }
}

public sealed class PostgresEntityPagesTests(PostgresDemoDatabase fixture) : EntityPagesTests<PostgresDemoDatabase>(fixture);

public sealed class SqliteEntityPagesTests(SqliteDemoDatabase fixture) : EntityPagesTests<SqliteDemoDatabase>(fixture);
