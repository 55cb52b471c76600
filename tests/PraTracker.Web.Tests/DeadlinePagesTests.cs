using System.Security.Claims;
using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using PraTracker.Data;
using PraTracker.Data.Database;
using PraTracker.Data.Deadlines;
using PraTracker.Data.Identity;
using PraTracker.Data.Requests;
using PraTracker.Web.Features.Deadlines;
using PraTracker.Web.Features.Requests;
using PraTracker.Web.Security;

namespace PraTracker.Tests;

/// <summary>The calculator and a request's deadlines as people use them, rendered over the real database.</summary>
public abstract class DeadlinePagesTests<TFixture> : ComponentTestContext, IClassFixture<TFixture>
    where TFixture : DemoDatabaseFixture
{
    protected DeadlinePagesTests(TFixture fixture)
    {
        AddRequestPageServices(fixture.Configuration);
        Services.AddScoped<DeadlineCalculatorService>();
    }

    [Fact]
    public async Task Anyone_can_count_a_California_deadline_with_its_extension_and_see_the_law_in_words()
    {
        AddAuthorization().SetNotAuthorized();
        var page = Render<DeadlineCalculatorPage>();
        // The laws have loaded when the select shows the first of them, federal FOIA.
        page.WaitForAssertion(() => Assert.Contains("value=\"US-FED\"", page.Markup), TimeSpan.FromSeconds(10));

        await page.InvokeAsync(() => page.FindComponent<MudSelect<string>>().Instance.ValueChanged.InvokeAsync("US-CA"));
        await page.InvokeAsync(() => page.FindComponent<MudDatePicker>().Instance.DateChanged.InvokeAsync(new DateTime(2026, 3, 2)));
        await page.InvokeAsync(() => page.FindComponent<MudCheckBox<bool>>().Instance.ValueChanged.InvokeAsync(true));
        page.FindAll("button").Single(b => b.TextContent.Contains("Calculate")).Click();

        page.WaitForAssertion(() => Assert.Equal(2, page.FindAll("[data-testid=computed-deadline]").Count), TimeSpan.FromSeconds(10));
        var results = page.FindAll("[data-testid=computed-deadline]").Select(e => e.TextContent).ToList();
        Assert.Contains("Response: Thursday 2026-03-12", results[0]);
        Assert.Contains("Extended response: Thursday 2026-03-26", results[1]);
        Assert.Contains("14 calendar days after the original due date", results[1]);
        var summary = page.Find("[data-testid=law-summary]").TextContent;
        Assert.Contains("California Public Records Act", summary);
        Assert.Contains("Read in the statute", summary);
    }

    [Fact]
    public async Task The_calculator_says_plainly_when_a_law_sets_no_fixed_period()
    {
        AddAuthorization().SetNotAuthorized();
        Services.GetRequiredService<NavigationManager>().NavigateTo("/deadlines/calculator?law=US-TX");
        var page = Render<DeadlineCalculatorPage>();
        page.WaitForAssertion(() => Assert.Contains("value=\"US-TX\"", page.Markup), TimeSpan.FromSeconds(10));

        await page.InvokeAsync(() => page.FindComponent<MudDatePicker>().Instance.DateChanged.InvokeAsync(new DateTime(2026, 3, 2)));
        page.FindAll("button").Single(b => b.TextContent.Contains("Calculate")).Click();

        page.WaitForAssertion(() => Assert.Contains("sets no fixed response period", page.Find("[data-testid=no-fixed-period]").TextContent), TimeSpan.FromSeconds(10));
        Assert.Empty(page.FindAll("[data-testid=computed-deadline]"));
    }

    [Fact]
    public async Task An_attorney_logs_an_extension_notice_and_sees_the_deadlines_change_with_their_explanations()
    {
        var auth = AddAuthorization(); // before the first service is resolved
        var (requestId, adminId) = await DemoRequestAsync("Pasadena police use of Spokeo for Law Enforcement");
        SignInAsAdmin(auth, adminId);
        var page = Render<RequestPage>(p => p.Add(x => x.Id, requestId));
        page.WaitForAssertion(() => Assert.Single(page.FindAll("[data-testid=deadline]")), TimeSpan.FromSeconds(10));
        Assert.StartsWith("Response:", page.Find("[data-testid=deadline-title]").TextContent);

        await page.InvokeAsync(() => page.FindComponent<MudSelect<RequestEventKind>>().Instance.ValueChanged.InvokeAsync(RequestEventKind.ExtensionNotice));
        page.Find("[data-testid=event-form] textarea").Change("Extension: unusual circumstances (records held by the police department).");
        page.Find("[data-testid=event-form] form").Submit();

        page.WaitForAssertion(() => Assert.Equal(2, page.FindAll("[data-testid=deadline]").Count), TimeSpan.FromSeconds(10));
        var deadlines = page.FindAll("[data-testid=deadline]").Select(d => d.TextContent).ToList();
        Assert.StartsWith("Extended response:", deadlines[0]);
        Assert.Contains("14 calendar days after the original due date", deadlines[0]);
        Assert.Contains("Replaced", deadlines[1]);
        Assert.Contains(page.FindAll("[data-testid=timeline-event]"), e => e.TextContent.Contains("Extension notice"));
    }

    [Fact]
    public async Task Anonymous_visitors_see_a_public_requests_deadlines_explained_but_cannot_log_events()
    {
        var auth = AddAuthorization();
        var (requestId, _) = await DemoRequestAsync("LAPD fictitious online personas and social-media analytics");
        auth.SetNotAuthorized();
        var page = Render<RequestPage>(p => p.Add(x => x.Id, requestId));

        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("[data-testid=deadline]")), TimeSpan.FromSeconds(10));
        Assert.Contains("Cal. Gov. Code § 7922.535", page.Find("[data-testid=deadline]").TextContent);
        Assert.Empty(page.FindAll("[data-testid=event-form]"));
        Assert.Empty(page.FindAll("[data-testid=working-deadline-form]"));
    }

    private async Task<(Guid RequestId, string AdminId)> DemoRequestAsync(string title)
    {
        await using var db = await Services.GetRequiredService<IDbContextFactory<PraTrackerDbContext>>().CreateDbContextAsync();
        db.ViewAs(Viewer.System);
        var requestId = await db.Requests.Where(r => r.Title == title).Select(r => r.Id).SingleAsync();
        var adminId = await db.Users.Select(u => u.Id).FirstAsync();
        return (requestId, adminId);
    }
}

public sealed class PostgresDeadlinePagesTests(PostgresDemoDatabase fixture) : DeadlinePagesTests<PostgresDemoDatabase>(fixture);

public sealed class SqliteDeadlinePagesTests(SqliteDemoDatabase fixture) : DeadlinePagesTests<SqliteDemoDatabase>(fixture);
