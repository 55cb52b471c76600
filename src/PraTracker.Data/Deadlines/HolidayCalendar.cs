using PraTracker.Data.Auditing;

namespace PraTracker.Data.Deadlines;

/// <summary>The days an agency's office is closed: holiday rules plus one-off closures.</summary>
public class HolidayCalendar : IAudited
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    /// <summary>Stable code such as US-FED or US-CA.</summary>
    public required string Code { get; set; }
    public required string Name { get; set; }

    /// <summary>California counts every Saturday as a holiday (Code Civ. Proc. § 12a).</summary>
    public bool SaturdaysAreHolidays { get; set; }
    public string? SourceUrl { get; set; }

    public List<HolidayRule> Rules { get; set; } = [];
    public List<HolidayClosure> Closures { get; set; } = [];
}

/// <summary>A recurring holiday: a fixed date, or the nth (or last) weekday of a month, with its observed-day shifting.</summary>
public class HolidayRule : IAudited
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid HolidayCalendarId { get; set; }
    public required string Name { get; set; }
    public HolidayRuleKind Kind { get; set; }
    public int Month { get; set; }

    /// <summary>Day of the month, for fixed-date rules.</summary>
    public int? Day { get; set; }

    /// <summary>Weekday, for nth-weekday rules.</summary>
    public DayOfWeek? Weekday { get; set; }

    /// <summary>1 to 5 for the nth weekday; -1 for the last one in the month.</summary>
    public int? Nth { get; set; }

    /// <summary>Days added after the rule's date, such as +1 for the day after Thanksgiving.</summary>
    public int OffsetDays { get; set; }
    public HolidayObservance Observance { get; set; }
    public int? FirstYear { get; set; }
    public int? LastYear { get; set; }
    public string? Citation { get; set; }
}

/// <summary>How a holiday rule names its date.</summary>
public enum HolidayRuleKind
{
    FixedDate,
    NthWeekdayOfMonth,
    GoodFriday,

    /// <summary>The Tuesday after the first Monday in November.</summary>
    GeneralElectionDay,
}

/// <summary>Where a holiday falling on a weekend is observed.</summary>
public enum HolidayObservance
{
    /// <summary>Observed on the day itself, even on a weekend.</summary>
    None,

    /// <summary>Saturday moves to the Friday before, Sunday to the Monday after (5 U.S.C. 6103(b)).</summary>
    NearestWeekday,

    /// <summary>Only a Sunday holiday moves, to the Monday after (Cal. Gov. Code § 6701).</summary>
    SundayToMonday,
}

/// <summary>A one-off day an office is closed (a declared closure, a storm day), added by an admin.</summary>
public class HolidayClosure : IAudited
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid HolidayCalendarId { get; set; }
    public DateOnly Date { get; set; }
    public required string Reason { get; set; }
}
