using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore;
using PraTracker.Data.Contracts;
using PraTracker.Data.Database;
using PraTracker.Data.Exemptions;

namespace PraTracker.Data.Deadlines;

/// <summary>Adds the seeded laws, holiday calendars, technology categories and exemptions that a database lacks; never overwrites an admin's edits.</summary>
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
        await SeedExemptionsAsync(db, ct);
    }

    /// <summary>The calendars shipped with the app, as read from the embedded seed files (holiday-calendars*.json).</summary>
    public static IReadOnlyList<HolidayCalendar> LoadCalendars() => Load<HolidayCalendar>("holiday-calendars");

    /// <summary>The laws shipped with the app, as read from the embedded seed files (laws*.json).</summary>
    public static IReadOnlyList<LawSeed> LoadLaws() => Load<LawSeed>("laws");

    /// <summary>The exemption library shipped with the app, as read from the embedded seed files (exemptions*.json).</summary>
    public static IReadOnlyList<ExemptionSeed> LoadExemptions() => Load<ExemptionSeed>("exemptions");

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
        var existing = await db.Laws.ToDictionaryAsync(l => l.Code, ct);
        var calendars = await db.HolidayCalendars.ToDictionaryAsync(c => c.Code, c => c.Id, ct);
        foreach (var seed in LoadLaws())
        {
            if (existing.TryGetValue(seed.Code, out var law))
            {
                // Columns added after a row was seeded start empty; fill them, but never overwrite an edit.
                law.Jurisdiction = law.Jurisdiction is { Length: > 0 } ? law.Jurisdiction : seed.Jurisdiction;
                continue;
            }

            if (!calendars.TryGetValue(seed.HolidayCalendarCode, out var calendarId))
            {
                throw new InvalidOperationException($"Law {seed.Code} names holiday calendar {seed.HolidayCalendarCode}, which is not seeded.");
            }

            db.Laws.Add(seed.ToLaw(calendarId));
        }

        await db.SaveChangesAsync(ct);
    }

    // By seed key: an exemption an attorney edited or renamed keeps its edits, one removed on purpose stays removed only
    // until the next start (a removed seed comes back, as a removed seeded law would), and one added later is added.
    private static async Task SeedExemptionsAsync(PraTrackerDbContext db, CancellationToken ct)
    {
        var existing = (await db.Exemptions.Where(e => e.SeedKey != null).Select(e => e.SeedKey!).ToListAsync(ct)).ToHashSet(StringComparer.Ordinal);
        var laws = await db.Laws.ToDictionaryAsync(l => l.Code, l => l.Id, ct);
        var taken = (await db.Exemptions.Select(e => new { e.LawId, e.Citation }).ToListAsync(ct))
            .Select(e => (e.LawId, e.Citation.ToUpperInvariant())).ToHashSet();
        var order = 0;
        foreach (var seed in LoadExemptions())
        {
            order++;
            if (existing.Contains(seed.SeedKey) || !laws.TryGetValue(seed.Law, out var lawId))
            {
                continue;
            }

            // An attorney may have added the same citation by hand before it was seeded: theirs stands.
            if (taken.Add((lawId, seed.Citation.ToUpperInvariant())))
            {
                db.Exemptions.Add(seed.ToExemption(lawId, order));
            }
        }

        await db.SaveChangesAsync(ct);
    }

    private static List<T> Load<T>(string filePrefix)
    {
        var assembly = typeof(ReferenceDataSeeder).Assembly;
        var resources = assembly.GetManifestResourceNames()
            .Where(n => n.Contains($".Seed.{filePrefix}", StringComparison.Ordinal) && n.EndsWith(".json", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .ToList();
        var items = new List<T>();
        foreach (var resource in resources)
        {
            using var stream = assembly.GetManifestResourceStream(resource)!;
            items.AddRange(JsonSerializer.Deserialize<List<T>>(stream, Json) ?? throw new InvalidDataException($"{resource} is empty."));
        }

        return items;
    }
}

/// <summary>One law as written in the seed file, naming its holiday calendar by code.</summary>
public sealed record LawSeed(
    string Code,
    string Jurisdiction,
    string Name,
    string Citation,
    int? ResponseDays,
    DayCount ResponseDayCount,
    ResponseKind ResponseKind,
    string? ResponseSourceUrl,
    int? ExtensionDays,
    DayCount ExtensionDayCount,
    ExtensionStart ExtensionCountedFrom,
    int? MaxExtensions,
    string? ExtensionConditions,
    string? ExtensionSourceUrl,
    ClockEffect ClarificationEffect,
    ClockEffect FeeEstimateEffect,
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
        Jurisdiction = Jurisdiction,
        Name = Name,
        Citation = Citation,
        ResponseDays = ResponseDays,
        ResponseDayCount = ResponseDayCount,
        ResponseKind = ResponseKind,
        ResponseSourceUrl = ResponseSourceUrl,
        ExtensionDays = ExtensionDays,
        ExtensionDayCount = ExtensionDayCount,
        ExtensionCountedFrom = ExtensionCountedFrom,
        MaxExtensions = MaxExtensions,
        ExtensionConditions = ExtensionConditions,
        ExtensionSourceUrl = ExtensionSourceUrl,
        ClarificationEffect = ClarificationEffect,
        FeeEstimateEffect = FeeEstimateEffect,
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

/// <summary>One exemption as written in the seed file, naming its law by code.</summary>
public sealed record ExemptionSeed(
    string Law, string SeedKey, string Citation, string ShortName, string Description, string ProperUse, string ImproperUse, string SourceUrl)
{
    public Exemption ToExemption(Guid lawId, int sortOrder) => new()
    {
        LawId = lawId,
        SeedKey = SeedKey,
        Citation = Citation,
        ShortName = ShortName,
        Description = Description,
        ProperUse = ProperUse,
        ImproperUse = ImproperUse,
        SourceUrl = SourceUrl,
        SortOrder = sortOrder,
    };
}
