using System.Globalization;
using System.Net;
using System.Text;
using CsvHelper;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PraTracker.Data.Contracts;
using PraTracker.Data.Database;
using PraTracker.Data.Documents;
using PraTracker.Data.Identity;
using PraTracker.Data.Imports;
using PraTracker.Data.Requests;

namespace PraTracker.Tests;

/// <summary>The lists' CSV exports over HTTP, on each database: what each viewer may see, as filtered, and read back by the importer.</summary>
public abstract class ExportTests<TFixture>(TFixture fixture) : IClassFixture<TFixture>
    where TFixture : AppFixture
{
    [Fact]
    public async Task Visitors_export_public_requests_deadlines_and_published_documents_only_while_attorneys_export_all_they_see()
    {
        var publicRequest = await fixture.PublicDemoRequestAsync();
        var privateRequest = await fixture.PrivateDemoRequestAsync();
        var (published, unpublished) = await SeedDocumentsAsync(publicRequest.Id, privateRequest.Id);

        using var anonymous = fixture.NewClient();
        var requests = await CsvAsync(anonymous, "/exports/requests.csv");
        Assert.Contains(requests, r => r["Reference"] == publicRequest.Reference && r["Visibility"] == "Public" && r["Law"] == "US-CA");
        Assert.DoesNotContain(requests, r => r["Reference"] == privateRequest.Reference);
        Assert.All(requests, r => Assert.Equal("Public", r["Visibility"]));
        var deadlines = await CsvAsync(anonymous, "/exports/deadlines.csv");
        Assert.Contains(deadlines, d => d["Request"] == publicRequest.Reference);
        Assert.DoesNotContain(deadlines, d => d["Request"] == privateRequest.Reference);
        var documents = await CsvAsync(anonymous, "/exports/documents.csv");
        Assert.Contains(documents, d => d["Title"] == published && d["Publication"] == "Published");
        Assert.DoesNotContain(documents, d => unpublished.Contains(d["Title"]));
        var found = await CsvAsync(anonymous, $"/exports/search.csv?q={Uri.EscapeDataString(published.Split(' ')[^1])}+OR+export&sort=newest&agency={publicRequest.AgencyId}");
        Assert.Contains(found, d => d["Title"] == published);
        Assert.DoesNotContain(found, d => unpublished.Contains(d["Title"]));
        var whole = await anonymous.GetStringAsync("/exports/requests.csv") + await anonymous.GetStringAsync("/exports/documents.csv");
        Assert.DoesNotContain(privateRequest.Title, whole);

        using var staff = fixture.NewClient();
        await AppFixture.SignInAsync(staff, await fixture.CreateUserAsync(Roles.Attorney), AppFixture.AttorneyPassword);
        Assert.Contains(await CsvAsync(staff, "/exports/requests.csv"), r => r["Reference"] == privateRequest.Reference && r["Visibility"] == "Private");
        Assert.Contains(await CsvAsync(staff, "/exports/deadlines.csv"), d => d["Request"] == privateRequest.Reference);
        var staffDocuments = await CsvAsync(staff, "/exports/documents.csv");
        Assert.All(unpublished, title => Assert.Contains(staffDocuments, d => d["Title"] == title));
        var staffFound = await CsvAsync(staff, "/exports/search.csv?q=export");
        Assert.All(unpublished.Append(published), title => Assert.Contains(staffFound, d => d["Title"] == title));
    }

    [Fact]
    public async Task An_export_holds_the_rows_its_list_filters_to_as_a_download_that_is_never_cached()
    {
        using var staff = fixture.NewClient();
        await AppFixture.SignInAsync(staff, await fixture.CreateUserAsync(Roles.Attorney), AppFixture.AttorneyPassword);
        var response = await staff.GetAsync("/exports/requests.csv?status=Draft&state=ca");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition!.DispositionType);
        Assert.True(response.Headers.CacheControl!.NoStore);
        Assert.Equal(Encoding.UTF8.GetPreamble(), (await response.Content.ReadAsByteArrayAsync())[..3]);

        await using var db = fixture.App.Services.GetRequiredService<IDbContextFactory<PraTrackerDbContext>>().CreateDbContext().ViewAs(Viewer.System);
        var drafts = await db.Requests.Where(r => r.Status == RequestStatus.Draft && r.Agency.State == "CA").Select(r => r.Reference).OrderBy(r => r).ToListAsync();
        Assert.NotEmpty(drafts);
        Assert.Equal(drafts, (await CsvAsync(staff, "/exports/requests.csv?status=Draft&state=ca")).Select(r => r["Reference"]));
        Assert.Empty(await CsvAsync(fixture.NewClient(), "/exports/requests.csv?mine=true"));
    }

    [Fact]
    public async Task The_contracts_export_narrows_by_vendor_technology_and_state_as_the_vendor_maps_links_ask()
    {
        await using var db = fixture.App.Services.GetRequiredService<IDbContextFactory<PraTrackerDbContext>>().CreateDbContext().ViewAs(Viewer.System);
        var clearview = await db.Vendors.Where(v => v.Name == "Clearview AI").Select(v => v.Id).SingleAsync();
        var expected = await db.Contracts.Where(c => c.VendorId == clearview && c.Agency.State == "NY" && c.Products.Any(p => p.TechnologyCategory.Code == "face-recognition"))
            .Select(c => c.Title).OrderBy(t => t).ToListAsync();
        Assert.NotEmpty(expected);

        var rows = await CsvAsync(fixture.NewClient(), $"/exports/contracts.csv?vendor={clearview}&category=face-recognition&state=ny");
        Assert.Equal(expected, rows.Select(r => r["Contract"]).Order());
        Assert.All(rows, r => Assert.Equal(("Clearview AI", "NY"), (r["Vendor"], r["State"])));
    }

    [Fact]
    public async Task The_contracts_export_reads_back_through_the_importer_as_nothing_new_and_its_formulas_are_defused()
    {
        await using (var db = fixture.App.Services.GetRequiredService<IDbContextFactory<PraTrackerDbContext>>().CreateDbContext().ViewAs(Viewer.System))
        {
            var agency = await db.Agencies.OrderBy(a => a.Name).FirstAsync();
            var vendor = await db.Vendors.OrderBy(v => v.Name).FirstAsync();
            db.Contracts.Add(new Contract { AgencyId = agency.Id, VendorId = vendor.Id, Title = "=HYPERLINK(\"https://evil.example\",\"click\")", Amount = 1234.5m });
            await db.SaveChangesAsync();
        }

        using var anonymous = fixture.NewClient();
        var bytes = await anonymous.GetByteArrayAsync("/exports/contracts.csv");
        var rows = Read(bytes);
        Assert.Contains(rows, r => r["Contract"] == "'=HYPERLINK(\"https://evil.example\",\"click\")" && r["Amount"] == "1234.5");
        Assert.Equal([.. ImportPresets.PraTracker.Columns.Select(c => c.Headers[0]), "Link"], rows[0].Keys);

        var file = await ImportFileReader.ReadAsync(new MemoryStream(bytes), "contracts.csv");
        Assert.Equal(ImportPresets.PraTracker, file.Preset);
        await using var staff = fixture.App.Services.GetRequiredService<IDbContextFactory<PraTrackerDbContext>>().CreateDbContext().ViewAs(Viewer.Staff("exporter"));
        var preview = await ImportPlanner.PreviewAsync(staff, file);
        Assert.Equal((0, 0, 0, 0), (preview.Counts.NewAgencies, preview.Counts.NewVendors, preview.Counts.NewContracts, preview.Counts.NewProducts));
        Assert.Equal((rows.Count, 0, rows.Count), (preview.Counts.Rows, preview.Counts.RowsWithErrors, preview.Counts.ContractsOnFile));
    }

    private async Task<(string Published, IReadOnlyList<string> Unpublished)> SeedDocumentsAsync(Guid publicRequestId, Guid privateRequestId)
    {
        await using var db = fixture.App.Services.GetRequiredService<IDbContextFactory<PraTrackerDbContext>>().CreateDbContext().ViewAs(Viewer.System);
        Document Document(Guid requestId, PublicationStatus status, DateTimeOffset? embargo = null) => new()
        {
            RequestId = requestId,
            Title = $"Export {status} {Guid.NewGuid():N}",
            FileName = "memo.txt",
            ContentType = "text/plain",
            Sha256 = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(Guid.NewGuid().ToByteArray())),
            PublicationStatus = status,
            EmbargoUntil = embargo,
            PublishedAt = status == PublicationStatus.Published ? DateTimeOffset.UtcNow.AddDays(-1) : null,
            ReleasedOn = new DateOnly(2026, 3, 2),
            UploadedAt = DateTimeOffset.UtcNow,
        };
        var published = Document(publicRequestId, PublicationStatus.Published);
        var hidden = new[]
        {
            Document(publicRequestId, PublicationStatus.Private),
            Document(publicRequestId, PublicationStatus.InReview),
            Document(publicRequestId, PublicationStatus.Published, DateTimeOffset.UtcNow.AddDays(30)),
            Document(privateRequestId, PublicationStatus.Published),
        };
        db.Documents.AddRange([published, .. hidden]);
        await db.SaveChangesAsync();
        return (published.Title, [.. hidden.Select(d => d.Title)]);
    }

    private static async Task<List<Dictionary<string, string>>> CsvAsync(HttpClient client, string address)
    {
        var response = await client.GetAsync(address);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return Read(await response.Content.ReadAsByteArrayAsync());
    }

    private static List<Dictionary<string, string>> Read(byte[] csv)
    {
        using var reader = new CsvReader(new StreamReader(new MemoryStream(csv), detectEncodingFromByteOrderMarks: true), CultureInfo.InvariantCulture);
        reader.Read();
        reader.ReadHeader();
        var headers = reader.HeaderRecord!;
        var rows = new List<Dictionary<string, string>>();
        while (reader.Read())
        {
            rows.Add(headers.Select((h, i) => (h, reader.GetField(i) ?? "")).ToDictionary(p => p.h, p => p.Item2));
        }

        return rows;
    }
}

public sealed class PostgresExportTests(PostgresAppFixture fixture) : ExportTests<PostgresAppFixture>(fixture);

public sealed class SqliteExportTests(SqliteAppFixture fixture) : ExportTests<SqliteAppFixture>(fixture);
