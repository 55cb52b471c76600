using PraTracker.Data.Agencies;
using PraTracker.Data.Contracts;

namespace PraTracker.Data.Documents.Mentions;

/// <summary>
/// A vendor, product, agency or contract named in a document's text: suggested when found, then confirmed or rejected
/// by an attorney. Confirmed mentions are public links (on the document, vendor and contract pages) wherever the
/// document is public; suggestions and rejections are staff matters. A new look at the text keeps every decision.
/// </summary>
public class DocumentMention
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid DocumentId { get; set; }
    public Document Document { get; set; } = null!;
    public MentionKind Kind { get; set; }

    // One of these is set, by Kind; each is a real key, so a mention goes with what it names.
    public Guid? VendorId { get; set; }
    public Vendor? Vendor { get; set; }
    public Guid? ProductId { get; set; }
    public Product? Product { get; set; }
    public Guid? AgencyId { get; set; }
    public Agency? Agency { get; set; }
    public Guid? ContractId { get; set; }
    public Contract? Contract { get; set; }

    /// <summary>The name as it is known (the vendor's name or the alias that was found).</summary>
    public required string Name { get; set; }

    /// <summary>The pages it is named on, in order; empty for a file without pages.</summary>
    public List<int> Pages { get; set; } = [];

    /// <summary>How many times it is named in all.</summary>
    public int Occurrences { get; set; }

    /// <summary>Amounts, contract numbers and dates found near a vendor's or product's name: candidate contract facts.</summary>
    public List<ContractFact> Facts { get; set; } = [];

    public MentionStatus Status { get; set; }
    public string? DecidedByUserId { get; set; }
    public DateTimeOffset? DecidedAt { get; set; }
    public DateTimeOffset FoundAt { get; set; }

    public Guid TargetId => (VendorId ?? ProductId ?? AgencyId ?? ContractId)!.Value;
}

/// <summary>Where an attorney stands on a mention the app found.</summary>
public enum MentionStatus
{
    Suggested,
    Confirmed,
    Rejected,
}
