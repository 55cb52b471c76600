using Microsoft.EntityFrameworkCore;
using PraTracker.Data.Database;

namespace PraTracker.Data.Identity;

/// <summary>A user as the admin page lists them.</summary>
public sealed record UserRow(string Id, string DisplayName, string? Email, IReadOnlyList<string> Roles);

/// <summary>Reads users and their roles for admins.</summary>
public static class UserQueries
{
    public static async Task<IReadOnlyList<UserRow>> ListAsync(PraTrackerDbContext db, CancellationToken ct = default)
    {
        return await db.Users.AsNoTracking()
            .OrderBy(u => u.Email)
            .Select(u => new UserRow(
                u.Id, u.DisplayName, u.Email,
                db.UserRoles.Where(ur => ur.UserId == u.Id)
                    .Join(db.Roles, ur => ur.RoleId, r => r.Id, (ur, r) => r.Name!)
                    .OrderBy(n => n).ToList()))
            .ToListAsync(ct);
    }
}
