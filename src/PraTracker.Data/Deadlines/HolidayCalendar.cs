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
    public string? Notes { get; set; }
    public SourceConfidence Confidence { get; set; }
    public DateOnly LastCheckedOn { get; set; }

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

    /// <summary>The month, for fixed-date and nth-weekday rules; Easter-relative and election-day rules have none.</summary>
    public int? Month { get; set; }

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

    /// <summary>For holidays held only in some years: 2 for even years (general elections), 4 for presidential years.</summary>
    public int? YearDivisibleBy { get; set; }
    public string? Citation { get; set; }
}

/// <summary>How a holiday rule names its date.</summary>
public enum HolidayRuleKind
{
    FixedDate,
    NthWeekdayOfMonth,
    GoodFriday,

    /// <summary>Easter Sunday plus <see cref="HolidayRule.OffsetDays"/>: +1 for Easter Monday.</summary>
    Easter,

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

    /// <summary>
    /// A Saturday or Sunday holiday moves to the next weekday that is not already a holiday, as UK substitute
    /// bank holidays do (Christmas on a Saturday gives Monday 27th, Boxing Day then Tuesday 28th).
    /// </summary>
    NextWeekday,
}

/// <summary>
/// A one-off day an office is closed (a furlough day, an office shut by a storm), added by an admin, either for
/// every agency on a calendar or for one agency.
/// </summary>
public class HolidayClosure : IAudited
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    /// <summary>Set for a closure of every office on the calendar; null for a single agency's closure.</summary>
    public Guid? HolidayCalendarId { get; set; }

    /// <summary>Set for a closure of one agency's office only.</summary>
    public Guid? AgencyId { get; set; }
    public DateOnly Date { get; set; }
    public required string Reason { get; set; }
}
