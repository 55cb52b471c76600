using Microsoft.EntityFrameworkCore;
using PraTracker.Data.Database;

namespace PraTracker.Data.Contracts;

/// <summary>What can be followed: one agency or one vendor.</summary>
public sealed record FollowSubject(Guid? AgencyId, Guid? VendorId)
{
    public static FollowSubject Agency(Guid id) => new(id, null);

    public static FollowSubject Vendor(Guid id) => new(null, id);
}

/// <summary>An agency or vendor a user follows, as their alert settings list it.</summary>
public sealed record FollowRow(FollowSubject Subject, string Name, string Kind, string Href);

/// <summary>Following and unfollowing agencies and vendors; followers get the contract end and renewal alerts.</summary>
public static class Following
{
    public static Task<bool> IsFollowingAsync(PraTrackerDbContext db, string userId, FollowSubject subject, CancellationToken ct = default) =>
        Of(db, userId, subject).AnyAsync(ct);

    /// <summary>Follows the subject; following twice is the same as once.</summary>
    public static async Task FollowAsync(PraTrackerDbContext db, string userId, FollowSubject subject, DateTimeOffset now, CancellationToken ct = default)
    {
        if (await IsFollowingAsync(db, userId, subject, ct))
        {
            return;
        }

        db.Follows.Add(new Follow { UserId = userId, AgencyId = subject.AgencyId, VendorId = subject.VendorId, CreatedAt = now });
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // A double click may have raced us to the same row: then the user follows it either way.
            if (!await IsFollowingAsync(db, userId, subject, ct))
            {
                throw;
            }
        }
    }

    public static Task UnfollowAsync(PraTrackerDbContext db, string userId, FollowSubject subject, CancellationToken ct = default) =>
        Of(db, userId, subject).ExecuteDeleteAsync(ct);

    /// <summary>What the user follows, agencies first, by name.</summary>
    public static async Task<IReadOnlyList<FollowRow>> ListAsync(PraTrackerDbContext db, string userId, CancellationToken ct = default)
    {
        var rows = await db.Follows.AsNoTracking()
            .Where(f => f.UserId == userId)
            .Select(f => new { f.AgencyId, f.VendorId, Name = f.Agency != null ? f.Agency.Name : f.Vendor!.Name })
            .ToListAsync(ct);
        return [.. rows
            .Select(r => r.AgencyId is { } agency
                ? new FollowRow(FollowSubject.Agency(agency), r.Name, "Agency", $"/agencies/{agency}")
                : new FollowRow(FollowSubject.Vendor(r.VendorId!.Value), r.Name, "Vendor", $"/vendors/{r.VendorId}"))
            .OrderBy(r => r.Kind).ThenBy(r => r.Name, StringComparer.OrdinalIgnoreCase)];
    }

    private static IQueryable<Follow> Of(PraTrackerDbContext db, string userId, FollowSubject subject) =>
        db.Follows.Where(f => f.UserId == userId && f.AgencyId == subject.AgencyId && f.VendorId == subject.VendorId);
}
