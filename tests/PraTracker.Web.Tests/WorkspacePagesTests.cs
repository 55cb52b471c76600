using System.Security.Claims;
using Bunit;
using Bunit.TestDoubles;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PraTracker.Data;
using PraTracker.Data.Database;
using PraTracker.Data.Identity;
using PraTracker.Web.Features.Requests;
using PraTracker.Web.Security;

namespace PraTracker.Tests;

/// <summary>The attorney's workspace pages over the demo data: the new-request form and the filtered list.</summary>
public abstract class WorkspacePagesTests<TFixture> : ComponentTestContext, IClassFixture<TFixture>
    where TFixture : DemoDatabaseFixture
{
    protected WorkspacePagesTests(TFixture fixture)
    {
        AddRequestPageServices(fixture.Configuration);
    }

    [Fact]
    public async Task Saving_an_empty_new_request_shows_each_problem_beside_its_field_and_saves_nothing()
    {
        var auth = AddAuthorization();
        var (adminId, before) = await AdminAndRequestCountAsync();
        SignInAsAdmin(auth, adminId);
        var page = Render<NewRequestPage>();
        page.WaitForAssertion(() => Assert.NotNull(page.Find("[data-testid=request-save]")), TimeSpan.FromSeconds(10));

        page.Find("[data-testid=request-save]").Click();

        page.WaitForAssertion(() => Assert.Contains("Give the request a title.", page.Markup), TimeSpan.FromSeconds(10));
        Assert.Contains("Pick the agency the request goes to.", page.Markup);
        Assert.Contains("Write the request (or generate the letter and edit it).", page.Markup);
        Assert.Equal(before, (await AdminAndRequestCountAsync()).Requests);
    }

    [Fact]
    public void Filters_come_from_the_address_so_a_filtered_view_can_be_shared()
    {
        AddAuthorization().SetNotAuthorized();
        Services.GetRequiredService<NavigationManager>().NavigateTo("/requests?status=Closed");
        var page = Render<RequestsPage>();

        page.WaitForAssertion(() => Assert.Contains("FBI use of Clearview AI", page.Find("[data-testid=requests-grid] tbody").TextContent), TimeSpan.FromSeconds(10));
        Assert.All(page.FindAll("[data-testid=requests-grid] tbody tr"), row => Assert.Contains("Closed", row.TextContent));
        Assert.DoesNotContain("LAPD fictitious online personas", page.Find("[data-testid=requests-grid] tbody").TextContent);
    }

    [Fact]
    public async Task An_attorney_can_list_only_overdue_requests()
    {
        var auth = AddAuthorization();
        var (adminId, _) = await AdminAndRequestCountAsync();
        SignInAsAdmin(auth, adminId);
        Services.GetRequiredService<NavigationManager>().NavigateTo("/requests?overdue=true");
        var page = Render<RequestsPage>();

        // The LAPD personas request's extended deadline passed a week ago with no response.
        page.WaitForAssertion(() => Assert.Single(page.FindAll("[data-testid=requests-grid] tbody tr")), TimeSpan.FromSeconds(10));
        Assert.Contains("LAPD fictitious online personas", page.Find("[data-testid=requests-grid] tbody").TextContent);
    }


    private async Task<(string AdminId, int Requests)> AdminAndRequestCountAsync()
    {
        await using var db = await Services.GetRequiredService<IDbContextFactory<PraTrackerDbContext>>().CreateDbContextAsync();
        db.ViewAs(Viewer.System);
        return (await db.Users.Select(u => u.Id).FirstAsync(), await db.Requests.CountAsync());
    }
}

public sealed class PostgresWorkspacePagesTests(PostgresDemoDatabase fixture) : WorkspacePagesTests<PostgresDemoDatabase>(fixture);

public sealed class SqliteWorkspacePagesTests(SqliteDemoDatabase fixture) : WorkspacePagesTests<SqliteDemoDatabase>(fixture);
