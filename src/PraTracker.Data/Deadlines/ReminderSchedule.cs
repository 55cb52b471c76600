namespace PraTracker.Data.Deadlines;

/// <summary>
/// When deadline alerts fall due: at each lead time before the due date (by default 7 days, 2 days, the day before
/// and the day itself), then every 3 days once overdue. Pure, so the scan and its tests agree on every day.
/// </summary>
public static class ReminderSchedule
{
    public static readonly IReadOnlyList<int> DefaultLeadDays = [7, 2, 1, 0];

    public const int OverdueEveryDays = 3;

    /// <summary>
    /// The alert due today for a deadline, named by its lead time (days before the due date; negative once overdue),
    /// or null when none is. Of the lead times already reached, the nearest one counts, so a deadline first seen
    /// three days out gets one alert (the 7-day one), not a backlog.
    /// </summary>
    public static int? AlertDue(DateOnly dueOn, DateOnly today, IReadOnlyList<int>? leadDays = null)
    {
        var daysLeft = dueOn.DayNumber - today.DayNumber;
        if (daysLeft < 0)
        {
            // Overdue: the first day after, then every third day: -1, -4, -7...
            var overdue = -daysLeft;
            return -(1 + (OverdueEveryDays * ((overdue - 1) / OverdueEveryDays)));
        }

        var reached = (leadDays ?? DefaultLeadDays).Where(lead => lead >= daysLeft).ToList();
        return reached.Count == 0 ? null : reached.Min();
    }
}
