using System.Security.Claims;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.EntityFrameworkCore;
using PraTracker.Data.Database;
using PraTracker.Data.Identity;

namespace PraTracker.Web.Security;

/// <summary>Opens a database context that runs as whoever is looking at the page.</summary>
public sealed class ViewerContextFactory(IDbContextFactory<PraTrackerDbContext> dbFactory, AuthenticationStateProvider authentication)
{
    public async Task<PraTrackerDbContext> OpenAsync(CancellationToken ct = default)
    {
        var state = await authentication.GetAuthenticationStateAsync();
        return (await dbFactory.CreateDbContextAsync(ct)).ViewAs(ViewerOf(state.User));
    }

    /// <summary>Runs one read on a context opened for the current viewer, then closes it.</summary>
    public async Task<T> ReadAsync<T>(Func<PraTrackerDbContext, Task<T>> read, CancellationToken ct = default)
    {
        await using var db = await OpenAsync(ct);
        return await read(db);
    }

    /// <summary>Opens a context for a change only staff may make; anyone else gets an exception, whatever the page showed.</summary>
    public async Task<PraTrackerDbContext> OpenAsStaffAsync(CancellationToken ct = default)
    {
        var db = await OpenAsync(ct);
        if (db.Viewer is { SeesPrivate: true, UserId: not null })
        {
            return db;
        }

        await db.DisposeAsync();
        throw new UnauthorizedAccessException("Only attorneys and admins can make this change.");
    }

    /// <summary>Staff see private data; anyone else, signed in or not, is an anonymous viewer.</summary>
    public static Viewer ViewerOf(ClaimsPrincipal user)
    {
        var userId = user.FindFirstValue(ClaimTypes.NameIdentifier);
        var isStaff = user.Identity?.IsAuthenticated == true && (user.IsInRole(Roles.Admin) || user.IsInRole(Roles.Attorney));
        return isStaff && userId is not null ? Viewer.Staff(userId) : Viewer.Anonymous;
    }
}
