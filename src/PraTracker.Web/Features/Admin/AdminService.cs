using Microsoft.EntityFrameworkCore;
using PraTracker.Data.Database;
using PraTracker.Data.Deadlines;
using PraTracker.Data.Identity;

namespace PraTracker.Web.Features.Admin;

/// <summary>The admin page's reads about e-mail: whether it is on, and how deadline alerts are going.</summary>
public sealed class AdminService(IDbContextFactory<PraTrackerDbContext> dbFactory, OrganisationClock clock, PraTracker.Jobs.Email.SmtpSettings smtp)
{
    /// <summary>Where deadline alerts go out, or null when e-mail is off (no Smtp:Host).</summary>
    public string? MailServer => smtp.Enabled ? $"{smtp.Host}:{smtp.Port} ({smtp.Security}), from {smtp.From}" : null;

    public async Task<AlertLedgerStatus> AlertStatusAsync(CancellationToken ct = default)
    {
        await using var db = (await dbFactory.CreateDbContextAsync(ct)).ViewAs(Viewer.System);
        return await ReminderLedger.StatusAsync(db, clock.UtcNow, ct);
    }
}
