using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using PraTracker.Data;
using PraTracker.Data.Agencies;
using PraTracker.Data.Contracts;
using PraTracker.Data.Database;
using PraTracker.Data.Deadlines;
using PraTracker.Data.Documents;
using PraTracker.Data.Documents.Mentions;
using PraTracker.Data.Identity;
using PraTracker.Data.Requests;
using PraTracker.Jobs;
using PraTracker.Jobs.Documents;
using UglyToad.PdfPig;

namespace PraTracker.Tests;

/// <summary>
/// A scanned production from upload to search, on each database, with the real OCRmyPDF and Tesseract: the text job
/// finds the image-only pages, the OCR job reads them and keeps a searchable PDF beside the untouched original, search
/// names the page a phrase is on, and the vendors the scan names are suggested with their pages and nearby facts.
/// </summary>
public abstract class ScannedProductionTests(DatabaseProvider provider) : IAsyncLifetime
{
    private static readonly string[] Pages =
    [
        "PASADENA POLICE DEPARTMENT\nRecords released under the California Public Records Act\nResponsive documents follow.",
        "INVOICE\nSpokeo for Law Enforcement annual subscription\nContract No. 2021-114 signed March 3, 2021\nAmount due: $24,500.00",
        "Trial account notes\nOfficers also tested Clearview AI during the pilot.\nNo purchase order was issued.",
    ];

