using PraTracker.Data.Identity;

namespace PraTracker.Data.Deadlines;

/// <summary>One e-mail to send: a single alert, or a recipient's daily digest.</summary>
public sealed record AlertEmailPlan(AlertRecipient Recipient, IReadOnlyList<PendingAlert> Alerts, bool Digest);

/// <summary>
/// When deadline alerts fall due: at each lead time before the due date (by default 7 days, 2 days, the day before
/// and the day itself), then every 3 days once overdue. Pure, so the scan and its tests agree on every day.
/// </summary>
public static class ReminderSchedule
{
    public static readonly IReadOnlyList<int> DefaultLeadDays = [7, 2, 1, 0];

    public const int OverdueEveryDays = 3;

    /// <summary>Days before a contract ends or renews that its followers are told: a renewal vote is the moment to file a new request.</summary>
    public static readonly IReadOnlyList<int> ContractLeadDays = [60, 30];

    /// <summary>
    /// The alert due today for a deadline, named by its lead time (days before the due date; negative once overdue),
    /// or null when none is. Of the lead times already reached, the nearest one counts, so a deadline first seen
    /// three days out gets one alert (the 7-day one), not a backlog.
    /// </summary>
    public static int? AlertDue(DateOnly dueOn, DateOnly today, IReadOnlyList<int>? leadDays = null)
    {
        var daysLeft = dueOn.DayNumber - today.DayNumber;
        if (daysLeft < 0)
        {
            // Overdue: the first day after, then every third day: -1, -4, -7...
            var overdue = -daysLeft;
            return -(1 + (OverdueEveryDays * ((overdue - 1) / OverdueEveryDays)));
        }

        return NearestReached(leadDays ?? DefaultLeadDays, daysLeft);
    }

    /// <summary>The contract alert due today for a contract date (60 or 30 days out), or null; none once the date has passed.</summary>
    public static int? ContractAlertDue(DateOnly on, DateOnly today)
    {
        var daysLeft = on.DayNumber - today.DayNumber;
        return daysLeft < 0 ? null : NearestReached(ContractLeadDays, daysLeft);
    }

    /// <summary>
    /// Whether a user's daily digest is due: once the chosen hour has come in the organisation's time zone, and no
    /// alert was sent to them since then. Whatever was claimed after today's digest waits for tomorrow's.
    /// </summary>
    public static bool DigestDue(DateTimeOffset now, TimeZoneInfo zone, int digestHour, DateTimeOffset? lastSentAt)
    {
        var local = TimeZoneInfo.ConvertTime(now, zone);
        var todaysHour = local.Date.AddHours(digestHour);
        var digestTime = new DateTimeOffset(todaysHour, zone.GetUtcOffset(todaysHour));
        return now >= digestTime && (lastSentAt is null || lastSentAt < digestTime);
    }

    /// <summary>
    /// Groups pending alerts into the e-mails to send now: one per alert for those who asked for that, one digest per
    /// recipient whose digest hour has come; a digest recipient's alerts otherwise wait.
    /// </summary>
    public static IReadOnlyList<AlertEmailPlan> PlanEmails(
        IEnumerable<PendingAlert> pending, IReadOnlyDictionary<string, DateTimeOffset> lastSentAt, DateTimeOffset now, TimeZoneInfo zone)
    {
        var plans = new List<AlertEmailPlan>();
        foreach (var byRecipient in pending.GroupBy(a => a.Recipient.UserId))
        {
            var recipient = byRecipient.First().Recipient;
            if (recipient.Delivery == AlertDelivery.EachAlert)
            {
                plans.AddRange(byRecipient.Select(alert => new AlertEmailPlan(recipient, [alert], Digest: false)));
            }
            else if (DigestDue(now, zone, recipient.DigestHour, lastSentAt.TryGetValue(recipient.UserId, out var last) ? last : null))
            {
                plans.Add(new AlertEmailPlan(recipient, [.. byRecipient.OrderBy(a => a.DueOn)], Digest: true));
            }
        }

        return plans;
    }

    private static int? NearestReached(IEnumerable<int> leads, int daysLeft)
    {
        var reached = leads.Where(lead => lead >= daysLeft).ToList();
        return reached.Count == 0 ? null : reached.Min();
    }
}
