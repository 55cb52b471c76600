using System.Globalization;
using System.Text.RegularExpressions;

namespace PraTracker.Data.Correspondence;

/// <summary>A date as a message wrote it, where it stands, and the weekday it named if that weekday is wrong.</summary>
internal sealed record WrittenDate(DateOnly Date, string AsWritten, int Index, string? WrongWeekday);

/// <summary>
/// Finds the dates agencies write: "December 15, 2026", "Dec. 15, 2026", "15 December 2026", "12/15/2026",
/// "2026-12-15", each maybe after a weekday ("Tuesday, December 15, 2026"). Impossible dates (February 30) are not dates.
/// </summary>
internal static class WrittenDates
{
    private const string Weekday = @"(?:(?<wd>mon|tues?|wed(?:nes)?|thu(?:rs?)?|fri|sat(?:ur)?|sun)(?:day)?\.?,?\s+)?";

    private const string Month = "jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?";

    private static readonly Regex Dates = new(
        $@"\b{Weekday}(?:(?<mn1>{Month})\.?\s+(?<d1>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?<y1>\d{{4}})"
        + $@"|(?<d2>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?(?<mn2>{Month})\.?,?\s+(?<y2>\d{{4}})"
        + @"|(?<a3>\d{1,2})/(?<b3>\d{1,2})/(?<y3>\d{4}|\d{2})"
        + @"|(?<y4>\d{4})-(?<m4>\d{1,2})-(?<d4>\d{1,2}))\b",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.NonBacktracking);

    /// <summary>
    /// Words that put a date forward as the one the agency means to keep: "by", "no later than", "extended to"...
    /// Not "due": extension notices name the date that was due before the one they promise.
    /// </summary>
    private static readonly Regex Cue = new(
        @"\b(?:by|on or before|on or about|no later than|until|extended to|expect(?:s|ed)?|anticipate[sd]?|estimated?)\b",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.NonBacktracking);

    private static readonly string[] MonthPrefixes = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];

    private static readonly string[] WeekdayPrefixes = ["sun", "mon", "tue", "wed", "thu", "fri", "sat"];

    public static IEnumerable<WrittenDate> Find(string text)
    {
        foreach (Match match in Dates.Matches(text))
        {
            if (ToDate(match) is { } date)
            {
                yield return new WrittenDate(date, match.Value.Trim(), match.Index, WrongWeekday(match, date));
            }
        }
    }

    /// <summary>The word just before a date (in the same sentence) that puts it forward as a promise, or null.</summary>
    public static string? CueBefore(string text, WrittenDate date)
    {
        var cues = Cue.Matches(Clause.Before(text, date.Index, 40));
        return cues.Count == 0 ? null : cues[^1].Value;
    }

    private static DateOnly? ToDate(Match match)
    {
        int? year, month, day;
        if (match.Groups["y1"].Success)
        {
            (year, month, day) = (Number(match, "y1"), MonthOf(match.Groups["mn1"].Value), Number(match, "d1"));
        }
        else if (match.Groups["y2"].Success)
        {
            (year, month, day) = (Number(match, "y2"), MonthOf(match.Groups["mn2"].Value), Number(match, "d2"));
        }
        else if (match.Groups["y3"].Success)
        {
            // Month first, as American agencies write it; a first number over 12 can only be a day (15/12/2026).
            var (a, b) = (Number(match, "a3"), Number(match, "b3"));
            (month, day) = a > 12 && b <= 12 ? (b, a) : (a, b);
            year = Number(match, "y3");
            if (match.Groups["y3"].Value.Length == 2)
            {
                year += 2000;
            }
        }
        else
        {
            (year, month, day) = (Number(match, "y4"), Number(match, "m4"), Number(match, "d4"));
        }

        if (year is not (>= 1 and <= 9999) || month is not (>= 1 and <= 12) || day is null)
        {
            return null;
        }

        return day >= 1 && day <= DateTime.DaysInMonth(year.Value, month.Value) ? new DateOnly(year.Value, month.Value, day.Value) : null;
    }

    private static string? WrongWeekday(Match match, DateOnly date)
    {
        var named = match.Groups["wd"];
        if (!named.Success)
        {
            return null;
        }

        var index = Array.IndexOf(WeekdayPrefixes, named.Value[..3].ToLowerInvariant());
        return index == (int)date.DayOfWeek ? null : CultureInfo.InvariantCulture.DateTimeFormat.GetDayName((DayOfWeek)index);
    }

    private static int? Number(Match match, string group) =>
        int.TryParse(match.Groups[group].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : null;

    private static int? MonthOf(string name) =>
        Array.IndexOf(MonthPrefixes, name[..3].ToLowerInvariant()) is var i and >= 0 ? i + 1 : null;
}
