using Microsoft.EntityFrameworkCore;

namespace PraTracker.Data.Database;

/// <summary>One page of a server-side list: zero-based page, size, and a sort key the query knows.</summary>
public sealed record PageRequest(int Page = 0, int PageSize = 25, string? SortBy = null, bool Descending = false)
{
    public const int MaxPageSize = 200;

    public int Skip => Math.Max(0, Page) * Take;
    public int Take => Math.Clamp(PageSize, 1, MaxPageSize);
}

/// <summary>A page of rows and the total count of rows matching the filter.</summary>
public sealed record Page<T>(IReadOnlyList<T> Items, int TotalCount);

/// <summary>Runs a filtered, sorted query as one page plus its total.</summary>
public static class PagingExtensions
{
    public static async Task<Page<T>> ToPageAsync<T>(this IQueryable<T> sorted, PageRequest page, CancellationToken ct = default)
    {
        var total = await sorted.CountAsync(ct);
        var items = await sorted.Skip(page.Skip).Take(page.Take).ToListAsync(ct);
        return new Page<T>(items, total);
    }

    public static IOrderedQueryable<T> OrderBy<T, TKey>(this IQueryable<T> query, System.Linq.Expressions.Expression<Func<T, TKey>> key, bool descending) =>
        descending ? query.OrderByDescending(key) : Queryable.OrderBy(query, key);
}
