using Microsoft.Extensions.Caching.Memory;
using PraTracker.Data.Documents;
using PraTracker.Data.Identity;

namespace PraTracker.Web.Features.Documents;

/// <summary>
/// The home page's overview as anonymous visitors see it, kept for a short while: it counts every published document
/// by agency, vendor and technology, which at 50,000 documents costs far more than a page view may (the benchmark,
/// docs/performance.md). Staff, who also see private counts, always read it fresh; publishing or withdrawing a
/// document through this instance forgets it at once, other instances see the change when it expires.
/// </summary>
public sealed class LibraryOverviewCache(IMemoryCache cache, IConfiguration configuration)
{
    /// <summary>How long visitors may see an overview, in seconds; 0 reads it fresh every time.</summary>
    public const string SecondsKey = "Library:OverviewCacheSeconds";

    private const string Key = "library-overview:anonymous";

    private TimeSpan Lifetime => TimeSpan.FromSeconds(configuration.GetValue(SecondsKey, 30));

    public async Task<LibraryOverview> GetAsync(Viewer viewer, Func<Task<LibraryOverview>> read)
    {
        if (viewer.SeesPrivate || Lifetime <= TimeSpan.Zero)
        {
            return await read();
        }

        return (await cache.GetOrCreateAsync(Key, entry =>
        {
            entry.AbsoluteExpirationRelativeToNow = Lifetime;
            return read();
        }))!;
    }

    public void Forget() => cache.Remove(Key);
}
