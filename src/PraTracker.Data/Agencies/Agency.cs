using PraTracker.Data.Auditing;
using PraTracker.Data.Deadlines;

namespace PraTracker.Data.Agencies;

/// <summary>A police department, city, county or other public body that receives records requests.</summary>
public class Agency : IAudited
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public required string Name { get; set; }
    public AgencyKind Kind { get; set; }

    /// <summary>Other names it goes by, one per line, found in released documents as its name is.</summary>
    public string? Aliases { get; set; }
    public string? City { get; set; }

    /// <summary>The county the agency serves or sits in, as the Atlas of Surveillance records it.</summary>
    public string? County { get; set; }

    /// <summary>Two-letter postal code (CA, NY); "US" for federal agencies.</summary>
    public required string State { get; set; }
    public string? RecordsEmail { get; set; }
    public string? PortalUrl { get; set; }
    public string? MailingAddress { get; set; }

    public Guid? ParentAgencyId { get; set; }
    public Agency? ParentAgency { get; set; }

    public Guid? LawId { get; set; }
    public PublicRecordsLaw? Law { get; set; }
}

/// <summary>What sort of public body an agency is.</summary>
public enum AgencyKind
{
    PoliceDepartment,
    Sheriff,
    City,
    County,
    StateAgency,
    FederalAgency,
    Other,
}
