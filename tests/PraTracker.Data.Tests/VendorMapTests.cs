using Microsoft.EntityFrameworkCore;
using PraTracker.Data.Agencies;
using PraTracker.Data.Contracts;
using PraTracker.Data.Identity;

namespace PraTracker.Tests;

/// <summary>The vendor map: which agencies hold contracts with a vendor or for a technology, by state.</summary>
public abstract class VendorMapTests<TFixture>(TFixture fixture) : IClassFixture<TFixture>
    where TFixture : DatabaseFixture
{
    [Fact]
    public async Task Agencies_holding_contracts_are_counted_by_state_for_a_vendor_a_category_or_both()
    {
        // A people-search and face-recognition vendor: two contracts in Oakland (one of each), a face-recognition one in
        // Fresno and a people-search one in Albany. Another vendor's face-recognition contract in Buffalo.
        Guid vendorId, otherId;
        Agency oakland, fresno, albany, buffalo;
        await using (var db = fixture.Open(Viewer.System))
        {
            var categories = await db.TechnologyCategories.ToDictionaryAsync(c => c.Code);
            var vendor = Build.Vendor();
            var search = new Product { Vendor = vendor, Name = "People search", TechnologyCategory = categories["people-search"] };
            var faces = new Product { Vendor = vendor, Name = "Face search", TechnologyCategory = categories["face-recognition"] };
            var other = Build.Vendor();
            var otherFaces = new Product { Vendor = other, Name = "Faces", TechnologyCategory = categories["face-recognition"] };
            (oakland, fresno, albany, buffalo) = (Build.Agency(state: "CA"), Build.Agency(state: "CA"), Build.Agency(state: "NY"), Build.Agency(state: "NY"));
            Contract With(Agency agency, Vendor v, Product product)
            {
                var contract = Build.Contract(agency, v);
                contract.Products.Add(product);
                return contract;
            }

            db.Contracts.AddRange(
                With(oakland, vendor, search), With(oakland, vendor, faces), With(fresno, vendor, faces), With(albany, vendor, search), With(buffalo, other, otherFaces));
            await db.SaveChangesAsync();
            (vendorId, otherId) = (vendor.Id, other.Id);
        }

        await using var anonymous = fixture.Open(Viewer.Anonymous);
        var byVendor = await VendorMap.ByStateAsync(anonymous, vendorId, null);
        Assert.Equal([("CA", 2, 3), ("NY", 1, 1)], byVendor.Select(s => (s.State, s.Agencies, s.Contracts)));
        Assert.Equal([(oakland.Name, 2), (fresno.Name, 1)], byVendor[0].AgencyList.Select(a => (a.Name, a.Contracts)).OrderByDescending(a => a.Item2));

        var byCategory = await VendorMap.ByStateAsync(anonymous, null, "face-recognition");
        Assert.Equal([("CA", 2, 2), ("NY", 1, 1)], byCategory.Select(s => (s.State, s.Agencies, s.Contracts)));
        Assert.Equal(buffalo.Id, byCategory.Single(s => s.State == "NY").AgencyList.Single().Id);

        var both = await VendorMap.ByStateAsync(anonymous, vendorId, "people-search");
        Assert.Equal([("CA", 1, 1), ("NY", 1, 1)], both.Select(s => (s.State, s.Agencies, s.Contracts)));
        Assert.Empty(await VendorMap.ByStateAsync(anonymous, otherId, "people-search"));

        var overview = (await VendorMap.OverviewAsync(anonymous)).Single(r => r.VendorId == vendorId);
        Assert.Equal((3, 4), (overview.Agencies, overview.Contracts));
        Assert.Equal(
            [("people-search", 2, 2), ("face-recognition", 2, 2)],
            overview.Categories.Select(c => (c.CategoryCode, c.Agencies, c.Contracts)));
    }
}

public sealed class PostgresVendorMapTests(PostgresFixture fixture) : VendorMapTests<PostgresFixture>(fixture);

public sealed class SqliteVendorMapTests(SqliteFixture fixture) : VendorMapTests<SqliteFixture>(fixture);
