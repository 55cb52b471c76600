using Microsoft.EntityFrameworkCore;
using PraTracker.Data.Database;

namespace PraTracker.Data.Agencies;

/// <summary>A row of the agencies list; the request count covers only requests the viewer may see.</summary>
public sealed record AgencyRow(Guid Id, string Name, AgencyKind Kind, string? City, string State, string? LawCode, int RequestCount);

/// <summary>Reads agencies; their request counts go through the request visibility filter.</summary>
public static class AgencyQueries
{
    public static Task<Page<AgencyRow>> ListAsync(PraTrackerDbContext db, string? text, PageRequest page, CancellationToken ct = default)
    {
        var agencies = db.Agencies.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(text))
        {
            var lowered = text.Trim().ToLower();
            agencies = agencies.Where(a => a.Name.ToLower().Contains(lowered) || (a.City != null && a.City.ToLower().Contains(lowered)));
        }

        var sorted = page.SortBy switch
        {
            nameof(AgencyRow.State) => agencies.OrderBy(a => a.State, page.Descending),
            nameof(AgencyRow.Kind) => agencies.OrderBy(a => a.Kind, page.Descending),
            nameof(AgencyRow.City) => agencies.OrderBy(a => a.City, page.Descending),
            nameof(AgencyRow.RequestCount) => agencies.OrderBy(a => db.Requests.Count(r => r.AgencyId == a.Id), page.Descending),
            _ => agencies.OrderBy(a => a.Name, page.Descending),
        };
        return sorted.ThenBy(a => a.Id)
            .Select(a => new AgencyRow(
                a.Id, a.Name, a.Kind, a.City, a.State, a.Law != null ? a.Law.Code : null,
                db.Requests.Count(r => r.AgencyId == a.Id)))
            .ToPageAsync(page, ct);
    }
}
