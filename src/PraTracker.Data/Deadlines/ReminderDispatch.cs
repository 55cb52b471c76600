using PraTracker.Data.Contracts;
using PraTracker.Data.Identity;

namespace PraTracker.Data.Deadlines;

/// <summary>
/// The ledger of alerts: one row per deadline, recipient and lead time (or per contract date, recipient and lead
/// time), claimed before the e-mail is sent. Each row is about exactly one deadline or one contract date.
/// </summary>
public class ReminderDispatch
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid? DeadlineId { get; set; }
    public Deadline? Deadline { get; set; }

    public Guid? ContractId { get; set; }
    public Contract? Contract { get; set; }

    /// <summary>Which of the contract's dates the alert is about.</summary>
    public ContractMilestone? Milestone { get; set; }

    /// <summary>The contract date as it stood when claimed, so a changed date gets alerts of its own.</summary>
    public DateOnly? MilestoneOn { get; set; }
    public required string RecipientUserId { get; set; }
    public PraTrackerUser Recipient { get; set; } = null!;

    /// <summary>Days before the due date the alert is for; zero on the day, negative once overdue.</summary>
    public int LeadDays { get; set; }
    public DateTimeOffset ClaimedAt { get; set; }

    /// <summary>
    /// Until when one sender holds the right to send this alert. A sender that crashes lets it lapse, and the next
    /// scan sends the alert instead: claimed alerts are never lost, and two senders never hold one at once.
    /// </summary>
    public DateTimeOffset? LeaseUntil { get; set; }
    public DateTimeOffset? SentAt { get; set; }
    public int Attempts { get; set; }
    public string? LastError { get; set; }
}

/// <summary>The contract dates followers are alerted before.</summary>
public enum ContractMilestone
{
    Ends,
    Renews,
}
