using Microsoft.Extensions.Configuration;

namespace PraTracker.Data.Database;

/// <summary>"Now" and "today" in the organisation's time zone, where the law counts its days.</summary>
public sealed class OrganisationClock(TimeProvider clock, TimeZoneInfo zone)
{
    public const string TimeZoneKey = "Organisation:TimeZone";
    public const string DefaultTimeZone = "America/Los_Angeles";

    public TimeZoneInfo Zone { get; } = zone;

    public DateTimeOffset UtcNow => clock.GetUtcNow();

    public DateOnly Today => DateOnly.FromDateTime(ToLocal(clock.GetUtcNow()).DateTime);

    public DateTimeOffset ToLocal(DateTimeOffset instant) => TimeZoneInfo.ConvertTime(instant, Zone);

    /// <summary>An instant as pages show it: date and time in the organisation's zone.</summary>
    public string Format(DateTimeOffset instant) => ToLocal(instant).ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The instant a day begins in the organisation's time zone.</summary>
    public DateTimeOffset StartOf(DateOnly day)
    {
        var local = day.ToDateTime(TimeOnly.MinValue);
        return new DateTimeOffset(local, Zone.GetUtcOffset(local)).ToUniversalTime();
    }

    public static TimeZoneInfo ZoneFrom(IConfiguration configuration)
    {
        var id = configuration[TimeZoneKey] is { Length: > 0 } configured ? configured : DefaultTimeZone;
        return TimeZoneInfo.TryFindSystemTimeZoneById(id, out var zone)
            ? zone
            : throw new InvalidOperationException($"{TimeZoneKey} is '{id}', which is not a time zone this machine knows (use an IANA id such as America/New_York).");
    }
}
