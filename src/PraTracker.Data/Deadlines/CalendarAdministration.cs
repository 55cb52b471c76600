using Microsoft.EntityFrameworkCore;
using PraTracker.Data.Database;

namespace PraTracker.Data.Deadlines;

/// <summary>A holiday calendar as its admin page shows it, with the days its rules give in one year.</summary>
public sealed record CalendarView(
    Guid Id, string Code, string Name, bool SaturdaysAreHolidays, string? SourceUrl, string? Notes, SourceConfidence Confidence,
    DateOnly LastCheckedOn, IReadOnlyList<string> LawCodes, IReadOnlyList<HolidayRuleRow> Rules, IReadOnlyList<ClosureRow> Closures,
    int Year, IReadOnlyList<HolidayDay> HolidaysInYear);

/// <summary>One rule of a calendar, described in words.</summary>
public sealed record HolidayRuleRow(Guid Id, string Name, string When, HolidayObservance Observance, string? Years, string? Citation);

/// <summary>A one-off closure of a whole calendar or of one agency.</summary>
public sealed record ClosureRow(Guid Id, DateOnly Date, string Reason, Guid? AgencyId, string? AgencyName);

/// <summary>A day the calendar's rules close the office.</summary>
public sealed record HolidayDay(DateOnly Date, string Name);

/// <summary>An agency an admin can pick for a closure.</summary>
public sealed record AgencyOption(Guid Id, string Name, string State);

/// <summary>A new holiday rule, as the admin form fills it in.</summary>
public sealed class HolidayRuleInput
{
    public string Name { get; set; } = "";
    public HolidayRuleKind Kind { get; set; }
    public int? Month { get; set; }
    public int? Day { get; set; }
    public DayOfWeek? Weekday { get; set; }
    public int? Nth { get; set; }
    public int OffsetDays { get; set; }
    public HolidayObservance Observance { get; set; }
    public int? FirstYear { get; set; }
    public int? LastYear { get; set; }
    public int? YearDivisibleBy { get; set; }
    public string? Citation { get; set; }
}

/// <summary>What a calendar change touched, so the deadlines counted on it can be recounted.</summary>
public sealed record CalendarChange(IReadOnlyList<string> Errors, Guid? CalendarId, Guid? AgencyId)
{
    public bool Succeeded => Errors.Count == 0;

    public static CalendarChange Refused(params string[] errors) => new(errors, null, null);
}

/// <summary>Reads and edits holiday calendars, their rules and one-off closures (per calendar or per agency).</summary>
public static class CalendarAdministration
{
    public static async Task<CalendarView?> GetAsync(PraTrackerDbContext db, string code, int year, CancellationToken ct = default)
    {
        var calendar = await db.HolidayCalendars.AsNoTracking()
            .Include(c => c.Rules).Include(c => c.Closures)
            .AsSplitQuery()
            .SingleOrDefaultAsync(c => c.Code == code, ct);
        if (calendar is null)
        {
            return null;
        }

        var laws = await db.Laws.Where(l => l.HolidayCalendarId == calendar.Id).OrderBy(l => l.Code).Select(l => l.Code).ToListAsync(ct);
        var agencyClosures = await db.HolidayClosures.AsNoTracking()
            .Where(c => c.AgencyId != null && db.Agencies.Any(a => a.Id == c.AgencyId && a.Law != null && a.Law.HolidayCalendarId == calendar.Id))
            .Join(db.Agencies, c => c.AgencyId, a => a.Id, (c, a) => new ClosureRow(c.Id, c.Date, c.Reason, a.Id, a.Name))
            .ToListAsync(ct);
        var closures = calendar.Closures.Select(c => new ClosureRow(c.Id, c.Date, c.Reason, null, null))
            .Concat(agencyClosures)
            .OrderByDescending(c => c.Date)
            .ToList();
        var holidays = new BusinessCalendar(calendar).HolidaysIn(year)
            .OrderBy(h => h.Key)
            .Select(h => new HolidayDay(h.Key, h.Value))
            .ToList();
        var rules = calendar.Rules
            .OrderBy(r => HolidayDates.ActualDate(r, year) ?? DateOnly.MaxValue).ThenBy(r => r.Name)
            .Select(r => new HolidayRuleRow(r.Id, r.Name, Describe(r), r.Observance, Years(r), r.Citation))
            .ToList();
        return new CalendarView(calendar.Id, calendar.Code, calendar.Name, calendar.SaturdaysAreHolidays, calendar.SourceUrl, calendar.Notes,
            calendar.Confidence, calendar.LastCheckedOn, laws, rules, closures, year, holidays);
    }

