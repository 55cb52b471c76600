using Microsoft.EntityFrameworkCore;
using PraTracker.Data.Database;

namespace PraTracker.Data.Contracts;

/// <summary>What can be followed: one agency or one vendor.</summary>
public sealed record FollowSubject(Guid? AgencyId, Guid? VendorId)
{
    public static FollowSubject Agency(Guid id) => new(id, null);

    public static FollowSubject Vendor(Guid id) => new(null, id);
}

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

    private static IQueryable<Follow> Of(PraTrackerDbContext db, string userId, FollowSubject subject) =>
        db.Follows.Where(f => f.UserId == userId && f.AgencyId == subject.AgencyId && f.VendorId == subject.VendorId);
}
