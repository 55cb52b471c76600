namespace PraTracker.Web.Components.Shared;

/// <summary>MudBlazor's date pickers speak DateTime; the law counts DateOnly.</summary>
public static class Dates
{
    public static DateTime? ToPicker(DateOnly? date) => date?.ToDateTime(TimeOnly.MinValue);

    public static DateOnly? FromPicker(DateTime? date) => date is { } d ? DateOnly.FromDateTime(d) : null;
}