    public static async Task<IReadOnlyList<AgencyOption>> SearchAgenciesAsync(PraTrackerDbContext db, string? text, CancellationToken ct = default)
    {
        var agencies = db.Agencies.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(text))
        {
            var lowered = text.Trim().ToLower();
            agencies = agencies.Where(a => a.Name.ToLower().Contains(lowered));
        }

        return await agencies.OrderBy(a => a.Name).Take(20).Select(a => new AgencyOption(a.Id, a.Name, a.State)).ToListAsync(ct);
    }

    public static IReadOnlyList<string> Validate(HolidayRuleInput input)
    {
        var errors = new List<string>();
        if (string.IsNullOrWhiteSpace(input.Name))
        {
            errors.Add("Name the holiday.");
        }

        switch (input.Kind)
        {
            case HolidayRuleKind.FixedDate when input.Month is not (>= 1 and <= 12) || input.Day is null:
                errors.Add("A fixed-date holiday needs a month and a day.");
                break;
            case HolidayRuleKind.FixedDate when input.Day > DateTime.DaysInMonth(2024, input.Month!.Value):
                errors.Add($"Month {input.Month} has no day {input.Day}.");
                break;
            case HolidayRuleKind.NthWeekdayOfMonth when input.Month is not (>= 1 and <= 12) || input.Weekday is null || input.Nth is not (-1 or (>= 1 and <= 5)):
                errors.Add("A weekday holiday needs a month, a weekday, and which one (1st to 5th, or last).");
                break;
            default:
                break;
        }

        if (input.OffsetDays is < -7 or > 7)
        {
            errors.Add("Shift the day by at most a week either way.");
        }

        if (input.FirstYear is { } first && input.LastYear is { } last && last < first)
        {
            errors.Add("The last year comes before the first.");
        }

        if (input.YearDivisibleBy is < 2 or > 4)
        {
            errors.Add("Use 2 for holidays held in even years only, 4 for presidential years only, or leave it empty.");
        }

        return errors;
    }

    public static async Task<CalendarChange> AddRuleAsync(PraTrackerDbContext db, string calendarCode, HolidayRuleInput input, CancellationToken ct = default)
    {
        var errors = Validate(input);
        if (errors.Count > 0)
        {
            return new CalendarChange(errors, null, null);
        }

        if (await db.HolidayCalendars.SingleOrDefaultAsync(c => c.Code == calendarCode, ct) is not { } calendar)
        {
            return CalendarChange.Refused($"There is no calendar {calendarCode}.");
        }

        var byDate = input.Kind is HolidayRuleKind.FixedDate or HolidayRuleKind.NthWeekdayOfMonth;
        db.HolidayRules.Add(new HolidayRule
        {
            HolidayCalendarId = calendar.Id,
            Name = input.Name.Trim(),
            Kind = input.Kind,
            Month = byDate ? input.Month : null,
            Day = input.Kind == HolidayRuleKind.FixedDate ? input.Day : null,
            Weekday = input.Kind == HolidayRuleKind.NthWeekdayOfMonth ? input.Weekday : null,
            Nth = input.Kind == HolidayRuleKind.NthWeekdayOfMonth ? input.Nth : null,
            OffsetDays = input.OffsetDays,
            Observance = input.Observance,
            FirstYear = input.FirstYear,
            LastYear = input.LastYear,
            YearDivisibleBy = input.YearDivisibleBy,
            Citation = string.IsNullOrWhiteSpace(input.Citation) ? null : input.Citation.Trim(),
        });
        await db.SaveChangesAsync(ct);
        return new CalendarChange([], calendar.Id, null);
    }

    public static async Task<CalendarChange> RemoveRuleAsync(PraTrackerDbContext db, Guid ruleId, CancellationToken ct = default)
    {
        if (await db.HolidayRules.SingleOrDefaultAsync(r => r.Id == ruleId, ct) is not { } rule)
        {
            return CalendarChange.Refused("That rule was already removed.");
        }

        db.HolidayRules.Remove(rule);
        await db.SaveChangesAsync(ct);
        return new CalendarChange([], rule.HolidayCalendarId, null);
    }

    /// <summary>Adds a one-off closure to a whole calendar, or (with <paramref name="agencyId"/>) to one agency only.</summary>
    public static async Task<CalendarChange> AddClosureAsync(
        PraTrackerDbContext db, string calendarCode, Guid? agencyId, DateOnly date, string reason, CancellationToken ct = default)
    {
        if (string.IsNullOrWhiteSpace(reason))
        {
            return CalendarChange.Refused("Say why the office was closed (a storm, a furlough day...).");
        }

        if (reason.Length > 300)
        {
            return CalendarChange.Refused("Keep the reason under 300 characters.");
        }

        if (await db.HolidayCalendars.SingleOrDefaultAsync(c => c.Code == calendarCode, ct) is not { } calendar)
        {
            return CalendarChange.Refused($"There is no calendar {calendarCode}.");
        }

        if (agencyId is { } agency && !await db.Agencies.AnyAsync(a => a.Id == agency, ct))
        {
            return CalendarChange.Refused("That agency no longer exists.");
        }

        var duplicate = agencyId is null
            ? await db.HolidayClosures.AnyAsync(c => c.HolidayCalendarId == calendar.Id && c.Date == date, ct)
            : await db.HolidayClosures.AnyAsync(c => c.AgencyId == agencyId && c.Date == date, ct);
        if (duplicate)
        {
            return CalendarChange.Refused($"{date:yyyy-MM-dd} is already recorded as a closure.");
        }

        db.HolidayClosures.Add(new HolidayClosure
        {
            HolidayCalendarId = agencyId is null ? calendar.Id : null,
            AgencyId = agencyId,
            Date = date,
            Reason = reason.Trim(),
        });
        await db.SaveChangesAsync(ct);
        return agencyId is null ? new CalendarChange([], calendar.Id, null) : new CalendarChange([], null, agencyId);
    }

    public static async Task<CalendarChange> RemoveClosureAsync(PraTrackerDbContext db, Guid closureId, CancellationToken ct = default)
    {
        if (await db.HolidayClosures.SingleOrDefaultAsync(c => c.Id == closureId, ct) is not { } closure)
        {
            return CalendarChange.Refused("That closure was already removed.");
        }

        db.HolidayClosures.Remove(closure);
        await db.SaveChangesAsync(ct);
        return new CalendarChange([], closure.HolidayCalendarId, closure.AgencyId);
    }

    private static string Describe(HolidayRule rule)
    {
        var offset = rule.OffsetDays switch
        {
            0 => "",
            1 => ", the day after",
            -1 => ", the day before",
            > 0 => $", {rule.OffsetDays} days after",
            _ => $", {-rule.OffsetDays} days before",
        };
        var when = rule.Kind switch
        {
            HolidayRuleKind.FixedDate => $"{System.Globalization.CultureInfo.InvariantCulture.DateTimeFormat.GetMonthName(rule.Month ?? 1)} {rule.Day}",
            HolidayRuleKind.NthWeekdayOfMonth => $"{Ordinal(rule.Nth ?? 1)} {rule.Weekday} of {System.Globalization.CultureInfo.InvariantCulture.DateTimeFormat.GetMonthName(rule.Month ?? 1)}",
            HolidayRuleKind.GoodFriday => "Good Friday",
            HolidayRuleKind.Easter => "Easter Sunday",
            HolidayRuleKind.GeneralElectionDay => "the Tuesday after the first Monday of November",
            _ => rule.Kind.ToString(),
        };
        return when + offset;
    }

    private static string Ordinal(int nth) => nth switch
    {
        -1 => "last",
        1 => "1st",
        2 => "2nd",
        3 => "3rd",
        _ => $"{nth}th",
    };

    private static string? Years(HolidayRule rule)
    {
        var parts = new List<string>();
        if (rule.FirstYear is { } first)
        {
            parts.Add($"from {first}");
        }

        if (rule.LastYear is { } last)
        {
            parts.Add($"until {last}");
        }

        if (rule.YearDivisibleBy is 2)
        {
            parts.Add("even years");
        }
        else if (rule.YearDivisibleBy is 4)
        {
            parts.Add("presidential years");
        }

        return parts.Count == 0 ? null : string.Join(", ", parts);
    }
}
