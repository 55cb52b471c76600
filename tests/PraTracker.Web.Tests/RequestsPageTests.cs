using System.Security.Claims;
using Bunit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using PraTracker.Data;
using PraTracker.Data.Database;
using PraTracker.Data.Identity;
using PraTracker.Web.Features.Requests;
using PraTracker.Web.Security;

namespace PraTracker.Tests;

/// <summary>A database with the demo data, seeded once for a class of component tests.</summary>
public abstract class DemoDatabaseFixture(DatabaseProvider provider) : IAsyncLifetime
{
    public TestDatabase Database { get; private set; } = null!;

    public IConfiguration Configuration { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Database = await TestDatabase.CreateAsync(provider);
        Configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(Database.AppSettings)
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Demo:Seed"] = "true", ["Admin:Password"] = "Correct-Horse-Battery-42" })
            .Build();
        await using var services = new ServiceCollection().AddLogging().AddSingleton(Configuration).AddPraTrackerData(Configuration).BuildServiceProvider();
        await using var scope = services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<DatabaseInitializer>().InitializeAsync(TextWriter.Null);
    }

    public async Task DisposeAsync() => await Database.DisposeAsync();
}

public sealed class PostgresDemoDatabase() : DemoDatabaseFixture(DatabaseProvider.Postgres);

public sealed class SqliteDemoDatabase() : DemoDatabaseFixture(DatabaseProvider.Sqlite);

/// <summary>The requests list rendered from the real database, as each kind of viewer sees it.</summary>
public abstract class RequestsPageTests<TFixture> : ComponentTestContext, IClassFixture<TFixture>
    where TFixture : DemoDatabaseFixture
{
    protected RequestsPageTests(TFixture fixture)
    {
        Services.AddSingleton(fixture.Configuration);
        Services.AddPraTrackerData(fixture.Configuration);
        Services.AddScoped<ViewerContextFactory>();
        Services.AddScoped<RequestService>();
        Services.AddScoped<PraTracker.Web.Features.Exemptions.ExemptionService>();
    }

    [Fact]
    public void Anonymous_visitors_see_public_requests_only()
    {
        AddAuthorization().SetNotAuthorized();
        var page = Render<RequestsPage>();

        page.WaitForAssertion(() => Assert.Contains("Pasadena police use of Spokeo for Law Enforcement", page.Markup), TimeSpan.FromSeconds(10));
        Assert.Contains("LAPD fictitious online personas and social-media analytics", page.Markup);
        Assert.DoesNotContain("Clearview AI trial accounts used by LAPD officers", page.Markup);
        Assert.DoesNotContain("Meta Pixel", page.Markup);
        Assert.DoesNotContain("Private", page.Find("[data-testid=requests-grid] tbody").TextContent);
    }

    [Fact]
    public void Attorneys_see_private_requests_marked_as_private()
    {
        var auth = AddAuthorization();
        auth.SetAuthorized("attorney@aclu.example");
        auth.SetRoles(Roles.Attorney);
        auth.SetClaims(new Claim(ClaimTypes.NameIdentifier, "attorney-1"));
        var page = Render<RequestsPage>();

        page.WaitForAssertion(() => Assert.Contains("Clearview AI trial accounts used by LAPD officers", page.Markup), TimeSpan.FromSeconds(10));
        Assert.Contains("Meta Pixel on SFPD online crime-reporting pages", page.Markup);
        Assert.Equal(17, page.FindAll("[data-testid=requests-grid] tbody tr").Count);
        Assert.Equal(2, page.FindAll("[data-testid=requests-grid] tbody tr").Count(row => row.TextContent.Contains("Private")));
    }
}

public sealed class PostgresRequestsPageTests(PostgresDemoDatabase fixture) : RequestsPageTests<PostgresDemoDatabase>(fixture);

public sealed class SqliteRequestsPageTests(SqliteDemoDatabase fixture) : RequestsPageTests<SqliteDemoDatabase>(fixture);
