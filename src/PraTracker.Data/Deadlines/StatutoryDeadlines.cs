namespace PraTracker.Data.Deadlines;

/// <summary>A deadline the engine computed, before it is stored on a request.</summary>
public sealed record ComputedDeadline(DeadlineKind Kind, DateOnly DueOn, string Explanation);

/// <summary>The periods a law sets, counted on a business calendar and explained.</summary>
public static class StatutoryDeadlines
{
    /// <summary>
    /// The response deadline, and the extended one when the agency took its extension. A law with no fixed
    /// period gives none: the attorney sets a working deadline instead, never an invented number.
    /// </summary>
    public static IReadOnlyList<ComputedDeadline> AfterReceipt(PublicRecordsLaw law, BusinessCalendar calendar, DateOnly received, bool extended)
    {
        if (Response(law, calendar, received) is not { } response)
        {
            return [];
        }

        var deadlines = new List<ComputedDeadline> { new(DeadlineKind.InitialResponse, response.Due, response.Explanation) };
        // Where the extension runs from the acknowledgement (New York), the calculator knows no acknowledgement date,
        // so it takes the latest one the law allows: the last day of the response period.
        if (extended && Extension(law, calendar, received, response.Due, acknowledgedOn: response.Due) is { } extension)
        {
            var explanation = law.ExtensionCountedFrom == ExtensionStart.Acknowledgement
                ? $"Taking the acknowledgement as sent on the last day allowed, {response.Due:yyyy-MM-dd}: {extension.Explanation}"
                : extension.Explanation;
            deadlines.Add(new ComputedDeadline(DeadlineKind.ExtendedResponse, extension.Due, explanation));
        }

        return deadlines;
    }

    /// <summary>The initial response deadline after receipt; null where the law sets no fixed period.</summary>
    public static CountedDate? Response(PublicRecordsLaw law, BusinessCalendar calendar, DateOnly received) =>
        law.ResponseDays is { } days
            ? Cite(Count(law, law.ResponseDayCount, received, days, calendar, "receipt"), law, $"the {Describe(law.ResponseKind)} is due")
            : null;

    /// <summary>The latest date the law's extension allows; null where the law sets no extension length.</summary>
    public static CountedDate? Extension(PublicRecordsLaw law, BusinessCalendar calendar, DateOnly received, DateOnly originalDue, DateOnly acknowledgedOn)
    {
        if (law.ExtensionDays is not { } days)
        {
            return null;
        }

        var (from, what) = law.ExtensionCountedFrom switch
        {
            ExtensionStart.Receipt => (received, "receipt"),
            ExtensionStart.Acknowledgement => (acknowledgedOn, "the acknowledgement"),
            _ => (originalDue, "the original due date"),
        };
        return Cite(Count(law, law.ExtensionDayCount, from, days, calendar, what), law,
            $"the extension of at most {days} {Unit(law.ExtensionDayCount)}");
    }

    /// <summary>The requester's last day to appeal a denial; null where the law gives no appeal window.</summary>
    public static CountedDate? AppealWindow(PublicRecordsLaw law, BusinessCalendar calendar, DateOnly deniedOn) =>
        law.AppealWindowDays is { } days
            ? Cite(Count(law, law.AppealWindowDayCount, deniedOn, days, calendar, "the denial"), law, "the requester's last day to appeal")
            : null;

    /// <summary>The agency's last day to decide an appeal; null where the law sets none.</summary>
    public static CountedDate? AppealDecision(PublicRecordsLaw law, BusinessCalendar calendar, DateOnly appealedOn) =>
        law.AppealDecisionDays is { } days
            ? Cite(Count(law, law.AppealDecisionDayCount, appealedOn, days, calendar, "the appeal"), law, "the agency's decision on the appeal is due")
            : null;

    /// <summary>Counts <paramref name="days"/> in the law's unit from <paramref name="from"/> (not counted).</summary>
    public static CountedDate Count(PublicRecordsLaw law, DayCount unit, DateOnly from, int days, BusinessCalendar calendar, string fromWhat) =>
        unit == DayCount.Business
            ? DayCounting.AddBusinessDays(from, days, calendar, fromWhat)
            : DayCounting.AddCalendarDays(from, days, calendar, law.RollsToNextBusinessDay, fromWhat);

    public static string Unit(DayCount unit) => unit == DayCount.Business ? "business days" : "calendar days";

    private static CountedDate Cite(CountedDate counted, PublicRecordsLaw law, string what) =>
        counted with { Explanation = $"{counted.Explanation}: {what} ({law.Citation})." };

    private static string Describe(ResponseKind kind) => kind switch
    {
        ResponseKind.Acknowledgement => "response (records, a denial, or an acknowledgement with an estimated date)",
        ResponseKind.Production => "production of the records",
        _ => "determination",
    };
}
