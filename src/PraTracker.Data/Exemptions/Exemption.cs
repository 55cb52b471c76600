using PraTracker.Data.Auditing;
using PraTracker.Data.Deadlines;

namespace PraTracker.Data.Exemptions;

/// <summary>One exemption a public-records law allows, as the library describes it for attorneys.</summary>
public class Exemption : IAudited
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid LawId { get; set; }
    public PublicRecordsLaw Law { get; set; } = null!;

    /// <summary>As agencies cite it: "Gov. Code § 7923.600", "5 U.S.C. § 552(b)(7)(E)".</summary>
    public required string Citation { get; set; }

    /// <summary>What attorneys call it: "Investigative records", "Exemption 7(E)".</summary>
    public required string ShortName { get; set; }
    public string? Description { get; set; }

    /// <summary>When the exemption properly applies, and where agencies stretch it.</summary>
    public string? ProperUse { get; set; }
    public string? ImproperUse { get; set; }
    public string? SourceUrl { get; set; }

    /// <summary>Stable key of a seeded exemption (US-CA/7923.600); null for ones an admin added.</summary>
    public string? SeedKey { get; set; }
    public int SortOrder { get; set; }
}
