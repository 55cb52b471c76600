using Microsoft.EntityFrameworkCore;
using PraTracker.Data.Database;

namespace PraTracker.Data.Deadlines;

/// <summary>A law as the admin list shows it.</summary>
public sealed record LawAdminRow(
    string Code, string Jurisdiction, string Name, string Citation, int? ResponseDays, DayCount ResponseDayCount,
    ResponseKind ResponseKind, SourceConfidence Confidence, DateOnly LastCheckedOn, string CalendarCode, int RequestCount);

/// <summary>What an admin can change about a law when a legislature amends it or a fact is checked.</summary>
public sealed class LawEdit
{
    public string Name { get; set; } = "";
    public string Citation { get; set; } = "";
    public int? ResponseDays { get; set; }
    public DayCount ResponseDayCount { get; set; }
    public ResponseKind ResponseKind { get; set; }
    public string? ResponseSourceUrl { get; set; }
    public int? ExtensionDays { get; set; }
    public DayCount ExtensionDayCount { get; set; }
    public ExtensionStart ExtensionCountedFrom { get; set; }
    public int? MaxExtensions { get; set; }
    public string? ExtensionConditions { get; set; }
    public string? ExtensionSourceUrl { get; set; }
    public ClockEffect ClarificationEffect { get; set; }
    public ClockEffect FeeEstimateEffect { get; set; }
    public bool RollsToNextBusinessDay { get; set; }
    public int? AppealWindowDays { get; set; }
    public DayCount AppealWindowDayCount { get; set; }
    public int? AppealDecisionDays { get; set; }
    public DayCount AppealDecisionDayCount { get; set; }
    public string? AppealSourceUrl { get; set; }
    public string CalendarCode { get; set; } = "";
    public string? Notes { get; set; }

    /// <summary>The law's own follow-up letter; empty for the built-in one.</summary>
    public string? FollowUpTemplate { get; set; }
    public SourceConfidence Confidence { get; set; }
    public DateOnly LastCheckedOn { get; set; }

    public static LawEdit From(PublicRecordsLaw law) => new()
    {
        Name = law.Name,
        Citation = law.Citation,
        ResponseDays = law.ResponseDays,
        ResponseDayCount = law.ResponseDayCount,
        ResponseKind = law.ResponseKind,
        ResponseSourceUrl = law.ResponseSourceUrl,
        ExtensionDays = law.ExtensionDays,
        ExtensionDayCount = law.ExtensionDayCount,
        ExtensionCountedFrom = law.ExtensionCountedFrom,
        MaxExtensions = law.MaxExtensions,
        ExtensionConditions = law.ExtensionConditions,
        ExtensionSourceUrl = law.ExtensionSourceUrl,
        ClarificationEffect = law.ClarificationEffect,
        FeeEstimateEffect = law.FeeEstimateEffect,
        RollsToNextBusinessDay = law.RollsToNextBusinessDay,
        AppealWindowDays = law.AppealWindowDays,
        AppealWindowDayCount = law.AppealWindowDayCount,
        AppealDecisionDays = law.AppealDecisionDays,
        AppealDecisionDayCount = law.AppealDecisionDayCount,
        AppealSourceUrl = law.AppealSourceUrl,
        CalendarCode = law.HolidayCalendar.Code,
        Notes = law.Notes,
        FollowUpTemplate = law.FollowUpTemplate,
        Confidence = law.Confidence,
        LastCheckedOn = law.LastCheckedOn,
    };
}

/// <summary>An admin's change to a law: saved, or refused with reasons; <see cref="Changed"/> says whether deadlines need recounting.</summary>
public sealed record LawUpdateResult(IReadOnlyList<string> Errors, Guid? LawId, bool Changed);

/// <summary>Reads and edits laws for the admin pages. Edits are audited like every other change.</summary>
public static class LawAdministration
{
    public const int MaxPeriodDays = 366;

    public static async Task<IReadOnlyList<LawAdminRow>> ListAsync(PraTrackerDbContext db, CancellationToken ct = default)
    {
        var rows = await db.Laws.AsNoTracking()
            .OrderBy(l => l.Code == "US-FED" ? 0 : 1).ThenBy(l => l.Jurisdiction).ThenBy(l => l.Code)
            .Select(l => new
            {
                l.Code,
                l.Jurisdiction,
                l.Name,
                l.Citation,
                l.ResponseDays,
                l.ResponseDayCount,
                l.ResponseKind,
                l.Confidence,
                l.LastCheckedOn,
                CalendarCode = l.HolidayCalendar.Code,
                RequestCount = db.Requests.Count(r => r.LawId == l.Id),
            })
            .ToListAsync(ct);
        return [.. rows.Select(l => new LawAdminRow(l.Code, l.Jurisdiction, l.Name, l.Citation, l.ResponseDays, l.ResponseDayCount,
            l.ResponseKind, l.Confidence, l.LastCheckedOn, l.CalendarCode, l.RequestCount))];
    }

    public static Task<PublicRecordsLaw?> FindAsync(PraTrackerDbContext db, string code, CancellationToken ct = default) =>
        db.Laws.AsNoTracking().Include(l => l.HolidayCalendar).SingleOrDefaultAsync(l => l.Code == code, ct);

