using Microsoft.EntityFrameworkCore;
using PraTracker.Data.Database;
using PraTracker.Data.Identity;

namespace PraTracker.Web.Features.Admin;

/// <summary>The admin page's reads.</summary>
public sealed class AdminService(IDbContextFactory<PraTrackerDbContext> dbFactory)
{
    public async Task<IReadOnlyList<UserRow>> ListUsersAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await UserQueries.ListAsync(db, ct);
    }
}
