namespace PraTracker.Data.Deadlines;

/// <summary>A counted due date and how it was reached, step by step.</summary>
public sealed record CountedDate(DateOnly Due, string Explanation);

/// <summary>Counts periods the way public-records laws do: the first day is not counted, the last one is.</summary>
public static class DayCounting
{
    /// <summary>
    /// Adds calendar days to <paramref name="from"/>; when the law says so, a last day on which the office is
    /// closed rolls forward to the next business day.
    /// </summary>
    public static CountedDate AddCalendarDays(DateOnly from, int days, BusinessCalendar calendar, bool rollsToNextBusinessDay, string fromWhat)
    {
        var due = from.AddDays(days);
        var explanation = $"{days} calendar days after {fromWhat} on {Format(from)} is {Format(due)}";
        if (!rollsToNextBusinessDay)
        {
            return new CountedDate(due, explanation);
        }

        var skipped = new List<string>();
        while (calendar.WhyClosed(due) is { } reason)
        {
            skipped.Add($"{Format(due)} is {reason}");
            due = due.AddDays(1);
        }

        return skipped.Count == 0
            ? new CountedDate(due, explanation)
            : new CountedDate(due, $"{explanation}; {string.Join(", ", skipped)}, so the deadline rolls to {Format(due)}");
    }

    /// <summary>Adds business days to <paramref name="from"/>, skipping weekends, holidays and closures, each named.</summary>
    public static CountedDate AddBusinessDays(DateOnly from, int days, BusinessCalendar calendar, string fromWhat)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(days);
        var due = from;
        var counted = 0;
        var weekendDays = 0;
        var closures = new List<string>();
        while (counted < days)
        {
            due = due.AddDays(1);
            var reason = calendar.WhyClosed(due);
            if (reason is null)
            {
                counted++;
            }
            else if (due.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday)
            {
                weekendDays++;
            }
            else
            {
                closures.Add($"{Format(due)} {reason}");
            }
        }

        var explanation = $"{days} business days after {fromWhat} on {Format(from)} (the day of {fromWhat} not counted) is {Format(due)}";
        var skippedParts = new List<string>();
        if (weekendDays > 0)
        {
            skippedParts.Add($"{weekendDays} weekend days");
        }

        skippedParts.AddRange(closures);
        return new CountedDate(due, skippedParts.Count == 0 ? explanation : $"{explanation}, skipping {string.Join(", ", skippedParts)}");
    }

    /// <summary>The business days from <paramref name="from"/> through <paramref name="through"/>, both included.</summary>
    public static int BusinessDaysFromThrough(DateOnly from, DateOnly through, BusinessCalendar calendar)
    {
        var count = 0;
        for (var day = from; day <= through; day = day.AddDays(1))
        {
            if (calendar.IsBusinessDay(day))
            {
                count++;
            }
        }

        return count;
    }

    private static string Format(DateOnly date) => $"{date:yyyy-MM-dd} ({date.DayOfWeek})";
}
