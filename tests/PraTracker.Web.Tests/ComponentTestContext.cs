using System.Security.Claims;
using Bunit;
using Bunit.TestDoubles;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
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

    // MudBlazor registers services that only dispose asynchronously, so the context must be disposed that way.
    async Task IAsyncLifetime.DisposeAsync() => await DisposeAsync();
}
