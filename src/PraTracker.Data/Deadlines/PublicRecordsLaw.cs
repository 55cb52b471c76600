using PraTracker.Data.Auditing;

namespace PraTracker.Data.Deadlines;

/// <summary>A public-records statute (a state act or federal FOIA) and the periods it sets, kept as data.</summary>
public class PublicRecordsLaw : IAudited
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    /// <summary>Stable code: US-FED for federal FOIA, US-CA, US-NY, ...</summary>
    public required string Code { get; set; }

    /// <summary>Where the law applies: "California", "United States (federal)", "United Kingdom".</summary>
    public required string Jurisdiction { get; set; }
    public required string Name { get; set; }
    public required string Citation { get; set; }

    /// <summary>Days the agency has to respond; null where the law sets no fixed period ("promptly").</summary>
    public int? ResponseDays { get; set; }
    public DayCount ResponseDayCount { get; set; }
    public ResponseKind ResponseKind { get; set; }
    public string? ResponseSourceUrl { get; set; }

    public int? ExtensionDays { get; set; }
    public DayCount ExtensionDayCount { get; set; }
    public ExtensionStart ExtensionCountedFrom { get; set; }

    /// <summary>How many extensions the law allows; null where it sets no limit.</summary>
    public int? MaxExtensions { get; set; }
    public string? ExtensionConditions { get; set; }
    public string? ExtensionSourceUrl { get; set; }

    /// <summary>What an agency's request for clarification does to the response clock.</summary>
    public ClockEffect ClarificationEffect { get; set; }

    /// <summary>What a fee estimate (or a demand for advance payment) does to the response clock.</summary>
    public ClockEffect FeeEstimateEffect { get; set; }

    /// <summary>Whether a period ending on a weekend or holiday rolls to the next business day.</summary>
    public bool RollsToNextBusinessDay { get; set; }

    /// <summary>Days a requester has to appeal a denial; null where the law gives no administrative appeal.</summary>
    public int? AppealWindowDays { get; set; }
    public DayCount AppealWindowDayCount { get; set; }
    public int? AppealDecisionDays { get; set; }
    public DayCount AppealDecisionDayCount { get; set; }
    public string? AppealSourceUrl { get; set; }

    public Guid HolidayCalendarId { get; set; }
    public HolidayCalendar HolidayCalendar { get; set; } = null!;

    /// <summary>The follow-up letter sent when an agency misses a deadline under this law, with placeholders; null for the built-in one.</summary>
    public string? FollowUpTemplate { get; set; }

    public string? Notes { get; set; }
    public SourceConfidence Confidence { get; set; }
    public DateOnly LastCheckedOn { get; set; }
}

/// <summary>Whether a period counts every calendar day or only business days.</summary>
public enum DayCount
{
    Calendar,
    Business,
}

/// <summary>What the agency owes the requester by the end of the initial period.</summary>
public enum ResponseKind
{
    Determination,
    Acknowledgement,
    Production,
    NoFixedPeriod,
}

/// <summary>Where an extension's days are counted from.</summary>
public enum ExtensionStart
{
    OriginalDueDate,
    Receipt,
    Acknowledgement,
}

/// <summary>What waiting on the requester does to the agency's clock.</summary>
public enum ClockEffect
{
    /// <summary>The clock keeps running.</summary>
    None,

    /// <summary>The clock stops until the requester answers, then resumes with the days that were left.</summary>
    Pauses,

    /// <summary>A full new period starts from the requester's answer.</summary>
    Restarts,
}

/// <summary>How well a rule was checked: read in the statute, seen in a secondary source, or assumed.</summary>
public enum SourceConfidence
{
    Statute,
    Secondary,
    Unverified,
}
