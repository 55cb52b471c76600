using Microsoft.EntityFrameworkCore;
using PraTracker.Data.Database;

namespace PraTracker.Data.Deadlines;

/// <summary>A law as a picker lists it.</summary>
public sealed record LawOption(string Code, string Jurisdiction, string Name, string Citation);

/// <summary>A law's rules in words, with how sure we are of them and where they come from.</summary>
public sealed record LawSummary(
    string Code, string Jurisdiction, string Name, string Citation, string Response, string? Extension, string? Appeal,
    string? Notes, SourceConfidence Confidence, DateOnly LastCheckedOn, string CalendarName, IReadOnlyList<string> Sources)
{
    public static LawSummary Of(PublicRecordsLaw law) => new(
        law.Code,
        law.Jurisdiction,
        law.Name,
        law.Citation,
        law.ResponseDays is { } days
            ? $"{days} {StatutoryDeadlines.Unit(law.ResponseDayCount)} after receipt; {ResponseDue(law.ResponseKind)}."
            : "No fixed period: the law says \"promptly\" or \"within a reasonable time\". Set a working deadline on the request.",
        law.ExtensionDays is { } extension
            ? $"Up to {extension} more {StatutoryDeadlines.Unit(law.ExtensionDayCount)}, counted from {ExtensionFrom(law.ExtensionCountedFrom)}"
              + (law.MaxExtensions is { } max ? $", {(max == 1 ? "once" : $"at most {max} times")}" : "")
              + (law.ExtensionConditions is { Length: > 0 } conditions ? $". {conditions}" : ".")
            : law.ExtensionConditions,
        law.AppealWindowDays is null && law.AppealDecisionDays is null
            ? null
            : string.Join(" ", new[]
            {
                law.AppealWindowDays is { } window ? $"{window} {StatutoryDeadlines.Unit(law.AppealWindowDayCount)} to appeal a denial." : null,
                law.AppealDecisionDays is { } decide ? $"The appeal is decided within {decide} {StatutoryDeadlines.Unit(law.AppealDecisionDayCount)}." : null,
            }.OfType<string>()),
        law.Notes,
        law.Confidence,
        law.LastCheckedOn,
        law.HolidayCalendar.Name,
        new[] { law.ResponseSourceUrl, law.ExtensionSourceUrl, law.AppealSourceUrl }.OfType<string>().Distinct().ToList());

    private static string ResponseDue(ResponseKind kind) => kind switch
    {
        ResponseKind.Acknowledgement => "the agency must provide the records, deny, or acknowledge with an estimated date",
        ResponseKind.Production => "the records themselves are due",
        _ => "the agency must decide whether it will disclose",
    };

    private static string ExtensionFrom(ExtensionStart start) => start switch
    {
        ExtensionStart.Receipt => "receipt",
        ExtensionStart.Acknowledgement => "the acknowledgement",
        _ => "the original due date",
    };
}

/// <summary>Reads laws with what the deadline engine needs; laws are public.</summary>
public static class LawQueries
{
    public static async Task<IReadOnlyList<LawOption>> ListAsync(PraTrackerDbContext db, CancellationToken ct = default) =>
        await db.Laws.AsNoTracking()
            .OrderBy(l => l.Code == "US-FED" ? 0 : 1).ThenBy(l => l.Jurisdiction).ThenBy(l => l.Code)
            .Select(l => new LawOption(l.Code, l.Jurisdiction, l.Name, l.Citation))
            .ToListAsync(ct);

    /// <summary>The law with this code and its holiday calendar, rules and closures; null when there is none.</summary>
    public static Task<PublicRecordsLaw?> FindWithCalendarAsync(PraTrackerDbContext db, string code, CancellationToken ct = default) =>
        db.Laws.AsNoTracking().WithCalendar().SingleOrDefaultAsync(l => l.Code == code, ct);

    /// <summary>Laws loaded with everything their deadlines are counted on: the holiday calendar, its rules and closures.</summary>
    public static IQueryable<PublicRecordsLaw> WithCalendar(this IQueryable<PublicRecordsLaw> laws) =>
        laws.Include(l => l.HolidayCalendar).ThenInclude(c => c.Rules)
            .Include(l => l.HolidayCalendar).ThenInclude(c => c.Closures)
            .AsSplitQuery();

    /// <summary>The business calendar a request to an agency is counted on: its law's calendar plus the agency's own closures.</summary>
    public static async Task<BusinessCalendar> CalendarForAsync(PraTrackerDbContext db, PublicRecordsLaw law, Guid agencyId, CancellationToken ct = default) =>
        new(law.HolidayCalendar, await db.HolidayClosures.Where(c => c.AgencyId == agencyId).ToListAsync(ct));
}
