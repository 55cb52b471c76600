using PraTracker.Data.Auditing;
using PraTracker.Data.Documents;
using PraTracker.Data.Requests;

namespace PraTracker.Data.Exemptions;

/// <summary>
/// One entry of a request's withholding log (a Vaughn-style index): a record or group of records the agency withheld
/// in full or in part, the exemptions it invoked and the reason it gave.
/// </summary>
public class Withholding : IAudited
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid RequestId { get; set; }
    public RecordsRequest Request { get; set; } = null!;

    /// <summary>The denial or production that withheld it.</summary>
    public Guid? EventId { get; set; }
    public RequestEvent? Event { get; set; }

    /// <summary>The released document that carries the redactions, when it was withheld in part.</summary>
    public Guid? DocumentId { get; set; }
    public Document? Document { get; set; }

    /// <summary>Its number in the log, 1, 2, 3..., as a court filing refers to it.</summary>
    public int Number { get; set; }

    /// <summary>What was withheld, as the agency described it ("Search audit logs, January to June 2025").</summary>
    public required string Records { get; set; }
    public WithholdingExtent Extent { get; set; }

    /// <summary>How much: "14 pages", "3 e-mails", "all".</summary>
    public string? Quantity { get; set; }

    /// <summary>The agency's stated reason, in its words.</summary>
    public string? AgencyReason { get; set; }

    /// <summary>Citations the agency gave that are not in the library, one per line.</summary>
    public string? OtherCitations { get; set; }

    public List<WithholdingExemption> Exemptions { get; set; } = [];
}

/// <summary>An exemption invoked for one withholding.</summary>
public class WithholdingExemption
{
    public Guid WithholdingId { get; set; }
    public Withholding Withholding { get; set; } = null!;
    public Guid ExemptionId { get; set; }
    public Exemption Exemption { get; set; } = null!;
}

/// <summary>Whether records were withheld whole or released with redactions.</summary>
public enum WithholdingExtent
{
    WithheldInFull,
    WithheldInPart,
}
