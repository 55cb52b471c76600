using MudBlazor;
using PraTracker.Data.Database;

namespace PraTracker.Web.Components.Shared;

/// <summary>Translates a MudDataGrid's paging and sorting into a server-side page request, and back.</summary>
public static class GridPaging
{
    public static PageRequest ToPageRequest<T>(this GridState<T> state)
    {
        var sort = state.SortDefinitions.FirstOrDefault();
        return new PageRequest(state.Page, state.PageSize, sort?.SortBy, sort?.Descending ?? false);
    }

    public static GridData<T> ToGridData<T>(this Page<T> page) => new() { Items = page.Items, TotalItems = page.TotalCount };
}
