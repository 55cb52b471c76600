using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using PraTracker.Data.Documents.Mentions;

namespace PraTracker.Data.Contracts;

internal sealed class ContractConfiguration : IEntityTypeConfiguration<Contract>
{
    public void Configure(EntityTypeBuilder<Contract> contract)
    {
        contract.Property(c => c.Title).HasMaxLength(500);
        contract.Property(c => c.Number).HasMaxLength(100);
        contract.Property(c => c.Status).HasConversion<string>().HasMaxLength(20);
        contract.Property(c => c.ProcurementMethod).HasConversion<string>().HasMaxLength(30);
        contract.Property(c => c.Amount).HasPrecision(18, 2);
        contract.Property(c => c.Currency).HasMaxLength(3);
        contract.Property(c => c.ApprovingBody).HasMaxLength(300);
        contract.Property(c => c.SourceUrl).HasMaxLength(2000);

        contract.HasOne(c => c.Agency).WithMany().HasForeignKey(c => c.AgencyId).OnDelete(DeleteBehavior.Restrict);
        contract.HasOne(c => c.Vendor).WithMany().HasForeignKey(c => c.VendorId).OnDelete(DeleteBehavior.Restrict);
        contract.HasMany(c => c.Products).WithMany().UsingEntity("ContractProducts");

        contract.HasIndex(c => c.AgencyId);
        contract.HasIndex(c => c.VendorId);
        contract.HasIndex(c => c.Status);
        contract.HasIndex(c => c.EndsOn);
    }
}

internal sealed class VendorConfiguration : IEntityTypeConfiguration<Vendor>
{
    public void Configure(EntityTypeBuilder<Vendor> vendor)
    {
        vendor.Property(v => v.Name).HasMaxLength(200);
        vendor.HasIndex(v => v.Name).IsUnique();
        vendor.Property(v => v.Aliases).HasMaxLength(Aliases.MaxLength);
        vendor.Property(v => v.Website).HasMaxLength(2000);
        vendor.Property(v => v.Description).HasMaxLength(4000);
        vendor.HasMany(v => v.Products).WithOne(p => p.Vendor).HasForeignKey(p => p.VendorId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ProductConfiguration : IEntityTypeConfiguration<Product>
{
    public void Configure(EntityTypeBuilder<Product> product)
    {
        product.Property(p => p.Name).HasMaxLength(200);
        product.Property(p => p.Aliases).HasMaxLength(Aliases.MaxLength);
        product.HasIndex(p => new { p.VendorId, p.Name }).IsUnique();
        product.HasOne(p => p.TechnologyCategory).WithMany().HasForeignKey(p => p.TechnologyCategoryId).OnDelete(DeleteBehavior.Restrict);
        product.HasIndex(p => p.TechnologyCategoryId);
    }
}

internal sealed class TechnologyCategoryConfiguration : IEntityTypeConfiguration<TechnologyCategory>
{
    public void Configure(EntityTypeBuilder<TechnologyCategory> category)
    {
        category.Property(c => c.Code).HasMaxLength(60);
        category.HasIndex(c => c.Code).IsUnique();
        category.Property(c => c.Name).HasMaxLength(200);
    }
}