    private TestDatabase _database = null!;
    private IHost _host = null!;
    private string _folder = null!;
    private Guid _requestId;
    private Guid _spokeoId;
    private Guid _clearviewId;
    private Guid _contractId;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync(provider);
        _folder = Directory.CreateTempSubdirectory("pratracker-files-").FullName;
        _host = new HostBuilder()
            .ConfigureAppConfiguration(config => config.AddInMemoryCollection(_database.AppSettings).AddInMemoryCollection(new Dictionary<string, string?>
            {
                [InstanceSettings.RoleKey] = nameof(InstanceRole.Web),
                ["Documents:Folder"] = _folder,
            }))
            .ConfigureServices((context, services) =>
            {
                services.AddPraTrackerData(context.Configuration);
                services.AddPraTrackerJobs(context.Configuration);
            })
            .Build();
        await using var db = Open();
        await db.Database.MigrateAsync();
        await ReferenceDataSeeder.SeedAsync(db);
        var california = await db.Laws.SingleAsync(l => l.Code == "US-CA");
        var pasadena = new Agency { Name = "Pasadena Police Department", Kind = AgencyKind.PoliceDepartment, State = "CA", Law = california };
        var spokeo = new Vendor { Name = "Spokeo" };
        var clearview = new Vendor { Name = "Clearview AI", Aliases = "Clearview" };
        var request = new RecordsRequest
        {
            Reference = $"PRA-S-{Guid.NewGuid():N}"[..20],
            Title = "Spokeo for Law Enforcement records",
            Agency = pasadena,
            Law = california,
            Status = RequestStatus.Sent,
        };
        var contract = new Contract { Agency = pasadena, Vendor = spokeo, Title = "Spokeo subscription" };
        db.AddRange(request, clearview, contract,
            new Vendor { Name = "Voyager Labs" },
            new Agency { Name = "Los Angeles Police Department", Aliases = "LAPD", Kind = AgencyKind.PoliceDepartment, State = "CA", Law = california });
        await db.SaveChangesAsync();
        (_requestId, _spokeoId, _clearviewId, _contractId) = (request.Id, spokeo.Id, clearview.Id, contract.Id);
    }

    public async Task DisposeAsync()
    {
        _host.Dispose();
        await _database.DisposeAsync();
        Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public async Task A_scanned_pdf_is_read_by_ocr_found_by_a_phrase_on_its_page_and_names_its_two_vendors_with_their_pages()
    {
        var scan = await ScannedPdf.BuildAsync(Pages);
        var upload = await UploadAsync("production.pdf", scan);
        Assert.True(upload.Succeeded, upload.Error);
        var id = upload.DocumentId!.Value;

        // The text job reads no text and takes every page for a scan; nothing is found yet.
        await _host.Services.GetRequiredService<ExtractDocumentTextJob>().RunAsync(id, CancellationToken.None);
        var read = await FindAsync(id);
        Assert.Equal((TextStatus.Extracted, OcrStatus.Pending, 3, 0), (read.TextStatus, read.OcrStatus, read.OcrPagesTotal, read.OcrPagesDone));
        Assert.Empty(await HitPagesAsync("\"annual subscription\""));

        var outcome = await _host.Services.GetRequiredService<OcrDocumentJob>().RunAsync(id, CancellationToken.None);

        var done = await FindAsync(id);
        Assert.True(done.OcrStatus == OcrStatus.Done, $"{outcome} {done.OcrError}");
        Assert.Equal((3, 3), (done.OcrPagesDone, done.OcrPagesTotal));
        Assert.Equal([2], await HitPagesAsync("\"annual subscription\""));
        Assert.Equal([3], await HitPagesAsync("pilot"));
        Assert.Contains("Spokeo for Law Enforcement", done.ExtractedText);

        // The original is kept as uploaded; the searchable PDF is a second file in the store, with the text on its page.
        var store = _host.Services.GetRequiredService<IDocumentFileStore>();
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(scan)), done.Sha256);
        Assert.Equal(scan, await ReadAllAsync(store, done.Sha256));
        var searchable = await ReadAllAsync(store, done.SearchableSha256!);
        Assert.NotEqual(done.Sha256, done.SearchableSha256);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(searchable)), done.SearchableSha256);
        Assert.Equal(searchable.Length, done.SearchableSizeBytes);
        using (var pdf = PdfDocument.Open(searchable))
        {
            Assert.Contains("subscription", pdf.GetPage(2).Text, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("subscription", pdf.GetPage(1).Text, StringComparison.OrdinalIgnoreCase);
        }

        // The two vendors named, and nothing else: not the agency the scan came from, not the vendor it does not name.
        await _host.Services.GetRequiredService<FindMentionsJob>().RunAsync(id, CancellationToken.None);
        await using var db = Open();
        var mentions = await DocumentMentions.ForDocumentAsync(db, id);
        Assert.Equal(
            [(MentionKind.Vendor, _spokeoId, "Spokeo", 2), (MentionKind.Vendor, _clearviewId, "Clearview AI", 3)],
            mentions.Select(m => (m.Kind, m.TargetId, m.TargetName, Assert.Single(m.Pages))));
        Assert.All(mentions, m => Assert.Equal(MentionStatus.Suggested, m.Status));

        // Near Spokeo's name: the amount, the contract number and the date, ready to copy into the contract.
        var spokeo = mentions[0];
        var amount = Assert.Single(spokeo.Facts, f => f.Kind == ContractFactKind.Amount);
        Assert.Equal(24_500.00m, amount.Amount);
        Assert.Equal("2021-114", Assert.Single(spokeo.Facts, f => f.Kind == ContractFactKind.Number).Number);
        Assert.Equal(new DateOnly(2021, 3, 3), Assert.Single(spokeo.Facts, f => f.Kind == ContractFactKind.Date).Date);
        Assert.Equal(_contractId, Assert.Single(await DocumentMentions.FactTargetsAsync(db, spokeo.Id)).ContractId);
        Assert.Null(await DocumentMentions.CopyFactAsync(db, spokeo.Id, spokeo.Facts.ToList().IndexOf(amount), _contractId, ContractField.Amount));
        Assert.Equal(24_500.00m, (await db.Contracts.AsNoTracking().SingleAsync(c => c.Id == _contractId)).Amount);
        Assert.NotNull(await DocumentMentions.CopyFactAsync(db, spokeo.Id, spokeo.Facts.ToList().IndexOf(amount), _contractId, ContractField.StartsOn));
    }

    [Fact]
    public async Task A_born_digital_pdf_needs_no_ocr_and_a_scan_where_ocr_is_missing_says_so_and_can_be_retried()
    {
        var digital = await UploadAsync("letter.pdf", TestFiles.Pdf("This determination letter was written on a computer and carries its own text layer."));
        await _host.Services.GetRequiredService<ExtractDocumentTextJob>().RunAsync(digital.DocumentId!.Value, CancellationToken.None);
        Assert.Equal(OcrStatus.NotNeeded, (await FindAsync(digital.DocumentId!.Value)).OcrStatus);

        var scan = await UploadAsync("scan.pdf", await ScannedPdf.BuildAsync("A single scanned page"));
        var id = scan.DocumentId!.Value;
        await using (var db = Open())
        {
            // As the text job leaves a scan on a server without OCR.
            await db.Documents.Where(d => d.Id == id).ExecuteUpdateAsync(set => set
                .SetProperty(d => d.TextStatus, TextStatus.Extracted)
                .SetProperty(d => d.OcrStatus, OcrStatus.Unavailable)
                .SetProperty(d => d.OcrError, "OCRmyPDF was not found."));
            var extraction = _host.Services.GetRequiredService<DocumentExtraction>();
            Assert.NotNull(await extraction.RetryOcrAsync(db, digital.DocumentId!.Value, DateTimeOffset.UtcNow));
            Assert.Null(await extraction.RetryOcrAsync(db, id, DateTimeOffset.UtcNow));
        }

        Assert.Equal((OcrStatus.Pending, null), ((await FindAsync(id)).OcrStatus, (await FindAsync(id)).OcrError));
        await _host.Services.GetRequiredService<OcrDocumentJob>().RunAsync(id, CancellationToken.None);
        Assert.Equal(OcrStatus.Done, (await FindAsync(id)).OcrStatus);
        Assert.Equal([1], await HitPagesAsync("\"single scanned page\""));
    }

    [Fact]
    public async Task Scans_read_before_ocr_are_found_among_earlier_pdfs_and_queued_while_born_digital_pdfs_are_left_alone()
    {
        var digital = (await UploadAsync("note.pdf", TestFiles.Pdf("Short note."))).DocumentId!.Value;
        var scan = (await UploadAsync("old-scan.pdf", await ScannedPdf.BuildAsync("An earlier scanned page"))).DocumentId!.Value;
        foreach (var id in new[] { digital, scan })
        {
            await _host.Services.GetRequiredService<ExtractDocumentTextJob>().RunAsync(id, CancellationToken.None);
        }

        // As the app left a scan before it read them: its text read (none), and no OCR asked for.
        await using (var db = Open())
        {
            await db.Documents.Where(d => d.Id == scan).ExecuteUpdateAsync(set => set.SetProperty(d => d.OcrStatus, OcrStatus.NotNeeded).SetProperty(d => d.OcrPagesTotal, 0));
        }

        var job = _host.Services.GetRequiredService<FindUnreadScansJob>();
        Assert.Equal("1 of 2 PDFs with a page of little text had scanned pages and are queued for OCR.", await job.RunAsync(CancellationToken.None));
        var queued = await FindAsync(scan);
        Assert.Equal((OcrStatus.Pending, 1, 0), (queued.OcrStatus, queued.OcrPagesTotal, queued.OcrPagesDone));
        Assert.Equal(OcrStatus.NotNeeded, (await FindAsync(digital)).OcrStatus);
        Assert.Equal("0 of 1 PDFs with a page of little text had scanned pages and are queued for OCR.", await job.RunAsync(CancellationToken.None));

        await _host.Services.GetRequiredService<OcrDocumentJob>().RunAsync(scan, CancellationToken.None);
        Assert.Equal([1], await HitPagesAsync("\"earlier scanned page\""));
    }

    private async Task<IReadOnlyList<int>> HitPagesAsync(string query)
    {
        await using var db = Open();
        var hits = await DocumentSearch.SearchAsync(db, query, new DocumentSearchFilters(RequestId: _requestId), new PageRequest(0, 10));
        return hits.Items.SingleOrDefault()?.HitPages ?? [];
    }

    private static async Task<byte[]> ReadAllAsync(IDocumentFileStore store, string sha256)
    {
        await using var stream = await store.OpenReadAsync(sha256, CancellationToken.None);
        using var copy = new MemoryStream();
        await stream.CopyToAsync(copy);
        return copy.ToArray();
    }

    private async Task<UploadResult> UploadAsync(string fileName, byte[] content)
    {
        await using var db = Open();
        using var stream = new MemoryStream(content);
        return await DocumentUploads.UploadAsync(
            db, _host.Services.GetRequiredService<IDocumentFileStore>(), _host.Services.GetRequiredService<DocumentStorageSettings>(),
            new UploadInput(_requestId, null, fileName, stream), null, DateTimeOffset.UtcNow, DateOnly.FromDateTime(DateTime.UtcNow));
    }

    private async Task<Document> FindAsync(Guid id)
    {
        await using var db = Open();
        return await db.Documents.AsNoTracking().SingleAsync(d => d.Id == id);
    }

    private PraTrackerDbContext Open() =>
        _host.Services.GetRequiredService<IDbContextFactory<PraTrackerDbContext>>().CreateDbContext().ViewAs(Viewer.System);
}

public sealed class PostgresScannedProductionTests() : ScannedProductionTests(DatabaseProvider.Postgres);

public sealed class SqliteScannedProductionTests() : ScannedProductionTests(DatabaseProvider.Sqlite);
