namespace PraTracker.Data.Identity;

/// <summary>Who a query runs for; decides what private data it may return.</summary>
/// <param name="UserId">The signed-in user's id, or null for an anonymous visitor or the system.</param>
/// <param name="SeesPrivate">Whether private requests, unpublished documents and notes are visible.</param>
public sealed record Viewer(string? UserId, bool SeesPrivate)
{
    /// <summary>A journalist or member of the public: published and public data only.</summary>
    public static readonly Viewer Anonymous = new(null, false);

    /// <summary>Background jobs and start-up work, which see everything.</summary>
    public static readonly Viewer System = new(null, true);

    /// <summary>A signed-in attorney or admin.</summary>
    public static Viewer Staff(string userId) => new(userId, true);
}
