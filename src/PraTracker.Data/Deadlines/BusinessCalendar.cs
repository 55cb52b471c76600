namespace PraTracker.Data.Deadlines;

/// <summary>Answers, for one holiday calendar, whether a day is a business day and, if not, why.</summary>
public sealed class BusinessCalendar
{
    private readonly HolidayCalendar _calendar;
    private readonly Dictionary<int, IReadOnlyDictionary<DateOnly, string>> _holidaysByYear = [];

    public BusinessCalendar(HolidayCalendar calendar)
    {
        _calendar = calendar;
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

        if (_calendar.Closures.FirstOrDefault(c => c.Date == date) is { } closure)
        {
            return $"office closed: {closure.Reason}";
        }

        return date.DayOfWeek == DayOfWeek.Saturday ? "Saturday" : null;
    }

    // A holiday observed in one year can come from the next one's rule (New Year's Day on a Saturday is
    // observed on December 31), so each year's table takes in the observed days of both years' rules.
    private IReadOnlyDictionary<DateOnly, string> HolidaysOf(int year)
    {
        if (_holidaysByYear.TryGetValue(year, out var cached))
        {
            return cached;
        }

        var holidays = new Dictionary<DateOnly, string>();
        foreach (var rule in _calendar.Rules)
        {
            foreach (var ruleYear in new[] { year - 1, year, year + 1 })
            {
                if (HolidayDates.ActualDate(rule, ruleYear) is not { } actual)
                {
                    continue;
                }

                var observed = HolidayDates.Observe(actual, rule.Observance);
                if (observed.Year == year)
                {
                    holidays.TryAdd(observed, observed == actual ? rule.Name : $"{rule.Name} (observed)");
                }
            }
        }

        _holidaysByYear[year] = holidays;
        return holidays;
    }
}
