using Microsoft.EntityFrameworkCore;
using PraTracker.Data.Agencies;
using PraTracker.Data.Contracts;
using PraTracker.Data.Database;
using PraTracker.Data.Documents.Mentions;
using PraTracker.Data.Identity;
using PraTracker.Data.Requests;

namespace PraTracker.Tests;

/// <summary>Contracts and vendors: checked input, and pages that show only the requests the viewer may see.</summary>
public abstract class ContractTests<TFixture>(TFixture fixture) : IClassFixture<TFixture>
    where TFixture : DatabaseFixture
{
    [Fact]
    public async Task A_contract_with_a_negative_amount_an_end_before_its_start_or_a_bad_source_is_refused_whole()
    {
        await using var db = fixture.Open(Viewer.System);
        var input = new ContractInput
        {
            Title = "ShotSpotter renewal",
            Amount = -1,
            Currency = "dollars",
            StartsOn = new DateOnly(2026, 1, 1),
            EndsOn = new DateOnly(2025, 12, 31),
            SourceUrl = "council minutes",
        };
        var before = await db.Contracts.CountAsync();
        var result = await ContractCommands.SaveContractAsync(db, null, input);

        Assert.Equal(["AgencyId", "Amount", "Currency", "EndsOn", "SourceUrl", "VendorId"], result.Errors.Keys.Order());
        Assert.Equal("The contract cannot end before it starts.", result.Errors["EndsOn"]);
        Assert.Equal(before, await db.Contracts.CountAsync());
    }

    [Fact]
    public async Task A_vendor_name_is_unique_whatever_its_case()
    {
        await using var db = fixture.Open(Viewer.System);
        var name = Build.Unique("Cellebrite");
        Assert.True((await ContractCommands.SaveVendorAsync(db, null, new VendorInput { Name = name, Website = "https://cellebrite.com" })).Succeeded);
        var again = await ContractCommands.SaveVendorAsync(db, null, new VendorInput { Name = name.ToUpperInvariant() });
        Assert.Equal($"{name.ToUpperInvariant()} is already on file.", again.Errors["Name"]);
    }

    [Fact]
    public async Task A_vendors_other_names_are_kept_one_per_line_without_repeats_or_its_own_name_and_shown_on_its_page()
    {
        await using var db = fixture.Open(Viewer.System);
        var name = Build.Unique("Clearview AI");
        var saved = await ContractCommands.SaveVendorAsync(db, null, new VendorInput { Name = name, Aliases = $"  Clearview \n\nclearview\n{name.ToUpperInvariant()}" });

        Assert.Equal("Clearview", await db.Vendors.Where(v => v.Id == saved.Id).Select(v => v.Aliases).SingleAsync());
        Assert.Equal("Clearview", (await ContractPages.GetVendorForEditAsync(db, saved.Id!.Value))!.Aliases);
        Assert.Equal(["Clearview"], (await ContractPages.GetVendorAsync(db, saved.Id.Value))!.Aliases);
    }

    [Fact]
    public async Task A_vendors_other_names_over_the_limit_are_refused_beside_the_field_and_nothing_is_saved()
    {
        await using var db = fixture.Open(Viewer.System);
        var name = Build.Unique("Voyager Labs");
        var tooLong = string.Join('\n', Enumerable.Range(0, 200).Select(i => $"Voyager {i}"));
        Assert.True(tooLong.Length > Aliases.MaxLength);

        var refused = await ContractCommands.SaveVendorAsync(db, null, new VendorInput { Name = name, Aliases = tooLong });

        Assert.Equal("Other names can be at most 2000 characters in all.", refused.Errors["Aliases"]);
        Assert.False(await db.Vendors.AnyAsync(v => v.Name == name));
    }

    [Fact]
    public async Task A_product_is_added_once_per_vendor_in_a_technology_category_and_shows_on_the_vendor_page()
    {
        await using var db = fixture.Open(Viewer.System);
        var vendor = new Vendor { Name = Build.Unique("Clearview AI") };
        db.Vendors.Add(vendor);
        await db.SaveChangesAsync();
        var category = await db.TechnologyCategories.Where(c => c.Code == "face-recognition").Select(c => c.Id).SingleAsync();

        Assert.Equal("Pick the kind of technology it is.", (await ContractCommands.AddProductAsync(db, vendor.Id, "Clearview AI Search", null)).Errors["Category"]);
        Assert.True((await ContractCommands.AddProductAsync(db, vendor.Id, "Clearview AI Search", category)).Succeeded);
        Assert.Equal("clearview ai search is already listed.", (await ContractCommands.AddProductAsync(db, vendor.Id, "clearview ai search", category)).Errors["ProductName"]);
        Assert.Equal(["Clearview AI Search (Face recognition)"], (await ContractPages.GetVendorAsync(db, vendor.Id))!.Products);
    }

    [Fact]
    public async Task A_products_other_names_are_kept_as_a_vendors_are_and_too_many_are_refused_beside_the_field()
    {
        await using var db = fixture.Open(Viewer.System);
        var vendor = Build.Vendor();
        db.Vendors.Add(vendor);
        await db.SaveChangesAsync();
        var category = await db.TechnologyCategories.Where(c => c.Code == "people-search").Select(c => c.Id).SingleAsync();
        var tooLong = string.Join('\n', Enumerable.Range(0, 200).Select(i => $"Spokeo search {i}"));

        var refused = await ContractCommands.AddProductAsync(db, vendor.Id, "Spokeo for Law Enforcement", category, tooLong);
        Assert.Equal("Other names can be at most 2000 characters in all.", refused.Errors["ProductAliases"]);
        Assert.False(await db.Products.AnyAsync(p => p.VendorId == vendor.Id));

        var added = await ContractCommands.AddProductAsync(db, vendor.Id, "Spokeo for Law Enforcement", category, "  Spokeo LE \n\nspokeo le\nSPOKEO FOR LAW ENFORCEMENT");
        Assert.Equal("Spokeo LE", await db.Products.Where(p => p.Id == added.Id).Select(p => p.Aliases).SingleAsync());
    }

    [Fact]
    public async Task Contract_and_vendor_pages_list_the_agencies_and_only_the_requests_the_viewer_may_see()
    {
        Guid contractId, vendorId, publicId, privateId;
        await using (var db = fixture.Open(Viewer.System))
        {
            var california = await db.Laws.SingleAsync(l => l.Code == "US-CA");
            var agency = Build.Agency(california);
            var vendor = new Vendor { Name = Build.Unique("Fog Data Science") };
            db.AddRange(agency, vendor);
            await db.SaveChangesAsync();
            var saved = await ContractCommands.SaveContractAsync(db, null, new ContractInput
            {
                AgencyId = agency.Id,
                VendorId = vendor.Id,
                Title = "Fog Reveal subscription",
                Status = ContractStatus.Active,
                Amount = 9000m,
            });
            contractId = saved.Id!.Value;
            vendorId = vendor.Id;
            var shown = Build.Request(agency, california, RequestVisibility.Public);
            var hidden = Build.Request(agency, california, RequestVisibility.Private);
            shown.ContractLinks.Add(new RequestContract { ContractId = contractId });
            hidden.VendorLinks.Add(new RequestVendor { VendorId = vendorId });
            db.Requests.AddRange(shown, hidden);
            await db.SaveChangesAsync();
            (publicId, privateId) = (shown.Id, hidden.Id);
        }

        await using var anonymous = fixture.Open(Viewer.Anonymous);
        var contract = (await ContractPages.GetContractAsync(anonymous, contractId))!;
        Assert.Equal(publicId, Assert.Single(contract.Requests).Id);
        var vendorPage = (await ContractPages.GetVendorAsync(anonymous, vendorId))!;
        Assert.Equal("Fog Reveal subscription", Assert.Single(vendorPage.Customers).ContractTitle);
        Assert.Equal(publicId, Assert.Single(vendorPage.Requests).Id);

        await using var staff = fixture.Open(Viewer.Staff("someone"));
        Assert.Equal(new[] { publicId, privateId }.Order(), (await ContractPages.GetVendorAsync(staff, vendorId))!.Requests.Select(r => r.Id).Order());
    }

    [Fact]
    public async Task Contracts_are_listed_by_agency_vendor_technology_and_state_together_and_agencies_by_state()
    {
        await using var db = fixture.Open(Viewer.System);
        var inCalifornia = Build.Agency(await Build.CaliforniaAsync(db));
        var inOregon = Build.Agency(state: "OR");
        var vendor = Build.Vendor();
        var faceRecognition = await db.TechnologyCategories.Where(c => c.Code == "face-recognition").Select(c => c.Id).SingleAsync();
        var product = new Product { Vendor = vendor, Name = "Face search", TechnologyCategoryId = faceRecognition };
        var faces = Build.Contract(inCalifornia, vendor);
        faces.Products.Add(product);
        var plain = Build.Contract(inOregon, vendor);
        db.AddRange(inCalifornia, inOregon, vendor, product, faces, plain);
        await db.SaveChangesAsync();

        async Task<List<Guid>> ListedAsync(ContractFilter filter) =>
            [.. (await ContractQueries.ListAsync(db, filter with { VendorId = vendor.Id }, new PageRequest(0, 50))).Items.Select(c => c.Id).Order()];
        Assert.Equal(new[] { faces.Id, plain.Id }.Order(), await ListedAsync(new ContractFilter()));
        Assert.Equal([faces.Id], await ListedAsync(new ContractFilter(AgencyId: inCalifornia.Id)));
        Assert.Equal([faces.Id], await ListedAsync(new ContractFilter(CategoryCode: "face-recognition")));
        Assert.Equal([plain.Id], await ListedAsync(new ContractFilter(State: "or")));
        Assert.Empty(await ListedAsync(new ContractFilter(AgencyId: inOregon.Id, CategoryCode: "face-recognition")));
        Assert.Empty(await ListedAsync(new ContractFilter(Text: "no such contract anywhere")));

        Assert.Equal([inOregon.Id], (await AgencyQueries.ListAsync(db, new AgencyFilter(inOregon.Name, "or"), new PageRequest())).Items.Select(a => a.Id));
        Assert.Empty((await AgencyQueries.ListAsync(db, new AgencyFilter(inOregon.Name, "CA"), new PageRequest())).Items);
    }
}

public sealed class PostgresContractTests(PostgresFixture fixture) : ContractTests<PostgresFixture>(fixture);

public sealed class SqliteContractTests(SqliteFixture fixture) : ContractTests<SqliteFixture>(fixture);
