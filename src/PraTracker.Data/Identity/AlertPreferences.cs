using Microsoft.EntityFrameworkCore;
using PraTracker.Data.Database;
using PraTracker.Data.Deadlines;

namespace PraTracker.Data.Identity;

/// <summary>A user's alert settings as the preferences form edits them.</summary>
public sealed record AlertPreferencesInput(string LeadDays, AlertDelivery Delivery, int DigestHour);

/// <summary>A user's alert settings and whether they have a calendar feed.</summary>
public sealed record AlertPreferencesView(IReadOnlyList<int> LeadDays, AlertDelivery Delivery, int DigestHour, bool HasCalendarFeed);

/// <summary>Each user's choice of alert lead times and delivery, and their secret calendar-feed address.</summary>
public static class AlertPreferences
{
    public const int DefaultDigestHour = 8;

    /// <summary>The furthest ahead a deadline alert may be asked for; the scan reads deadlines this far ahead.</summary>
    public const int MaxLeadDays = 30;

    public const int MaxLeadTimes = 6;

    /// <summary>The lead times stored for a user, or the defaults when none (or nothing readable) is stored.</summary>
    public static IReadOnlyList<int> LeadDaysOf(string? stored) =>
        TryParseLeadDays(stored, out var leads) && leads.Count > 0 ? leads : ReminderSchedule.DefaultLeadDays;

    /// <summary>Reads "7, 2, 1, 0" into distinct lead times, largest first; false on anything else.</summary>
    public static bool TryParseLeadDays(string? text, out IReadOnlyList<int> leads)
    {
        leads = [];
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        var parsed = new SortedSet<int>(Comparer<int>.Create((a, b) => b.CompareTo(a)));
        foreach (var part in text.Split([',', ' ', ';'], StringSplitOptions.RemoveEmptyEntries))
        {
            if (!int.TryParse(part, out var lead) || lead is < 0 or > MaxLeadDays)
            {
                return false;
            }

            parsed.Add(lead);
        }

        leads = [.. parsed];
        return leads.Count is > 0 and <= MaxLeadTimes;
    }

    public static string Format(IEnumerable<int> leads) => string.Join(", ", leads);

    public static IReadOnlyDictionary<string, string> Validate(AlertPreferencesInput input)
    {
        var errors = new Dictionary<string, string>();
        if (!TryParseLeadDays(input.LeadDays, out _))
        {
            errors[nameof(input.LeadDays)] =
                $"Give 1 to {MaxLeadTimes} whole numbers of days before the due date, each from 0 (the day itself) to {MaxLeadDays}, separated by commas.";
        }

        if (input.DigestHour is < 0 or > 23)
        {
            errors[nameof(input.DigestHour)] = "Choose an hour from 0 to 23.";
        }

        if (!Enum.IsDefined(input.Delivery))
        {
            errors[nameof(input.Delivery)] = "Choose how alerts are delivered.";
        }

        return errors;
    }

    public static async Task<AlertPreferencesView?> GetAsync(PraTrackerDbContext db, string userId, CancellationToken ct = default)
    {
        var user = await db.Users.AsNoTracking()
            .Where(u => u.Id == userId)
            .Select(u => new { u.AlertLeadDays, u.AlertDelivery, u.DigestHour, HasFeed = u.CalendarFeedTokenHash != null })
            .SingleOrDefaultAsync(ct);
        return user is null ? null : new AlertPreferencesView(LeadDaysOf(user.AlertLeadDays), user.AlertDelivery, user.DigestHour, user.HasFeed);
    }

    /// <summary>Saves the preferences, or returns the errors and saves nothing.</summary>
    public static async Task<IReadOnlyDictionary<string, string>> SaveAsync(PraTrackerDbContext db, string userId, AlertPreferencesInput input, CancellationToken ct = default)
    {
        var errors = Validate(input);
        if (errors.Count > 0)
        {
            return errors;
        }

        TryParseLeadDays(input.LeadDays, out var leads);
        var stored = leads.SequenceEqual(ReminderSchedule.DefaultLeadDays) ? null : Format(leads);
        var changed = await db.Users.Where(u => u.Id == userId).ExecuteUpdateAsync(
            set => set.SetProperty(u => u.AlertLeadDays, stored).SetProperty(u => u.AlertDelivery, input.Delivery).SetProperty(u => u.DigestHour, input.DigestHour),
            ct);
        return changed == 1 ? errors : new Dictionary<string, string> { [""] = "Your account no longer exists." };
    }

    /// <summary>
    /// Creates a new secret for the user's calendar feed, replacing (and so revoking) any earlier one, and returns it.
    /// Only its hash is stored, so the address can be shown once and never read back from the database.
    /// </summary>
    public static async Task<string> RenewCalendarFeedAsync(PraTrackerDbContext db, string userId, CancellationToken ct = default)
    {
        var token = SecretTokens.New();
        var hash = SecretTokens.Hash(token);
        var changed = await db.Users.Where(u => u.Id == userId).ExecuteUpdateAsync(set => set.SetProperty(u => u.CalendarFeedTokenHash, hash), ct);
        return changed == 1 ? token : throw new InvalidOperationException("Your account no longer exists.");
    }

    /// <summary>Revokes the user's calendar feed: its address answers 404 from now on.</summary>
    public static Task RevokeCalendarFeedAsync(PraTrackerDbContext db, string userId, CancellationToken ct = default) =>
        db.Users.Where(u => u.Id == userId).ExecuteUpdateAsync(set => set.SetProperty(u => u.CalendarFeedTokenHash, (string?)null), ct);

    /// <summary>The enabled user a feed token belongs to, or null for an unknown, revoked or malformed one.</summary>
    public static async Task<string?> FeedOwnerAsync(PraTrackerDbContext db, string token, DateTimeOffset now, CancellationToken ct = default)
    {
        if (!SecretTokens.IsWellFormed(token))
        {
            return null;
        }

        var hash = SecretTokens.Hash(token);
        var owner = await db.Users.AsNoTracking()
            .Where(u => u.CalendarFeedTokenHash == hash)
            .Select(u => new { u.Id, u.LockoutEnd })
            .SingleOrDefaultAsync(ct);
        return owner is null || owner.LockoutEnd > now ? null : owner.Id;
    }
}
