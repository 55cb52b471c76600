using System.Globalization;
using PraTracker.Data.Deadlines;

namespace PraTracker.Data.Correspondence;

/// <summary>The pieces every drafted letter writes the same way: dates, the agency's reference, the reply-by date.</summary>
internal static class LetterParts
{
    /// <summary>Days the agency is given to answer a follow-up or a request for reconsideration: short, but not unreasonable.</summary>
    public const int DaysToReply = 10;

    /// <summary>"December 15, 2026", whatever the server's culture.</summary>
    public static string Written(DateOnly date) => date.ToString("MMMM d, yyyy", CultureInfo.InvariantCulture);

    /// <summary>" (your reference 2026-123)", or nothing when the agency gave no tracking number, so the sentence reads either way.</summary>
    public static string Tracking(string? agencyTrackingNumber) =>
        string.IsNullOrWhiteSpace(agencyTrackingNumber) ? "" : $" (your reference {agencyTrackingNumber.Trim()})";

    /// <summary><see cref="DaysToReply"/> days after the letter, moved off a weekend to the Monday.</summary>
    public static DateOnly ReplyBy(DateOnly letterDate)
    {
        var date = letterDate.AddDays(DaysToReply);
        return date.DayOfWeek switch
        {
            DayOfWeek.Saturday => date.AddDays(2),
            DayOfWeek.Sunday => date.AddDays(1),
            _ => date,
        };
    }

    public static string Days(int count, DayCount unit) =>
        $"{count} {(unit == DayCount.Business ? "business" : "calendar")} {(count == 1 ? "day" : "days")}";

    /// <summary>Who a letter under this law is addressed to.</summary>
    public static string RecordsOfficer(PublicRecordsLaw law) => law.Code switch
    {
        "US-FED" => "FOIA Officer",
        "US-CA" => "Custodian of Records",
        _ => "Records Officer",
    };
}
