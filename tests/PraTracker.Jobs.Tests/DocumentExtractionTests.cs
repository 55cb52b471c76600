using System.IO.Compression;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using MimeKit;
using PraTracker.Data;
using PraTracker.Data.Agencies;
using PraTracker.Data.Database;
using PraTracker.Data.Deadlines;
using PraTracker.Data.Documents;
using PraTracker.Data.Identity;
using PraTracker.Data.Requests;
using PraTracker.Jobs;
using PraTracker.Jobs.Documents;

namespace PraTracker.Tests;

/// <summary>Uploads and text extraction on each database, with real files: PDFs, e-mail, zip archives, and hostile ones.</summary>
public abstract class DocumentExtractionTests(DatabaseProvider provider) : IAsyncLifetime
{
    private TestDatabase _database = null!;
    private IHost _host = null!;
    private string _folder = null!;
    private Guid _requestId;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync(provider);
        _folder = Directory.CreateTempSubdirectory("pratracker-files-").FullName;
        _host = new HostBuilder()
            .ConfigureAppConfiguration(config => config.AddInMemoryCollection(_database.AppSettings).AddInMemoryCollection(new Dictionary<string, string?>
            {
                [InstanceSettings.RoleKey] = nameof(InstanceRole.Web),
                ["Documents:Folder"] = _folder,
                ["Documents:MaxFileMegabytes"] = "5",
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
        var request = new RecordsRequest
        {
            Reference = $"PRA-D-{Guid.NewGuid():N}"[..20],
            Title = "Spokeo for Law Enforcement records",
            Agency = new Agency { Name = "Pasadena Police Department", Kind = AgencyKind.PoliceDepartment, State = "CA", Law = california },
            Law = california,
            Status = RequestStatus.Sent,
        };
        db.Requests.Add(request);
        await db.SaveChangesAsync();
        _requestId = request.Id;
    }

    public async Task DisposeAsync()
    {
        _host.Dispose();
        await _database.DisposeAsync();
        Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public async Task A_three_page_pdf_is_read_page_by_page_and_the_same_file_uploaded_again_is_reported_and_stored_once()
    {
        var pdf = TestFiles.Pdf("Contract for Spokeo seats", "Invoice 2024-17 for 12 seats", "The department agrees to audit every people search");
        var first = await UploadAsync("Spokeo production.pdf", pdf);
        Assert.True(first.Succeeded, first.Error);
        var again = await UploadAsync("copy of the production.pdf", pdf);
        Assert.Equal((first.DocumentId, true), (again.DocumentId, again.Duplicate));
        Assert.Single(Directory.GetFiles(_folder, "*", SearchOption.AllDirectories), f => !f.Contains("incoming", StringComparison.Ordinal));

        await ExtractAsync(first.DocumentId!.Value);
        var document = await FindAsync(first.DocumentId!.Value);
        Assert.Equal((TextStatus.Extracted, 3), (document.TextStatus, document.PageCount));
        var pages = document.ExtractedText!.Split(DocumentTextExtractor.PageBreak);
        Assert.Contains("audit every people search", pages[2]);
        Assert.Equal(PublicationStatus.Private, document.PublicationStatus);
        Assert.Equal(1, await CountAsync());
    }

    [Fact]
    public async Task Empty_oversized_and_mislabelled_files_are_refused_with_a_reason_and_nothing_is_kept()
    {
        Assert.Equal("\"empty.pdf\": it is empty.", (await UploadAsync("empty.pdf", [])).Error);
        Assert.Equal("\"huge.txt\": it is larger than the limit of 5 MB a file.", (await UploadAsync("huge.txt", new byte[(5 * 1024 * 1024) + 1])).Error);
        Assert.Contains("its content is not what its name says", (await UploadAsync("contract.pdf", Encoding.UTF8.GetBytes("not a pdf at all"))).Error);
        Assert.Contains("is not a type the library takes", (await UploadAsync("setup.exe", [0x4D, 0x5A, 0x90])).Error);
        Assert.Equal(0, await CountAsync());
        Assert.Empty(Directory.GetFiles(_folder, "*", SearchOption.AllDirectories));
    }

    [Fact]
    public async Task A_malformed_pdf_fails_with_its_reason_and_the_next_file_is_still_read()
    {
        var broken = await UploadAsync("broken.pdf", Encoding.ASCII.GetBytes("%PDF-1.7\n1 0 obj << /Type /Catalog >> garbage without a trailer"));
        var good = await UploadAsync("notes.txt", Encoding.UTF8.GetBytes("Council approved the Spokeo renewal."));

        Assert.StartsWith("Failed", await ExtractAsync(broken.DocumentId!.Value), StringComparison.Ordinal);
        await ExtractAsync(good.DocumentId!.Value);

        var failed = await FindAsync(broken.DocumentId!.Value);
        Assert.Equal(TextStatus.Failed, failed.TextStatus);
        Assert.StartsWith("It could not be read as a PDF", failed.TextError);
        Assert.Equal("Council approved the Spokeo renewal.", (await FindAsync(good.DocumentId!.Value)).ExtractedText);
    }

    [Fact]
    public async Task A_failed_document_is_queued_again_on_retry_and_only_a_failed_one()
    {
        var broken = await UploadAsync("broken.pdf", Encoding.ASCII.GetBytes("%PDF-1.7\n1 0 obj << /Type /Catalog >> garbage without a trailer"));
        var good = await UploadAsync("notes.txt", Encoding.UTF8.GetBytes("Council approved the Spokeo renewal."));
        await ExtractAsync(broken.DocumentId!.Value);
        await ExtractAsync(good.DocumentId!.Value);
        var extraction = _host.Services.GetRequiredService<DocumentExtraction>();
        var queued = EnqueuedJobs();

        await using (var db = Open())
        {
            Assert.Equal("Only a document whose text could not be read is retried.", await extraction.RetryAsync(db, good.DocumentId!.Value));
            Assert.Null(await extraction.RetryAsync(db, broken.DocumentId!.Value));
        }

        var retried = await FindAsync(broken.DocumentId!.Value);
        Assert.Equal((TextStatus.Pending, null), (retried.TextStatus, retried.TextError));
        Assert.Equal(queued + 1, EnqueuedJobs());
        Assert.StartsWith("Failed", await ExtractAsync(broken.DocumentId!.Value), StringComparison.Ordinal); // still broken, and says so
    }

    [Fact]
    public async Task Documents_still_waiting_for_their_text_long_after_upload_are_queued_again()
    {
        var waiting = await UploadAsync("waiting.txt", Encoding.UTF8.GetBytes("Flock Safety hotlist audit."));
        var fresh = await UploadAsync("fresh.txt", Encoding.UTF8.GetBytes("Fusus registry export."));
        await using (var db = Open())
        {
            var stalled = await db.Documents.SingleAsync(d => d.Id == waiting.DocumentId);
            stalled.UploadedAt = DateTimeOffset.UtcNow - RequeueStalledExtractionsJob.StalledAfter - TimeSpan.FromMinutes(1);

            // OCR lost mid-run counts as stalled only once its own time limit has also passed.
            var limit = _host.Services.GetRequiredService<PraTracker.Jobs.Documents.Ocr.OcrSettings>().TimeLimit;
            var ocrLost = await db.Documents.SingleAsync(d => d.Id == fresh.DocumentId);
            (ocrLost.OcrStatus, ocrLost.OcrQueuedAt) = (OcrStatus.Running, DateTimeOffset.UtcNow - RequeueStalledExtractionsJob.StalledAfter - limit - TimeSpan.FromMinutes(1));
            var ocrRunning = await db.Documents.SingleAsync(d => d.Id == waiting.DocumentId);
            (ocrRunning.OcrStatus, ocrRunning.OcrQueuedAt) = (OcrStatus.Running, DateTimeOffset.UtcNow - limit);
            await db.SaveChangesAsync();
        }

        var queued = EnqueuedJobs();
        Assert.Equal("1 documents queued again for text, 1 for OCR.", await _host.Services.GetRequiredService<RequeueStalledExtractionsJob>().RunAsync(CancellationToken.None));
        Assert.Equal(queued + 2, EnqueuedJobs());
        Assert.True((await FindAsync(fresh.DocumentId!.Value)).OcrQueuedAt > DateTimeOffset.UtcNow - TimeSpan.FromMinutes(1)); // not queued again at once

        await ExtractAsync(waiting.DocumentId!.Value);
        Assert.Equal("0 documents queued again for text, 0 for OCR.", await _host.Services.GetRequiredService<RequeueStalledExtractionsJob>().RunAsync(CancellationToken.None));
        Assert.Equal(TextStatus.Pending, (await FindAsync(fresh.DocumentId!.Value)).TextStatus); // a fresh upload is left to its own job
    }

    private long EnqueuedJobs() => _host.Services.GetRequiredService<Hangfire.JobStorage>().GetMonitoringApi().EnqueuedCount("default");

    [Fact]
    public async Task A_zip_is_unpacked_into_child_documents_skipping_types_the_library_does_not_take()
    {
        var zip = TestFiles.Zip(("production/contract.pdf", TestFiles.Pdf("Spokeo master agreement")), ("production/readme.txt", Encoding.UTF8.GetBytes("Index of records")), ("tools/run.exe", [0x4D, 0x5A]));
        var upload = await UploadAsync("production.zip", zip);
        await ExtractAsync(upload.DocumentId!.Value);

        var archive = await FindAsync(upload.DocumentId!.Value);
        Assert.Equal(TextStatus.Extracted, archive.TextStatus);
        Assert.Contains("run.exe (not a type the library takes)", archive.TextError);
        await using var db = Open();
        var children = await db.Documents.Where(d => d.ParentDocumentId == archive.Id).OrderBy(d => d.FileName).ToListAsync();
        Assert.Equal(["contract.pdf", "readme.txt"], children.Select(c => c.FileName));
        Assert.All(children, c => Assert.Equal((_requestId, PublicationStatus.Private), (c.RequestId, c.PublicationStatus)));

        await ExtractAsync(children[0].Id);
        Assert.Contains("Spokeo master agreement", (await FindAsync(children[0].Id)).ExtractedText);
    }

    [Theory]
    [InlineData("../../etc/passwd.txt")]
    [InlineData("/etc/cron.d/evil.txt")]
    [InlineData("docs\\..\\..\\evil.txt")]
    public async Task A_zip_with_a_path_outside_itself_is_refused_whole(string hostileName)
    {
        var upload = await UploadAsync("slip.zip", TestFiles.Zip(("fine.txt", Encoding.UTF8.GetBytes("fine")), (hostileName, Encoding.UTF8.GetBytes("evil"))));
        await ExtractAsync(upload.DocumentId!.Value);

        var archive = await FindAsync(upload.DocumentId!.Value);
        Assert.Equal(TextStatus.Failed, archive.TextStatus);
        Assert.Contains("points outside the archive", archive.TextError);
        Assert.Equal(1, await CountAsync());
    }

    [Fact]
    public async Task A_zip_that_expands_past_the_limit_fails_and_keeps_none_of_its_files()
    {
        var bomb = TestFiles.Zip(("a.txt", Encoding.UTF8.GetBytes("first")), ("zeros.txt", new byte[3 * 1024 * 1024]));
        var upload = await UploadAsync("bomb.zip", bomb);
        Assert.True(bomb.Length < 100_000, "the archive is small; only its content is large");

        await ExtractAsync(upload.DocumentId!.Value, new ArchiveLimits(MaxEntries: 10, MaxExpandedBytes: 1024 * 1024, MaxDepth: 3));
        var archive = await FindAsync(upload.DocumentId!.Value);
        Assert.Equal(TextStatus.Failed, archive.TextStatus);
        Assert.Contains("expands to more than 1 MB", archive.TextError);
        Assert.Equal(1, await CountAsync());
    }

    [Fact]
    public async Task Archives_nested_past_the_limit_are_kept_but_not_unpacked()
    {
        var innermost = TestFiles.Zip(("deep.txt", Encoding.UTF8.GetBytes("deep")));
        var upload = await UploadAsync("outer.zip", TestFiles.Zip(("inner.zip", TestFiles.Zip(("innermost.zip", innermost)))));
        var limits = new ArchiveLimits(MaxEntries: 10, MaxExpandedBytes: 1024 * 1024, MaxDepth: 2);
        await ExtractAsync(upload.DocumentId!.Value, limits);
        await using var db = Open();
        var inner = await db.Documents.SingleAsync(d => d.FileName == "inner.zip" && d.RequestId == _requestId);
        await ExtractAsync(inner.Id, limits);
        var innermostDocument = await db.Documents.SingleAsync(d => d.FileName == "innermost.zip" && d.RequestId == _requestId);
        await ExtractAsync(innermostDocument.Id, limits);

        var kept = await FindAsync(innermostDocument.Id);
        Assert.Equal(TextStatus.NotApplicable, kept.TextStatus);
        Assert.Contains("nested more than 2 deep", kept.TextError);
        Assert.False(await db.Documents.AnyAsync(d => d.FileName == "deep.txt" && d.RequestId == _requestId));
    }

    [Fact]
    public async Task An_e_mail_is_read_with_its_headers_and_its_attachments_become_child_documents()
    {
        var message = new MimeMessage { Subject = "Re: Spokeo renewal" };
        message.From.Add(new MailboxAddress("Records Officer", "records@cityofpasadena.net"));
        message.To.Add(new MailboxAddress("Ana Attorney", "ana@example.org"));
        var body = new BodyBuilder { TextBody = "Attached is the renewal invoice." };
        body.Attachments.Add("invoice.pdf", TestFiles.Pdf("Invoice for Spokeo seats"));
        message.Body = body.ToMessageBody();
        using var eml = new MemoryStream();
        await message.WriteToAsync(eml);

        var upload = await UploadAsync("reply.eml", eml.ToArray());
        await ExtractAsync(upload.DocumentId!.Value);

        var email = await FindAsync(upload.DocumentId!.Value);
        Assert.Contains("Subject: Re: Spokeo renewal", email.ExtractedText);
        Assert.Contains("records@cityofpasadena.net", email.ExtractedText);
        Assert.Contains("Attached is the renewal invoice.", email.ExtractedText);
        await using var db = Open();
        var attachment = await db.Documents.SingleAsync(d => d.ParentDocumentId == email.Id);
        Assert.Equal(("invoice.pdf", "application/pdf"), (attachment.FileName, attachment.ContentType));
    }

    private async Task<UploadResult> UploadAsync(string fileName, byte[] content)
    {
        await using var db = Open();
        using var stream = new MemoryStream(content);
        return await DocumentUploads.UploadAsync(
            db, _host.Services.GetRequiredService<IDocumentFileStore>(), _host.Services.GetRequiredService<DocumentStorageSettings>(),
            new UploadInput(_requestId, null, fileName, stream), null, DateTimeOffset.UtcNow, DateOnly.FromDateTime(DateTime.UtcNow));
    }

    private Task<string> ExtractAsync(Guid documentId, ArchiveLimits? limits = null)
    {
        var job = _host.Services.GetRequiredService<ExtractDocumentTextJob>();
        job.Limits = limits ?? ArchiveLimits.Default;
        return job.RunAsync(documentId, CancellationToken.None);
    }

    private async Task<Document> FindAsync(Guid id)
    {
        await using var db = Open();
        return await db.Documents.AsNoTracking().SingleAsync(d => d.Id == id);
    }

    private async Task<int> CountAsync()
    {
        await using var db = Open();
        return await db.Documents.CountAsync(d => d.RequestId == _requestId);
    }

    private PraTrackerDbContext Open() =>
        _host.Services.GetRequiredService<IDbContextFactory<PraTrackerDbContext>>().CreateDbContext().ViewAs(Viewer.System);
}

public sealed class PostgresDocumentExtractionTests() : DocumentExtractionTests(DatabaseProvider.Postgres);

public sealed class SqliteDocumentExtractionTests() : DocumentExtractionTests(DatabaseProvider.Sqlite);
