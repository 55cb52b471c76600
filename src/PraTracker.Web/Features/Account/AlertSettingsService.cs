using PraTracker.Data.Contracts;
using PraTracker.Data.Database;
using PraTracker.Data.Identity;
using PraTracker.Jobs.Email;
using PraTracker.Web.Security;

namespace PraTracker.Web.Features.Account;

/// <summary>The signed-in user's own alert settings, calendar feed and follows; every call acts on the caller only.</summary>
public sealed class AlertSettingsService(ViewerContextFactory contexts, OrganisationClock clock, SmtpSettings smtp)
{
    /// <summary>Whether alert e-mails go out at all on this installation.</summary>
    public bool MailEnabled => smtp.Enabled;

    /// <summary>The organisation's time zone, which digest hours are in.</summary>
    public string TimeZone => clock.Zone.Id;

    public Task<AlertPreferencesView?> GetAsync(CancellationToken ct = default) =>
        AsStaffAsync((db, me) => AlertPreferences.GetAsync(db, me, ct), ct);

    public Task<IReadOnlyDictionary<string, string>> SaveAsync(AlertPreferencesInput input, CancellationToken ct = default) =>
        AsStaffAsync((db, me) => AlertPreferences.SaveAsync(db, me, input, ct), ct);

    /// <summary>Issues a new feed address (revoking the old one) and returns it; it is shown once.</summary>
    public Task<string> RenewCalendarFeedAsync(string baseUri, CancellationToken ct = default) =>
        AsStaffAsync(async (db, me) => CalendarFeedAddress(baseUri, await AlertPreferences.RenewCalendarFeedAsync(db, me, ct)), ct);

    public Task RevokeCalendarFeedAsync(CancellationToken ct = default) =>
        AsStaffAsync(async (db, me) => await AlertPreferences.RevokeCalendarFeedAsync(db, me, ct), ct);

    public Task<IReadOnlyList<FollowRow>> FollowingAsync(CancellationToken ct = default) =>
        AsStaffAsync((db, me) => Following.ListAsync(db, me, ct), ct);

    public Task<bool> IsFollowingAsync(FollowSubject subject, CancellationToken ct = default) =>
        AsStaffAsync((db, me) => Following.IsFollowingAsync(db, me, subject, ct), ct);

    public Task FollowAsync(FollowSubject subject, CancellationToken ct = default) =>
        AsStaffAsync(async (db, me) => await Following.FollowAsync(db, me, subject, clock.UtcNow, ct), ct);

    public Task UnfollowAsync(FollowSubject subject, CancellationToken ct = default) =>
        AsStaffAsync(async (db, me) => await Following.UnfollowAsync(db, me, subject, ct), ct);

    public static string CalendarFeedAddress(string baseUri, string token) => $"{baseUri.TrimEnd('/')}/calendar/{token}.ics";

    private async Task<T> AsStaffAsync<T>(Func<PraTrackerDbContext, string, Task<T>> action, CancellationToken ct)
    {
        await using var db = await contexts.OpenAsStaffAsync(ct);
        return await action(db, db.Viewer.UserId!);
    }

    private Task AsStaffAsync(Func<PraTrackerDbContext, string, Task> action, CancellationToken ct) =>
        AsStaffAsync(async (db, me) =>
        {
            await action(db, me);
            return true;
        }, ct);
}
