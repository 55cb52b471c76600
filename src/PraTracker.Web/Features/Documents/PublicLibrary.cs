using Microsoft.EntityFrameworkCore;
using PraTracker.Data.Database;
using PraTracker.Data.Documents;
using PraTracker.Data.Identity;

namespace PraTracker.Web.Features.Documents;

/// <summary>Reads for what is shared beyond the app (feeds, the public API), always as an anonymous visitor, whoever asks.</summary>
public sealed class PublicLibrary(IDbContextFactory<PraTrackerDbContext> dbFactory)
{
    /// <summary>Runs one read on a context that sees only public data, then closes it.</summary>
    public async Task<T> ReadAsync<T>(Func<PraTrackerDbContext, Task<T>> read, CancellationToken ct = default)
    {
        await using var db = (await dbFactory.CreateDbContextAsync(ct)).ViewAs(Viewer.Anonymous);
        return await read(db);
    }

    /// <summary>The newest published documents for a feed, and the feed's title naming what it is narrowed to.</summary>
    public async Task<(string Title, IReadOnlyList<DocumentHit> Entries)> FeedAsync(DocumentSearchFilters filters, int take, CancellationToken ct = default)
    {
        await using var db = (await dbFactory.CreateDbContextAsync(ct)).ViewAs(Viewer.Anonymous);
        var subject = filters switch
        {
            { AgencyId: { } agency } => await db.Agencies.Where(a => a.Id == agency).Select(a => a.Name).SingleOrDefaultAsync(ct),
            { VendorId: { } vendor } => await db.Vendors.Where(v => v.Id == vendor).Select(v => v.Name).SingleOrDefaultAsync(ct),
            { CategoryCode: { Length: > 0 } code } => await db.TechnologyCategories.Where(c => c.Code == code).Select(c => c.Name).SingleOrDefaultAsync(ct),
            _ => null,
        };
        var title = subject is null ? "newly published documents" : $"newly published documents, {subject}";
        var newest = await DocumentSearch.SearchAsync(db, null, filters, new PageRequest(0, take), DocumentSort.Newest, ct);
        return (title, newest.Items);
    }
}
