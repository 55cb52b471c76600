namespace PraTracker.Data.Deadlines;

/// <summary>Turns a holiday rule into the day it falls on, and the day it is observed, in a given year.</summary>
public static class HolidayDates
{
    /// <summary>The day the rule's holiday falls on in <paramref name="year"/>, before any observed-day shift; null outside its years.</summary>
    public static DateOnly? ActualDate(HolidayRule rule, int year)
    {
        if ((rule.FirstYear is { } first && year < first) || (rule.LastYear is { } last && year > last)
            || (rule.YearDivisibleBy is > 1 and var cycle && year % cycle != 0))
        {
            return null;
        }

        var date = rule.Kind switch
        {
            HolidayRuleKind.FixedDate => new DateOnly(year, rule.Month ?? throw Invalid(rule, "a month"), rule.Day ?? throw Invalid(rule, "a day")),
            HolidayRuleKind.NthWeekdayOfMonth => NthWeekday(year, rule.Month ?? throw Invalid(rule, "a month"), rule.Weekday ?? throw Invalid(rule, "a weekday"), rule.Nth ?? throw Invalid(rule, "which weekday (nth)")),
            HolidayRuleKind.GoodFriday => EasterSunday(year).AddDays(-2),
            HolidayRuleKind.Easter => EasterSunday(year),
            HolidayRuleKind.GeneralElectionDay => NthWeekday(year, 11, DayOfWeek.Monday, 1).AddDays(1),
            _ => throw new ArgumentOutOfRangeException(nameof(rule), rule.Kind, "Unknown holiday rule kind."),
        };
        return date.AddDays(rule.OffsetDays);
    }

    public static DateOnly Observe(DateOnly date, HolidayObservance observance) => (observance, date.DayOfWeek) switch
    {
        (HolidayObservance.NearestWeekday, DayOfWeek.Saturday) => date.AddDays(-1),
        (HolidayObservance.NearestWeekday, DayOfWeek.Sunday) => date.AddDays(1),
        (HolidayObservance.SundayToMonday, DayOfWeek.Sunday) => date.AddDays(1),
        (HolidayObservance.NextWeekday, DayOfWeek.Saturday) => date.AddDays(2),
        (HolidayObservance.NextWeekday, DayOfWeek.Sunday) => date.AddDays(1),
        _ => date,
    };

    /// <summary>The nth <paramref name="weekday"/> of a month; a negative nth counts from the end (-1 is the last).</summary>
    public static DateOnly NthWeekday(int year, int month, DayOfWeek weekday, int nth)
    {
        if (nth > 0)
        {
            var first = new DateOnly(year, month, 1);
            var offset = ((int)weekday - (int)first.DayOfWeek + 7) % 7;
            var date = first.AddDays(offset + (7 * (nth - 1)));
            return date.Month == month ? date : throw new ArgumentOutOfRangeException(nameof(nth), $"{year}-{month:00} has no weekday number {nth}.");
        }

        var last = new DateOnly(year, month, DateTime.DaysInMonth(year, month));
        var back = ((int)last.DayOfWeek - (int)weekday + 7) % 7;
        return last.AddDays(-back + (7 * (nth + 1)));
    }

    /// <summary>Western (Gregorian) Easter Sunday, by the anonymous Gregorian algorithm (Meeus/Jones/Butcher).</summary>
    public static DateOnly EasterSunday(int year)
    {
        var a = year % 19;
        var b = year / 100;
        var c = year % 100;
        var d = b / 4;
        var e = b % 4;
        var f = (b + 8) / 25;
        var g = (b - f + 1) / 3;
        var h = ((19 * a) + b - d - g + 15) % 30;
        var i = c / 4;
        var k = c % 4;
        var l = (32 + (2 * e) + (2 * i) - h - k) % 7;
        var m = (a + (11 * h) + (22 * l)) / 451;
        var month = (h + l - (7 * m) + 114) / 31;
        var day = ((h + l - (7 * m) + 114) % 31) + 1;
        return new DateOnly(year, month, day);
    }

    private static InvalidOperationException Invalid(HolidayRule rule, string what) =>
        new($"Holiday rule '{rule.Name}' ({rule.Kind}) needs {what}.");
}
