using System.Security.Claims;
using Bunit;
using Bunit.TestDoubles;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using MudBlazor.Services;
using PraTracker.Data.Database;
using PraTracker.Data.Identity;
using PraTracker.Web.Security;

namespace PraTracker.Tests;

/// <summary>The one bUnit context for component tests: MudBlazor's services, loose JS interop, no popover-provider check.</summary>
public abstract class ComponentTestContext : BunitContext, IAsyncLifetime
{
    protected ComponentTestContext()
    {
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddMudServices(options => options.PopoverOptions.CheckForPopoverProvider = false);
    }

    public virtual Task InitializeAsync() => Task.CompletedTask;

    /// <summary>The services of the library's panels on request, agency and vendor pages; reading a page queues no job.</summary>
    protected void AddLibraryServices()
    {
        Services.TryAddSingleton<Hangfire.IBackgroundJobClient>(new UnusedJobClient());
        Services.TryAddSingleton<PraTracker.Jobs.Documents.DocumentExtraction>();
        Services.AddScoped<PraTracker.Web.Features.Documents.DocumentService>();
        Services.AddSingleton<PraTracker.Web.Features.Documents.LibraryOverviewCache>();
    }

    /// <summary>The services of the correspondence panels on request pages and the dashboard; reading a page queues no job.</summary>
    protected void AddCorrespondenceServices(Microsoft.Extensions.Configuration.IConfiguration configuration)
    {
        Services.TryAddSingleton<Hangfire.IBackgroundJobClient>(new UnusedJobClient());
        Services.TryAddSingleton<PraTracker.Jobs.Documents.DocumentExtraction>();
        PraTracker.Jobs.JobsServiceCollectionExtensions.AddPraTrackerMail(Services, configuration);
        Services.AddScoped<PraTracker.Web.Features.Correspondence.CorrespondenceService>();
    }

    /// <summary>The services a request's page and its panels read through, over the configured database.</summary>
    protected void AddRequestPageServices(Microsoft.Extensions.Configuration.IConfiguration configuration)
    {
        Services.AddSingleton(configuration);
        PraTracker.Data.DataServiceCollectionExtensions.AddPraTrackerData(Services, configuration);
        Services.AddScoped<PraTracker.Web.Security.ViewerContextFactory>();
        AddLibraryServices();
        AddCorrespondenceServices(configuration);
        Services.AddScoped<PraTracker.Web.Features.Requests.RequestService>();
        Services.AddScoped<PraTracker.Web.Features.Exemptions.ExemptionService>();
    }

    /// <summary>Signs the rendered pages in as the demo's admin, who is staff too.</summary>
    protected static void SignInAsAdmin(BunitAuthorizationContext auth, string userId)
    {
        auth.SetAuthorized("admin@pratracker.local");
        auth.SetRoles(Roles.Admin);
        auth.SetPolicies(Policies.Staff, Policies.Admin);
        auth.SetClaims(new Claim(ClaimTypes.NameIdentifier, userId), new Claim(ClaimTypes.Role, Roles.Admin));
    }

    /// <summary>The demo admin's user id; resolve services only after AddAuthorization.</summary>
    protected async Task<string> DemoAdminIdAsync()
    {
        await using var db = await Services.GetRequiredService<IDbContextFactory<PraTrackerDbContext>>().CreateDbContextAsync();
        db.ViewAs(Viewer.System);
        return await db.Users.Select(u => u.Id).FirstAsync();
    }

    /// <summary>A job client for pages that must not queue anything: any attempt fails the test.</summary>
    protected sealed class UnusedJobClient : Hangfire.IBackgroundJobClient
    {
        public string Create(Hangfire.Common.Job job, Hangfire.States.IState state) => throw new InvalidOperationException("No job should be enqueued by reading a page.");

        public bool ChangeState(string jobId, Hangfire.States.IState state, string expectedState) => throw new InvalidOperationException("No job should change state here.");
    }

    // MudBlazor registers services that only dispose asynchronously, so the context must be disposed that way.
    async Task IAsyncLifetime.DisposeAsync() => await DisposeAsync();
}