    public static Task<List<string>> CalendarCodesAsync(PraTrackerDbContext db, CancellationToken ct = default) =>
        db.HolidayCalendars.AsNoTracking().OrderBy(c => c.Code).Select(c => c.Code).ToListAsync(ct);

    /// <summary>Every problem with an edit, in words an admin can act on.</summary>
    public static IReadOnlyList<string> Validate(LawEdit edit)
    {
        var errors = new List<string>();
        Require(errors, edit.Name, "The law needs a name.");
        Require(errors, edit.Citation, "The law needs a citation for its response period.");
        if (edit.ResponseKind == ResponseKind.NoFixedPeriod && edit.ResponseDays is not null)
        {
            errors.Add("A law with no fixed period has no response days; clear the number, or pick what the response must be.");
        }

        if (edit.ResponseKind != ResponseKind.NoFixedPeriod && edit.ResponseDays is null)
        {
            errors.Add("Give the number of days to respond, or mark the law as setting no fixed period.");
        }

        Period(errors, edit.ResponseDays, "response period");
        Period(errors, edit.ExtensionDays, "extension");
        Period(errors, edit.AppealWindowDays, "appeal window");
        Period(errors, edit.AppealDecisionDays, "appeal decision period");
        if (edit.MaxExtensions is < 1)
        {
            errors.Add("The number of extensions allowed is at least 1; leave it empty where the law sets no limit.");
        }

        foreach (var (url, what) in new[] { (edit.ResponseSourceUrl, "response"), (edit.ExtensionSourceUrl, "extension"), (edit.AppealSourceUrl, "appeal") })
        {
            if (!string.IsNullOrWhiteSpace(url) && !(Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme is "https" or "http"))
            {
                errors.Add($"The {what} source must be a web address (https://...), not \"{url}\".");
            }
        }

        if (!string.IsNullOrWhiteSpace(edit.FollowUpTemplate))
        {
            errors.AddRange(Correspondence.FollowUpLetters.Validate(edit.FollowUpTemplate).Select(e => $"Follow-up letter: {e}"));
        }

        return errors;
    }

    /// <summary>Saves an edit to a law, or returns why not; nothing is saved when there are errors.</summary>
    public static async Task<LawUpdateResult> UpdateAsync(PraTrackerDbContext db, string code, LawEdit edit, CancellationToken ct = default)
    {
        var errors = Validate(edit).ToList();
        var law = await db.Laws.Include(l => l.HolidayCalendar).SingleOrDefaultAsync(l => l.Code == code, ct);
        if (law is null)
        {
            return new LawUpdateResult([$"There is no law {code}."], null, false);
        }

        var calendar = await db.HolidayCalendars.SingleOrDefaultAsync(c => c.Code == edit.CalendarCode, ct);
        if (calendar is null)
        {
            errors.Add($"There is no holiday calendar {edit.CalendarCode}.");
        }

        if (errors.Count > 0)
        {
            return new LawUpdateResult(errors, law.Id, false);
        }

        law.Name = edit.Name.Trim();
        law.Citation = edit.Citation.Trim();
        law.ResponseDays = edit.ResponseDays;
        law.ResponseDayCount = edit.ResponseDayCount;
        law.ResponseKind = edit.ResponseKind;
        law.ResponseSourceUrl = InputText.TrimmedOrNull(edit.ResponseSourceUrl);
        law.ExtensionDays = edit.ExtensionDays;
        law.ExtensionDayCount = edit.ExtensionDayCount;
        law.ExtensionCountedFrom = edit.ExtensionCountedFrom;
        law.MaxExtensions = edit.MaxExtensions;
        law.ExtensionConditions = InputText.TrimmedOrNull(edit.ExtensionConditions);
        law.ExtensionSourceUrl = InputText.TrimmedOrNull(edit.ExtensionSourceUrl);
        law.ClarificationEffect = edit.ClarificationEffect;
        law.FeeEstimateEffect = edit.FeeEstimateEffect;
        law.RollsToNextBusinessDay = edit.RollsToNextBusinessDay;
        law.AppealWindowDays = edit.AppealWindowDays;
        law.AppealWindowDayCount = edit.AppealWindowDayCount;
        law.AppealDecisionDays = edit.AppealDecisionDays;
        law.AppealDecisionDayCount = edit.AppealDecisionDayCount;
        law.AppealSourceUrl = InputText.TrimmedOrNull(edit.AppealSourceUrl);
        law.HolidayCalendar = calendar!;
        law.Notes = InputText.TrimmedOrNull(edit.Notes);
        law.FollowUpTemplate = InputText.TrimmedOrNull(edit.FollowUpTemplate);
        law.Confidence = edit.Confidence;
        law.LastCheckedOn = edit.LastCheckedOn;

        var changed = db.ChangeTracker.HasChanges();
        await db.SaveChangesAsync(ct);
        return new LawUpdateResult([], law.Id, changed);
    }

    private static void Require(List<string> errors, string? value, string message)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            errors.Add(message);
        }
    }

    private static void Period(List<string> errors, int? days, string what)
    {
        if (days is < 1 or > MaxPeriodDays)
        {
            errors.Add($"The {what} must be between 1 and {MaxPeriodDays} days, or empty.");
        }
    }

}
