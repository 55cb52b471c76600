using PraTracker.Data.Auditing;

namespace PraTracker.Data.Contracts;

/// <summary>A company that sells surveillance technology to police (Spokeo, Clearview AI, Voyager Labs...).</summary>
public class Vendor : IAudited
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public required string Name { get; set; }
    public string? Website { get; set; }
    public string? Description { get; set; }

    /// <summary>Other names it goes by, one per line, found in released documents as its name is.</summary>
    public string? Aliases { get; set; }
    public List<Product> Products { get; set; } = [];
}

/// <summary>A product a vendor sells, in one technology category.</summary>
public class Product : IAudited
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid VendorId { get; set; }
    public Vendor Vendor { get; set; } = null!;
    public required string Name { get; set; }

    /// <summary>Other names it goes by, one per line, found in released documents as its name is.</summary>
    public string? Aliases { get; set; }
    public Guid TechnologyCategoryId { get; set; }
    public TechnologyCategory TechnologyCategory { get; set; } = null!;
}

/// <summary>A kind of surveillance technology: face recognition, people-search, social-media monitoring...</summary>
public class TechnologyCategory
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    /// <summary>Stable slug such as face-recognition.</summary>
    public required string Code { get; set; }
    public required string Name { get; set; }
    public int SortOrder { get; set; }
}
