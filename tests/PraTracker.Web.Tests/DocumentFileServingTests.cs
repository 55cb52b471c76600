using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PraTracker.Data.Database;
using PraTracker.Data.Documents;
using PraTracker.Data.Identity;

namespace PraTracker.Tests;

/// <summary>
/// An upload through the real upload path, then its file through /documents/{id}/file and /view, whole and in ranges
/// (as a browser's PDF viewer asks), with the files in the local folder and in an S3 bucket.
/// </summary>
public abstract class DocumentFileServingTests<TFixture>(TFixture fixture) : IClassFixture<TFixture>
    where TFixture : AppFixture
{
    protected TFixture Fixture { get; } = fixture;

    protected virtual string? SkipReason => null;

    /// <summary>Whether this app keeps files in its local folder (else only its uploads' staging is there).</summary>
    protected abstract bool KeepsFilesInTheFolder { get; }

    [SkippableFact]
    public async Task An_uploaded_file_is_kept_in_the_configured_store_and_served_whole_and_in_ranges()
    {
        Skip.If(SkipReason is not null, SkipReason);
        // Three megabytes behind a PDF's signature: the upload checks the first bytes, and nothing here reads the rest.
        var content = Encoding.ASCII.GetBytes("%PDF-1.7\n").Concat(TestFiles.Noise(3 * 1024 * 1024)).ToArray();
        var (id, sha256) = await UploadPublishedAsync("spokeo-contract.pdf", content);
        var store = Fixture.App.Services.GetRequiredService<IDocumentFileStore>();
        var folder = Fixture.App.Services.GetRequiredService<DocumentStorageSettings>().Folder;
        Assert.True(await store.ExistsAsync(sha256, default));
        Assert.Equal(KeepsFilesInTheFolder, File.Exists(Path.Combine(folder, sha256[..2], sha256)));

        using var client = Fixture.NewClient();
        var whole = await client.GetAsync($"/documents/{id}/file");
        Assert.Equal(HttpStatusCode.OK, whole.StatusCode);
        Assert.Equal(content.Length, whole.Content.Headers.ContentLength);
        Assert.Equal("bytes", whole.Headers.AcceptRanges.Single());
        Assert.Equal(content, await whole.Content.ReadAsByteArrayAsync());

        foreach (var (range, from, length) in new[] { (new RangeHeaderValue(2_000_000, 2_000_099), 2_000_000, 100), (new RangeHeaderValue(null, 500), content.Length - 500, 500) })
        {
            using var ask = new HttpRequestMessage(HttpMethod.Get, $"/documents/{id}/view") { Headers = { Range = range } };
            var part = await client.SendAsync(ask);
            Assert.Equal(HttpStatusCode.PartialContent, part.StatusCode);
            Assert.Equal("inline", part.Content.Headers.ContentDisposition!.DispositionType);
            Assert.Equal(new ContentRangeHeaderValue(from, from + length - 1, content.Length), part.Content.Headers.ContentRange);
            Assert.Equal(content.AsSpan(from, length).ToArray(), await part.Content.ReadAsByteArrayAsync());
        }
    }

    [SkippableFact]
    public async Task A_document_whose_file_is_missing_from_the_store_is_a_bare_404()
    {
        Skip.If(SkipReason is not null, SkipReason);
        var (id, _) = await UploadPublishedAsync("minutes.txt", Encoding.UTF8.GetBytes("Council minutes: the Spokeo renewal."));
        await using (var db = Open())
        {
            var lost = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes("never stored")));
            await db.Documents.Where(d => d.Id == id).ExecuteUpdateAsync(set => set.SetProperty(d => d.Sha256, lost));
        }

        using var client = Fixture.NewClient();
        var response = await client.GetAsync($"/documents/{id}/file");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Empty(await response.Content.ReadAsStringAsync());
    }

    // Uploads the file to the public demo request as an attorney's upload would, and publishes it.
    private async Task<(Guid Id, string Sha256)> UploadPublishedAsync(string fileName, byte[] content)
    {
        var request = await Fixture.PublicDemoRequestAsync();
        await using var db = Open();
        var now = DateTimeOffset.UtcNow;
        var result = await DocumentUploads.UploadAsync(
            db, Fixture.App.Services.GetRequiredService<IDocumentFileStore>(), Fixture.App.Services.GetRequiredService<DocumentStorageSettings>(),
            new UploadInput(request.Id, null, fileName, new MemoryStream(content)), null, now, DateOnly.FromDateTime(now.UtcDateTime));
        Assert.True(result.Succeeded, result.Error);
        var document = await db.Documents.SingleAsync(d => d.Id == result.DocumentId);
        document.PublicationStatus = PublicationStatus.Published;
        document.PublishedAt = now;
        await db.SaveChangesAsync();
        return (document.Id, document.Sha256);
    }

    private PraTrackerDbContext Open() =>
        Fixture.App.Services.GetRequiredService<IDbContextFactory<PraTrackerDbContext>>().CreateDbContext().ViewAs(Viewer.System);
}

public sealed class LocalDocumentFileServingTests(SqliteAppFixture fixture) : DocumentFileServingTests<SqliteAppFixture>(fixture)
{
    protected override bool KeepsFilesInTheFolder => true;
}

public sealed class S3DocumentFileServingTests(S3AppFixture fixture) : DocumentFileServingTests<S3AppFixture>(fixture)
{
    protected override string? SkipReason => Fixture.SkipReason;

    [SkippableFact]
    public async Task Readiness_checks_the_bucket_and_names_no_bucket_to_visitors_when_it_is_missing()
    {
        Skip.If(SkipReason is not null, SkipReason);
        using var client = Fixture.NewClient();
        Assert.Contains("\"storage\":{\"status\":\"Healthy\"", await client.GetStringAsync("/readyz"), StringComparison.Ordinal);

        await using var missing = Fixture.NewInstance(new Dictionary<string, string>
        {
            ["Storage:S3:Bucket"] = "no-such-bucket-here",
            ["Storage:S3:CreateBucket"] = "false",
            ["Demo:Seed"] = "false",
        });
        using var missingClient = missing.CreateClient(AppFixture.BrowserLike);
        var response = await missingClient.GetAsync("/readyz");
        var body = await response.Content.ReadAsStringAsync();
        Assert.Equal(System.Net.HttpStatusCode.ServiceUnavailable, response.StatusCode);
        using var json = System.Text.Json.JsonDocument.Parse(body);
        var storage = json.RootElement.GetProperty("checks").GetProperty("storage");
        Assert.Equal("Unhealthy", storage.GetProperty("status").GetString());
        Assert.Equal("File storage cannot be used; the app's log says why.", storage.GetProperty("description").GetString());
        Assert.Equal("Healthy", json.RootElement.GetProperty("checks").GetProperty("database").GetProperty("status").GetString());
        Assert.DoesNotContain("no-such-bucket-here", body, StringComparison.Ordinal);
    }

    protected override bool KeepsFilesInTheFolder => false;
}
