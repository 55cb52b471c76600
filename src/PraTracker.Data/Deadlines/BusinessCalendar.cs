namespace PraTracker.Data.Deadlines;

/// <summary>
/// Answers, for one holiday calendar (and optionally one agency's own closures), whether a day is a business
/// day and, if not, why.
/// </summary>
public sealed class BusinessCalendar
{
    private readonly HolidayCalendar _calendar;
    private readonly IReadOnlyList<HolidayClosure> _closures;
    private readonly Dictionary<int, IReadOnlyDictionary<DateOnly, string>> _holidaysByYear = [];

    public BusinessCalendar(HolidayCalendar calendar, IEnumerable<HolidayClosure>? agencyClosures = null)
    {
        _calendar = calendar;
        _closures = [.. calendar.Closures, .. agencyClosures ?? []];
    }

    public string Code => _calendar.Code;

    public bool IsBusinessDay(DateOnly date) => WhyClosed(date) is null;

    /// <summary>Null on a business day; otherwise the reason the office is closed ("Saturday", "Veterans Day (observed)").</summary>
    public string? WhyClosed(DateOnly date)
    {
        if (date.DayOfWeek == DayOfWeek.Sunday)
        {
            return "Sunday";
        }

        if (date.DayOfWeek == DayOfWeek.Saturday && _calendar.SaturdaysAreHolidays)
        {
            return "Saturday (a holiday under this calendar)";
        }

        if (HolidaysOf(date.Year).TryGetValue(date, out var holiday))
        {
            return holiday;
        }

        if (_closures.FirstOrDefault(c => c.Date == date) is { } closure)
        {
            return $"office closed: {closure.Reason}";
        }

        return date.DayOfWeek == DayOfWeek.Saturday ? "Saturday" : null;
    }

    /// <summary>Every holiday the calendar's rules give in a year, by observed date, for listing on the admin pages.</summary>
    public IReadOnlyDictionary<DateOnly, string> HolidaysIn(int year) => HolidaysOf(year);

    // A holiday observed in one year can come from the next one's rule (New Year's Day on a Saturday is
    // observed on December 31), so each year's table takes in the observed days of both neighbours' rules.
    // Holidays that stay where they fall claim their days first; substitute days (NextWeekday) then take the
    // next weekday still free, which is how Christmas and Boxing Day on a weekend become Monday and Tuesday.
    private IReadOnlyDictionary<DateOnly, string> HolidaysOf(int year)
    {
        if (_holidaysByYear.TryGetValue(year, out var cached))
        {
            return cached;
        }

        var occurrences = (
            from rule in _calendar.Rules
            from ruleYear in new[] { year - 1, year, year + 1 }
            let actual = HolidayDates.ActualDate(rule, ruleYear)
            where actual is not null
            select (Rule: rule, Actual: actual.Value)).ToList();

        var claimed = new Dictionary<DateOnly, string>();
        var substitutes = new List<(HolidayRule Rule, DateOnly Actual)>();
        foreach (var (rule, actual) in occurrences)
        {
            var observed = HolidayDates.Observe(actual, rule.Observance);
            if (rule.Observance == HolidayObservance.NextWeekday && observed != actual)
            {
                substitutes.Add((rule, actual));
            }
            else
            {
                claimed.TryAdd(observed, observed == actual ? rule.Name : $"{rule.Name} (observed)");
            }
        }

        foreach (var (rule, actual) in substitutes.OrderBy(s => s.Actual))
        {
            var day = HolidayDates.Observe(actual, rule.Observance);
            while (claimed.ContainsKey(day) || day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday)
            {
                day = day.AddDays(1);
            }

            claimed[day] = $"{rule.Name} (substitute day)";
        }

        var holidays = claimed.Where(h => h.Key.Year == year).ToDictionary(h => h.Key, h => h.Value);
        _holidaysByYear[year] = holidays;
        return holidays;
    }
}
