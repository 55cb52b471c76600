using System.Text;
using Microsoft.EntityFrameworkCore;
using PraTracker.Data.Agencies;
using PraTracker.Data.Contracts;
using PraTracker.Data.Identity;
using PraTracker.Data.Imports;

namespace PraTracker.Tests;

/// <summary>Importing agencies, vendors and contracts from CSV: previewed, saved whole, matched with what is on file.</summary>
public abstract class ImportTests<TFixture>(TFixture fixture) : IClassFixture<TFixture>
    where TFixture : DatabaseFixture
{
    [Fact]
    public async Task An_Atlas_of_Surveillance_file_of_5000_rows_is_previewed_saved_counted_and_imported_again_without_duplicates()
    {
        var atlas = AtlasFile.Generate(1_000);
        Assert.Equal(5_000, atlas.Rows);

        // Already on file: one of the file's agencies and one of its vendors, spelt differently.
        await using (var setup = fixture.Open(Viewer.System))
        {
            setup.Agencies.Add(new Agency { Name = AtlasFile.AgencyName(atlas.Tag, 0).Replace("Police Department", "police dept"), State = "CA", Kind = AgencyKind.PoliceDepartment });
            setup.Vendors.Add(new Vendor { Name = AtlasFile.VendorName(atlas.Tag, "Axon") + ", Inc." });
            await setup.SaveChangesAsync();
        }

        var file = await ReadAsync(atlas.Csv);
        Assert.Null(file.Error);
        Assert.Equal(ImportPresets.AtlasOfSurveillance, file.Preset);
        Assert.Equal(5_000, file.Lines.Count);
        Assert.All(file.Lines, l => Assert.Empty(l.Errors));

        var before = await CountAsync(atlas.Tag);
        await using var db = fixture.Open(Viewer.Staff("importer"));
        var preview = await ImportPlanner.PreviewAsync(db, file);
        Assert.Equal(before, await CountAsync(atlas.Tag));
        Assert.Equal(
            new ImportCounts(5_000, 0, atlas.Agencies - 1, 1, atlas.Vendors.Count - 1, 1, atlas.Contracts, 0, atlas.VendorCategoryPairs),
            preview.Counts);
        Assert.Equal(5_000, preview.Rows.Count);
        var first = preview.Rows[0];
        Assert.Equal((2, ImportMatch.OnFile, ImportMatch.New, ImportMatch.New), (first.Line, first.AgencyMatch, first.VendorMatch, first.ContractMatch));
        Assert.Equal(ImportMatch.OnFile, preview.Rows[1].AgencyMatch);
        Assert.Equal(ImportMatch.EarlierRow, preview.Rows[6].AgencyMatch); // agency 1 again, its state written "New York"
        Assert.Equal(ImportMatch.EarlierRow, preview.Rows[7].AgencyMatch); // "CITY1 POLICE DEPT."
        Assert.Equal(atlas.RowsWithoutVendor, preview.Rows.Count(r => r.Notes.Contains("No vendor named: only the agency is imported.")));

        var stages = new List<ImportProgress>();
        var saved = await ImportCommands.ApplyAsync(db, file, new SynchronousProgress(stages.Add));
        Assert.Equal(preview.Counts, saved);
        Assert.Equal(atlas.Contracts, stages.Last().Done);

        var after = await CountAsync(atlas.Tag);
        Assert.Equal(before with
        {
            Agencies = before.Agencies + atlas.Agencies - 1,
            Vendors = before.Vendors + atlas.Vendors.Count - 1,
            Contracts = atlas.Contracts,
            Products = atlas.VendorCategoryPairs,
        }, after);

        await using (var check = fixture.Open(Viewer.System))
        {
            var agency = await check.Agencies.SingleAsync(a => a.Name == AtlasFile.AgencyName(atlas.Tag, 1));
            Assert.Equal(("NY", "City1", "County1", AgencyKind.PoliceDepartment), (agency.State, agency.City, agency.County, agency.Kind));
            Assert.Equal("US-NY", await check.Laws.Where(l => l.Id == agency.LawId).Select(l => l.Code).SingleAsync());
            var faces = await check.Contracts.Include(c => c.Products).ThenInclude(p => p.TechnologyCategory)
                .SingleAsync(c => c.AgencyId == agency.Id && c.Products.Any(p => p.TechnologyCategory.Code == "face-recognition"));
            Assert.Equal($"https://example.org/news/{atlas.Tag}/1/2", faces.SourceUrl);
            Assert.Equal(ContractStatus.Unknown, faces.Status);
            var contractIds = await check.Contracts.Where(c => c.AgencyId == agency.Id).Select(c => c.Id).ToListAsync();
            Assert.Equal(5, contractIds.Count);
            Assert.Equal(6, await check.AuditEntries.CountAsync(e => e.UserId == "importer" && (e.EntityId == agency.Id || contractIds.Contains(e.EntityId))));
        }

        var again = await ImportPlanner.PreviewAsync(db, await ReadAsync(atlas.Csv));
        Assert.Equal(new ImportCounts(5_000, 0, 0, atlas.Agencies, 0, atlas.Vendors.Count, 0, atlas.Contracts, 0), again.Counts);
        Assert.Equal(again.Counts, await ImportCommands.ApplyAsync(db, await ReadAsync(atlas.Csv)));
        Assert.Equal(after, await CountAsync(atlas.Tag));
    }

    [Fact]
    public async Task Rows_with_errors_are_named_with_their_line_and_left_out_while_the_rest_is_saved()
    {
        var tag = Build.Unique("Err");
        var csv = $"""
            Agency;State;Technology;Vendor;Link 1
            {tag} Pasadena Police Department;California;Third-Party Investigative Platforms;{tag} Spokeo;https://example.org/spokeo
            ;CA;Face Recognition;{tag} Clearview AI;
            {tag} Oakland Police Department;Calif.;Face Recognition;{tag} Clearview AI;
            {tag} Fresno Police Department;CA;Face Recognition;{tag} Clearview AI;council minutes
            {tag} Fresno Police Department;CA;Mind Reading;{tag} Palantir;
            """;
        var file = await ReadAsync(csv);
        Assert.Equal(ImportPresets.AtlasOfSurveillance, file.Preset);
        Assert.Equal([2, 3, 4, 5, 6], file.Lines.Select(l => l.Line));
        Assert.Equal("Give the agency's name.", Assert.Single(file.Lines[1].Errors));
        Assert.Equal("Use the two-letter postal code (CA, NY), US for a federal agency, or UK.", Assert.Single(file.Lines[2].Errors));
        Assert.Equal("The source must be a web address (https://...).", Assert.Single(file.Lines[3].Errors));
        Assert.Empty(file.Lines[4].Errors);
        Assert.Equal("\"Mind Reading\" is not a technology PraTracker knows: filed under Other.", Assert.Single(file.Lines[4].Notes));

        await using var db = fixture.Open(Viewer.Staff("importer"));
        var counts = await ImportCommands.ApplyAsync(db, file);
        Assert.Equal((5, 3, 2, 2, 2), (counts.Rows, counts.RowsWithErrors, counts.NewAgencies, counts.NewVendors, counts.NewContracts));
        var other = await db.Contracts.Where(c => c.Vendor.Name == $"{tag} Palantir").SelectMany(c => c.Products).Select(p => p.TechnologyCategory.Code).SingleAsync();
        Assert.Equal("other", other);
        Assert.False(await db.Agencies.AnyAsync(a => a.Name == $"{tag} Oakland Police Department"));
    }

    [Fact]
    public async Task A_file_without_the_columns_a_layout_needs_is_refused_whole_with_the_columns_named()
    {
        var unknown = await ReadAsync("Name,Town\nPasadena Police Department,Pasadena\n");
        Assert.StartsWith("The columns (Name, Town) match no known layout.", unknown.Error);

        var missing = await ImportFileReader.ReadAsync(new MemoryStream(Encoding.UTF8.GetBytes("Agency,City\nPasadena PD,Pasadena\n")), "atlas.csv", ImportPresets.AtlasOfSurveillance.Code);
        Assert.Equal("The file lacks the columns State, Technology that the Atlas of Surveillance export layout needs. Its columns are: Agency, City.", missing.Error);
        Assert.False(missing.CanImport);

        var empty = await ReadAsync("Agency,State,Technology\n");
        Assert.Equal("The file has a header row but no rows of data.", empty.Error);
    }

    [Fact]
    public async Task A_PraTracker_contracts_file_matches_contracts_by_number_then_title_and_reads_amounts_dates_and_statuses()
    {
        var tag = Build.Unique("Own");
        var csv = $"""
            Agency,State,Agency kind,Vendor,Technology,Contract,Contract number,Contract status,Procurement,Amount,Currency,Starts on,Ends on
            {tag} Pasadena Police Department,CA,PoliceDepartment,{tag} Spokeo,People-search and data brokers,Spokeo for Law Enforcement,C-2021-7,Active,SoleSource,"$12,500.00",USD,2021-07-01,2026-06-30
            {tag} Pasadena Police Department,CA,PoliceDepartment,{tag} Spokeo,people-search,Spokeo renewal,,Proposed,Unknown,abc,USD,07/01/2026,
            {tag} Pasadena Police Department,CA,PoliceDepartment,{tag} Spokeo,people-search,Spokeo renewal,,Sideways,Unknown,,USD,,
            """;
        var file = await ReadAsync(csv);
        Assert.Equal(ImportPresets.PraTracker, file.Preset);
        Assert.Equal(["\"abc\" is not an amount (write 12500 or 12,500.00)."], file.Lines[1].Errors);
        Assert.StartsWith("\"Sideways\" is not a contract status.", Assert.Single(file.Lines[2].Errors));

        var fixedCsv = csv.Replace(",abc,", ",,").Replace("Sideways", "Proposed");
        await using var db = fixture.Open(Viewer.Staff("importer"));
        var counts = await ImportCommands.ApplyAsync(db, await ReadAsync(fixedCsv));
        Assert.Equal((2, 1, 1), (counts.NewContracts, counts.NewProducts, counts.NewAgencies));
        var contract = await db.Contracts.SingleAsync(c => c.Number == "C-2021-7" && c.Vendor.Name == $"{tag} Spokeo");
        Assert.Equal((12_500m, ContractStatus.Active, ProcurementMethod.SoleSource, new DateOnly(2021, 7, 1), new DateOnly(2026, 6, 30)),
            (contract.Amount, contract.Status, contract.ProcurementMethod, contract.StartsOn, contract.EndsOn));

        // The same contract renamed in the spreadsheet still matches by its number; a new title without a number is a new contract.
        var renamed = fixedCsv.Replace("Spokeo for Law Enforcement", "Spokeo LE subscription").Replace("Spokeo renewal", "Spokeo second renewal");
        var preview = await ImportPlanner.PreviewAsync(db, await ReadAsync(renamed));
        Assert.Equal([ImportMatch.OnFile, ImportMatch.New, ImportMatch.EarlierRow], preview.Rows.Select(r => r.ContractMatch));
    }

    [Fact]
    public async Task An_import_stopped_half_way_saves_nothing()
    {
        var atlas = AtlasFile.Generate(300);
        var file = await ReadAsync(atlas.Csv);
        using var stop = new CancellationTokenSource();
        await using var db = fixture.Open(Viewer.Staff("importer"));
        var progress = new SynchronousProgress(p =>
        {
            if (p.Stage == "Saving contracts" && p.Done >= 500)
            {
                stop.Cancel();
            }
        });
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => ImportCommands.ApplyAsync(db, file, progress, stop.Token));
        Assert.Equal(new TagCounts(0, 0, 0, 0), await CountAsync(atlas.Tag));
    }

    private static Task<ImportFile> ReadAsync(string csv) =>
        ImportFileReader.ReadAsync(new MemoryStream(Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(csv)).ToArray()), "atlas.csv");

    private async Task<TagCounts> CountAsync(string tag)
    {
        await using var db = fixture.Open(Viewer.System);
        return new TagCounts(
            await db.Agencies.CountAsync(a => a.Name.StartsWith(tag) || a.Name.StartsWith(tag.ToUpper())),
            await db.Vendors.CountAsync(v => v.Name.StartsWith(tag)),
            await db.Contracts.CountAsync(c => c.Vendor.Name.StartsWith(tag)),
            await db.Products.CountAsync(p => p.Vendor.Name.StartsWith(tag)));
    }

    private sealed record TagCounts(int Agencies, int Vendors, int Contracts, int Products);

    /// <summary>Reports on the caller's thread, so the test sees every report before the import returns.</summary>
    private sealed class SynchronousProgress(Action<ImportProgress> report) : IProgress<ImportProgress>
    {
        public void Report(ImportProgress value) => report(value);
    }
}

public sealed class PostgresImportTests(PostgresFixture fixture) : ImportTests<PostgresFixture>(fixture);

public sealed class SqliteImportTests(SqliteFixture fixture) : ImportTests<SqliteFixture>(fixture);
