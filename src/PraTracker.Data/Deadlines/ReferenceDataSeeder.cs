using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore;
using PraTracker.Data.Contracts;
using PraTracker.Data.Database;

namespace PraTracker.Data.Deadlines;

/// <summary>Adds the seeded laws, holiday calendars and technology categories that a database lacks; never overwrites an admin's edits.</summary>
public static class ReferenceDataSeeder
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
    };

    public static async Task SeedAsync(PraTrackerDbContext db, CancellationToken ct = default)
    {
        await SeedCategoriesAsync(db, ct);
        await SeedCalendarsAsync(db, ct);
        await SeedLawsAsync(db, ct);
    }

    /// <summary>The calendars shipped with the app, as read from the embedded seed file.</summary>
    public static IReadOnlyList<HolidayCalendar> LoadCalendars() => Load<List<HolidayCalendar>>("holiday-calendars.json");

    /// <summary>The laws shipped with the app, as read from the embedded seed file.</summary>
    public static IReadOnlyList<LawSeed> LoadLaws() => Load<List<LawSeed>>("laws.json");

    private static async Task SeedCategoriesAsync(PraTrackerDbContext db, CancellationToken ct)
    {
        var existing = await db.TechnologyCategories.Select(c => c.Code).ToListAsync(ct);
        var order = 0;
        foreach (var (code, name) in TechnologyCategories.Seed)
        {
            order++;
            if (!existing.Contains(code))
            {
                db.TechnologyCategories.Add(new TechnologyCategory { Code = code, Name = name, SortOrder = order });
            }
        }

        await db.SaveChangesAsync(ct);
    }

    private static async Task SeedCalendarsAsync(PraTrackerDbContext db, CancellationToken ct)
    {
        var existing = await db.HolidayCalendars.Select(c => c.Code).ToListAsync(ct);
        db.HolidayCalendars.AddRange(LoadCalendars().Where(c => !existing.Contains(c.Code)));
        await db.SaveChangesAsync(ct);
    }

    private static async Task SeedLawsAsync(PraTrackerDbContext db, CancellationToken ct)
    {
        var existing = await db.Laws.Select(l => l.Code).ToListAsync(ct);
        var calendars = await db.HolidayCalendars.ToDictionaryAsync(c => c.Code, c => c.Id, ct);
        foreach (var seed in LoadLaws().Where(l => !existing.Contains(l.Code)))
        {
            if (!calendars.TryGetValue(seed.HolidayCalendarCode, out var calendarId))
            {
                throw new InvalidOperationException($"Law {seed.Code} names holiday calendar {seed.HolidayCalendarCode}, which is not seeded.");
            }

            db.Laws.Add(seed.ToLaw(calendarId));
        }

        await db.SaveChangesAsync(ct);
    }

    private static T Load<T>(string fileName)
    {
        var assembly = typeof(ReferenceDataSeeder).Assembly;
        var resource = assembly.GetManifestResourceNames().Single(n => n.EndsWith("." + fileName, StringComparison.Ordinal));
        using var stream = assembly.GetManifestResourceStream(resource)!;
        return JsonSerializer.Deserialize<T>(stream, Json) ?? throw new InvalidDataException($"{fileName} is empty.");
    }
}

/// <summary>One law as written in the seed file, naming its holiday calendar by code.</summary>
public sealed record LawSeed(
    string Code,
    string Name,
    string Citation,
    int? ResponseDays,
    DayCount ResponseDayCount,
    ResponseKind ResponseKind,
    string? ResponseSourceUrl,
    int? ExtensionDays,
    DayCount ExtensionDayCount,
    ExtensionStart ExtensionCountedFrom,
    string? ExtensionConditions,
    string? ExtensionSourceUrl,
    bool RollsToNextBusinessDay,
    int? AppealWindowDays,
    DayCount AppealWindowDayCount,
    int? AppealDecisionDays,
    DayCount AppealDecisionDayCount,
    string? AppealSourceUrl,
    string HolidayCalendarCode,
    string? Notes,
    SourceConfidence Confidence,
    DateOnly LastCheckedOn)
{
    public PublicRecordsLaw ToLaw(Guid holidayCalendarId) => new()
    {
        Code = Code,
        Name = Name,
        Citation = Citation,
        ResponseDays = ResponseDays,
        ResponseDayCount = ResponseDayCount,
        ResponseKind = ResponseKind,
        ResponseSourceUrl = ResponseSourceUrl,
        ExtensionDays = ExtensionDays,
        ExtensionDayCount = ExtensionDayCount,
        ExtensionCountedFrom = ExtensionCountedFrom,
        ExtensionConditions = ExtensionConditions,
        ExtensionSourceUrl = ExtensionSourceUrl,
        RollsToNextBusinessDay = RollsToNextBusinessDay,
        AppealWindowDays = AppealWindowDays,
        AppealWindowDayCount = AppealWindowDayCount,
        AppealDecisionDays = AppealDecisionDays,
        AppealDecisionDayCount = AppealDecisionDayCount,
        AppealSourceUrl = AppealSourceUrl,
        HolidayCalendarId = holidayCalendarId,
        Notes = Notes,
        Confidence = Confidence,
        LastCheckedOn = LastCheckedOn,
    };
}
