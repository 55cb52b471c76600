using PraTracker.Data.Deadlines;

namespace PraTracker.Web.Components.Shared;

/// <summary>The names attorneys use for each kind of deadline.</summary>
public static class DeadlineLabels
{
    public static string Of(DeadlineKind kind) => DeadlineKindNames.Of(kind);

    public static string Of(HolidayObservance observance) => observance switch
    {
        HolidayObservance.None => "Kept on the day",
        HolidayObservance.NearestWeekday => "Saturday → Friday, Sunday → Monday",
        HolidayObservance.SundayToMonday => "Sunday → Monday",
        HolidayObservance.NextWeekday => "Next free weekday",
        _ => Labels.Of(observance),
    };
}
