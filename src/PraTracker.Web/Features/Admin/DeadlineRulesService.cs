using PraTracker.Data.Deadlines;
using PraTracker.Jobs.Deadlines;
using PraTracker.Web.Security;

namespace PraTracker.Web.Features.Admin;

/// <summary>
/// The admin pages for laws and holiday calendars. Every change that can move a date queues a recount of the
/// deadlines it touches, so requests never keep dates counted under the old rule.
/// </summary>
public sealed class DeadlineRulesService(ViewerContextFactory contexts, DeadlineRecalculation recalculation)
{
    public Task<IReadOnlyList<LawAdminRow>> ListLawsAsync(CancellationToken ct = default) =>
        contexts.ReadAsync(db => LawAdministration.ListAsync(db, ct), ct);

    public async Task<(LawEdit Edit, PublicRecordsLaw Law, IReadOnlyList<string> CalendarCodes)?> GetLawAsync(string code, CancellationToken ct = default)
    {
        await using var db = await contexts.OpenAsync(ct);
        if (await LawAdministration.FindAsync(db, code, ct) is not { } law)
        {
            return null;
        }

        return (LawEdit.From(law), law, await LawAdministration.CalendarCodesAsync(db, ct));
    }

    /// <summary>Saves a law; returns the errors, or none and the message to show.</summary>
    public async Task<(IReadOnlyList<string> Errors, string? Message)> SaveLawAsync(string code, LawEdit edit, CancellationToken ct = default)
    {
        await using var db = await contexts.OpenAsync(ct);
        var result = await LawAdministration.UpdateAsync(db, code, edit, ct);
        if (result.Errors.Count > 0)
        {
            return (result.Errors, null);
        }

        if (!result.Changed)
        {
            return ([], "Nothing changed.");
        }

        recalculation.Enqueue(RecalculationScope.Law, result.LawId!.Value);
        return ([], $"Saved. The deadlines of every request under {code} are being recounted.");
    }

    public Task<CalendarView?> GetCalendarAsync(string code, int year, CancellationToken ct = default) =>
        contexts.ReadAsync(db => CalendarAdministration.GetAsync(db, code, year, ct), ct);

    public Task<IReadOnlyList<AgencyOption>> SearchAgenciesAsync(string? text, CancellationToken ct = default) =>
        contexts.ReadAsync(db => CalendarAdministration.SearchAgenciesAsync(db, text, ct), ct);

    public Task<IReadOnlyList<string>> AddRuleAsync(string calendarCode, HolidayRuleInput input, CancellationToken ct = default) =>
        ChangeAsync(db => CalendarAdministration.AddRuleAsync(db, calendarCode, input, ct), ct);

    public Task<IReadOnlyList<string>> RemoveRuleAsync(Guid ruleId, CancellationToken ct = default) =>
        ChangeAsync(db => CalendarAdministration.RemoveRuleAsync(db, ruleId, ct), ct);

    public Task<IReadOnlyList<string>> AddClosureAsync(string calendarCode, Guid? agencyId, DateOnly date, string reason, CancellationToken ct = default) =>
        ChangeAsync(db => CalendarAdministration.AddClosureAsync(db, calendarCode, agencyId, date, reason, ct), ct);

    public Task<IReadOnlyList<string>> RemoveClosureAsync(Guid closureId, CancellationToken ct = default) =>
        ChangeAsync(db => CalendarAdministration.RemoveClosureAsync(db, closureId, ct), ct);

    private async Task<IReadOnlyList<string>> ChangeAsync(Func<Data.Database.PraTrackerDbContext, Task<CalendarChange>> change, CancellationToken ct)
    {
        await using var db = await contexts.OpenAsync(ct);
        var result = await change(db);
        if (result.CalendarId is { } calendarId)
        {
            recalculation.Enqueue(RecalculationScope.Calendar, calendarId);
        }

        if (result.AgencyId is { } agencyId)
        {
            recalculation.Enqueue(RecalculationScope.Agency, agencyId);
        }

        return result.Errors;
    }
}
