namespace PraTracker.Data.Deadlines;

/// <summary>A deadline the engine computed, before it is stored on a request.</summary>
public sealed record ComputedDeadline(DeadlineKind Kind, DateOnly DueOn, string Explanation);

/// <summary>The deadlines a law sets from the day an agency received a request.</summary>
public static class StatutoryDeadlines
{
    /// <summary>
    /// The response deadline, and the extended one when the agency took its extension. A law with no fixed
    /// period gives none: the attorney sets a working deadline instead, never an invented number.
    /// </summary>
    public static IReadOnlyList<ComputedDeadline> AfterReceipt(PublicRecordsLaw law, BusinessCalendar calendar, DateOnly received, bool extended)
    {
        if (law.ResponseDays is not { } responseDays)
        {
            return [];
        }

        var response = Count(law, law.ResponseDayCount, received, responseDays, calendar, "receipt");
        var deadlines = new List<ComputedDeadline>
        {
            new(DeadlineKind.InitialResponse, response.Due, $"{response.Explanation}. {law.Citation}."),
        };

        if (extended && law.ExtensionDays is { } extensionDays)
        {
            var (from, what) = law.ExtensionCountedFrom == ExtensionStart.Receipt
                ? (received, "receipt")
                : (response.Due, "the original due date");
            var extension = Count(law, law.ExtensionDayCount, from, extensionDays, calendar, what);
            deadlines.Add(new ComputedDeadline(DeadlineKind.ExtendedResponse, extension.Due,
                $"{extension.Explanation}: the extension of at most {extensionDays} {Unit(law.ExtensionDayCount)}. {law.Citation}."));
        }

        return deadlines;
    }

    private static CountedDate Count(PublicRecordsLaw law, DayCount unit, DateOnly from, int days, BusinessCalendar calendar, string fromWhat) =>
        unit == DayCount.Business
            ? DayCounting.AddBusinessDays(from, days, calendar, fromWhat)
            : DayCounting.AddCalendarDays(from, days, calendar, law.RollsToNextBusinessDay, fromWhat);

    private static string Unit(DayCount unit) => unit == DayCount.Business ? "business days" : "calendar days";
}
