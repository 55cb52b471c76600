using System.Globalization;
using PraTracker.Data.Deadlines;

namespace PraTracker.Jobs.Alerts;

/// <summary>The words alert e-mails use, shared by the HTML and the plain-text bodies and the subject line.</summary>
public static class AlertWording
{
    /// <summary>Dates in alerts carry the weekday and an unambiguous day order, whatever the server's culture.</summary>
    public static string Date(DateOnly on) => on.ToString("dddd yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static string When(DateOnly on, DateOnly today)
    {
        var daysLeft = on.DayNumber - today.DayNumber;
        return daysLeft switch
        {
            < -1 => $"{-daysLeft} days overdue",
            -1 => "1 day overdue",
            _ => $"due {Ahead(daysLeft)}",
        };
    }

    /// <summary>What the alert is about, in one line: "Response due in 2 days", "Contract renews in 30 days".</summary>
    public static string Headline(PendingAlert alert, DateOnly today)
    {
        if (alert.Deadline is { } deadline)
        {
            // An objection's dates are the requester's own: the alert says what the attorney must do, and for whom.
            var vendor = deadline.ObjectingVendor ?? "the vendor";
            return deadline.Kind switch
            {
                DeadlineKind.ObjectionNotice => $"Your response to {vendor}'s objection is {When(deadline.DueOn, today)}",
                DeadlineKind.ObjectionCourtDate => $"Court date on {vendor}'s objection {CourtWhen(deadline.DueOn, today)}",
                _ => $"{DeadlineKindNames.Of(deadline.Kind)} {When(deadline.DueOn, today)}",
            };
        }

        var contract = alert.Contract!;
        var verb = contract.Milestone == ContractMilestone.Ends ? "ends" : "renews";
        return $"Contract {verb} {Ahead(contract.On.DayNumber - today.DayNumber)}";
    }

    // A court date is not "due" and is not "overdue": it is on a day, or it was.
    private static string CourtWhen(DateOnly on, DateOnly today)
    {
        var daysLeft = on.DayNumber - today.DayNumber;
        return daysLeft switch
        {
            < -1 => $"was {-daysLeft} days ago",
            -1 => "was yesterday",
            _ => $"is {Ahead(daysLeft)}",
        };
    }

    // "today", "tomorrow", "in 5 days"
    private static string Ahead(int days) => days switch
    {
        0 => "today",
        1 => "tomorrow",
        _ => $"in {days} days",
    };

    /// <summary>The subject line: one alert names its request or contract; a digest counts what it holds.</summary>
    public static string Subject(IReadOnlyList<PendingAlert> alerts, DateOnly today, bool digest)
    {
        if (!digest && alerts.Count == 1)
        {
            var alert = alerts[0];
            return alert.Deadline is { } deadline
                ? $"[{deadline.Reference}] {Headline(alert, today)} ({deadline.DueOn:yyyy-MM-dd})"
                : $"{Headline(alert, today)}: {alert.Contract!.ContractTitle} ({alert.Contract.AgencyName})";
        }

        var overdue = alerts.Count(a => a.Deadline is not null && a.DueOn < today);
        var count = alerts.Count == 1 ? "1 alert" : $"{alerts.Count} alerts";
        return overdue > 0
            ? $"PraTracker digest for {Date(today)}: {count}, {overdue} overdue"
            : $"PraTracker digest for {Date(today)}: {count}";
    }

    /// <summary>What introduces a deadline's explanation: a counted date, or one an objection's notice or a court set.</summary>
    public static string ExplanationLead(DeadlineAlert deadline) =>
        deadline.Kind is DeadlineKind.ObjectionNotice or DeadlineKind.ObjectionCourtDate ? "Where the date comes from" : "How the date was counted";

    /// <summary>The page the alert is about.</summary>
    public static string Link(string baseUrl, PendingAlert alert) =>
        alert.Deadline is { } deadline ? $"{baseUrl}/requests/{deadline.RequestId}" : $"{baseUrl}/contracts/{alert.Contract!.ContractId}";

    /// <summary>Why a contract date matters to the attorney reading the alert.</summary>
    public const string ContractAdvice = "A renewal or a new contract usually goes to a council vote first: the moment to file a new request about it.";
}
