using Microsoft.AspNetCore.Identity;

namespace PraTracker.Data.Identity;

/// <summary>A signed-in user of the app: an attorney or an admin.</summary>
public class PraTrackerUser : IdentityUser
{
    public string DisplayName { get; set; } = "";
    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>Days before a due date this user is alerted, comma-separated ("7,2,1,0"); null means the defaults.</summary>
    public string? AlertLeadDays { get; set; }

    /// <summary>One e-mail per alert, or one digest a day.</summary>
    public AlertDelivery AlertDelivery { get; set; }

    /// <summary>The hour (0-23, in the organisation's time zone) the daily digest goes out.</summary>
    public int DigestHour { get; set; } = AlertPreferences.DefaultDigestHour;

    /// <summary>SHA-256 of the secret in the user's calendar-feed address; null when there is no feed. The secret itself is never stored.</summary>
    public string? CalendarFeedTokenHash { get; set; }

    /// <summary>When an admin disabled the account; null while it may sign in. A disabled account is also locked out indefinitely.</summary>
    public DateTimeOffset? DisabledAt { get; set; }
}

/// <summary>How a user receives deadline and contract alerts.</summary>
public enum AlertDelivery
{
    EachAlert,
    DailyDigest,
}

/// <summary>The roles the app knows.</summary>
public static class Roles
{
    public const string Admin = "Admin";
    public const string Attorney = "Attorney";
    public static readonly IReadOnlyList<string> All = [Admin, Attorney];
}
