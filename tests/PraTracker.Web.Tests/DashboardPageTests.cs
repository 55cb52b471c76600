using System.Security.Claims;
using Bunit;
using Bunit.TestDoubles;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PraTracker.Data;
using PraTracker.Data.Database;
using PraTracker.Data.Identity;
using PraTracker.Web.Features.Admin;
using PraTracker.Web.Features.Dashboard;
using PraTracker.Web.Security;

namespace PraTracker.Tests;

/// <summary>The dashboard and the admin list of laws over the demo data.</summary>
public abstract class DashboardPageTests<TFixture> : ComponentTestContext, IClassFixture<TFixture>
    where TFixture : DemoDatabaseFixture
{
    protected DashboardPageTests(TFixture fixture)
    {
        Services.AddSingleton(fixture.Configuration);
        Services.AddPraTrackerData(fixture.Configuration);
        Services.AddScoped<ViewerContextFactory>();
        Services.AddScoped<DashboardService>();
        AddCorrespondenceServices(fixture.Configuration);
        Services.AddScoped<DeadlineRulesService>();
        Services.AddScoped<Jobs.Deadlines.DeadlineRecalculation>();
        Services.AddSingleton<Hangfire.IBackgroundJobClient>(new UnusedJobClient());
    }

    [Fact]
    public async Task The_dashboard_shows_overdue_and_due_soon_deadlines_explained_the_longest_waits_and_recent_activity()
    {
        var auth = AddAuthorization();
        SignInAsAdmin(auth, await DemoAdminIdAsync());
        var page = Render<DashboardPage>();

        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("[data-testid=deadlines-due] tbody tr")), TimeSpan.FromSeconds(10));
        var due = page.Find("[data-testid=deadlines-due]").TextContent;
        Assert.Contains("days overdue", due); // the LAPD personas request's extended deadline
        Assert.Contains("Clearview AI trial accounts used by LAPD officers", due); // private, and the attorney sees it
        Assert.Contains("Cal. Gov. Code § 7922.535", due);
        page.WaitForAssertion(() => Assert.Contains("LAPD fictitious online personas", page.Find("[data-testid=awaiting]").TextContent), TimeSpan.FromSeconds(10));
        Assert.Contains("Final production", page.Find("[data-testid=recent-activity]").TextContent);
    }

    [Fact]
    public async Task An_admin_sees_every_seeded_law_with_its_confidence()
    {
        var auth = AddAuthorization();
        SignInAsAdmin(auth, await DemoAdminIdAsync());
        var page = Render<LawsPage>();

        page.WaitForAssertion(() => Assert.Equal(53, page.FindAll("[data-testid=laws] tbody tr").Count), TimeSpan.FromSeconds(10));
        var texas = page.FindAll("[data-testid=laws] tbody tr").Single(r => r.TextContent.Contains("US-TX"));
        Assert.Contains("No fixed period", texas.TextContent);
        Assert.Contains("Statute", texas.TextContent);
    }
}

public sealed class PostgresDashboardPageTests(PostgresDemoDatabase fixture) : DashboardPageTests<PostgresDemoDatabase>(fixture);

public sealed class SqliteDashboardPageTests(SqliteDemoDatabase fixture) : DashboardPageTests<SqliteDemoDatabase>(fixture);
