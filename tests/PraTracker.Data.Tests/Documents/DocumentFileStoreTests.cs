using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Configuration;
using PraTracker.Data.Database;
using PraTracker.Data.Documents;

namespace PraTracker.Tests;

/// <summary>
/// What every document store promises, run against each: the local folder, and an S3 bucket on a real S3-compatible
/// server (skipped, saying why, where that server cannot run).
/// </summary>
public abstract class DocumentFileStoreTests : IAsyncLifetime
{
    private readonly List<IDocumentFileStore> _stores = [];

    /// <summary>The local folder of every store a test makes: the files themselves, or the staging of uploads.</summary>
    protected string Folder { get; } = Directory.CreateTempSubdirectory("pratracker-store-").FullName;

    /// <summary>Why this store's tests cannot run here, or null.</summary>
    protected virtual string? SkipReason => null;

    /// <summary>The Storage:* settings of a working store of this kind.</summary>
    protected abstract Dictionary<string, string?> StoreSettings();

    public virtual Task InitializeAsync() => Task.CompletedTask;

    public virtual Task DisposeAsync()
    {
        foreach (var store in _stores.OfType<IDisposable>())
        {
            store.Dispose();
        }

        Directory.Delete(Folder, recursive: true);
        return Task.CompletedTask;
    }

    [SkippableFact]
    public async Task A_file_is_kept_once_under_its_sha256_and_saved_again_is_already_stored()
    {
        var store = Store();
        var content = Encoding.UTF8.GetBytes("Spokeo for Law Enforcement: order form, Pasadena Police Department.");
        var sha256 = Convert.ToHexStringLower(SHA256.HashData(content));
        Assert.False(await store.ExistsAsync(sha256, default));

        var first = await store.SaveAsync(new MemoryStream(content), 1024 * 1024);
        Assert.Equal(new StoredFile(sha256, content.Length, AlreadyStored: false), first);
        Assert.True(await store.ExistsAsync(sha256, default));

        var again = await store.SaveAsync(new MemoryStream(content), 1024 * 1024);
        Assert.Equal(new StoredFile(sha256, content.Length, AlreadyStored: true), again);
        Assert.Empty(Incoming());
    }

    [SkippableFact]
    public async Task A_file_over_the_limit_is_refused_and_nothing_is_kept()
    {
        var store = Store();
        var content = TestFiles.Noise((256 * 1024) + 1);

        var refused = await Assert.ThrowsAsync<DocumentRefusedException>(() => store.SaveAsync(new MemoryStream(content), 256 * 1024));
        Assert.Equal(DocumentRefusedException.TooLarge(256 * 1024).Message, refused.Message);
        Assert.False(await store.ExistsAsync(Sha256Of(content), default));
        Assert.Empty(Incoming());
    }

    [SkippableFact]
    public async Task An_empty_file_is_refused_and_nothing_is_kept()
    {
        var store = Store();

        var refused = await Assert.ThrowsAsync<DocumentRefusedException>(() => store.SaveAsync(new MemoryStream(), 1024));
        Assert.Equal("it is empty.", refused.Message);
        Assert.False(await store.ExistsAsync(Sha256Of([]), default));
        Assert.Empty(Incoming());
    }

    [SkippableTheory]
    [InlineData(100)] // shown whole once read
    [InlineData(300 * 1024)] // shown its first kilobyte while it is read
    public async Task A_file_whose_first_kilobyte_is_refused_is_not_kept(int size)
    {
        var store = Store();
        var content = TestFiles.Noise(size);
        byte[]? shown = null;

        var refused = await Assert.ThrowsAsync<DocumentRefusedException>(() => store.SaveAsync(new MemoryStream(content), 1024 * 1024, head =>
        {
            shown = head;
            throw new DocumentRefusedException("its content is not what its name says.");
        }));
        Assert.Equal("its content is not what its name says.", refused.Message);
        Assert.Equal(content.AsSpan(0, Math.Min(size, 1024)).ToArray(), shown);
        Assert.False(await store.ExistsAsync(Sha256Of(content), default));
        Assert.Empty(Incoming());
    }

    [SkippableFact]
    public async Task A_multi_megabyte_file_reads_back_whole_and_from_any_position()
    {
        var store = Store();
        var content = TestFiles.Noise((6 * 1024 * 1024) + 123);
        var stored = await store.SaveAsync(new MemoryStream(content), 10 * 1024 * 1024);
        Assert.Equal(Sha256Of(content), stored.Sha256);

        await using (var read = await store.OpenReadAsync(stored.Sha256, default))
        {
            Assert.True(read.CanSeek);
            Assert.Equal(content.Length, read.Length);
            Assert.Equal(content, await ReadToEndAsync(read));

            // A range request: a seek, then a run of reads; then one from further back.
            foreach (var position in new long[] { (4 * 1024 * 1024) + 17, 10, content.Length - 5 })
            {
                read.Seek(position, SeekOrigin.Begin);
                var part = new byte[Math.Min(70_000, content.Length - position)];
                await read.ReadExactlyAsync(part);
                Assert.Equal(content.AsSpan((int)position, part.Length).ToArray(), part);
                Assert.Equal(position + part.Length, read.Position);
            }

            Assert.Equal(0, await read.ReadAsync(new byte[10]));
        }

        await using var local = await store.OpenForRandomAccessAsync(stored.Sha256, default);
        local.Seek(-1000, SeekOrigin.End);
        var tail = new byte[1000];
        await local.ReadExactlyAsync(tail);
        Assert.Equal(content[^1000..], tail);
        local.Position = 0;
        Assert.Equal(content, await ReadToEndAsync(local));
    }

    [SkippableFact]
    public async Task A_file_the_store_lacks_is_not_found_and_a_key_that_is_not_a_sha256_is_refused()
    {
        var store = Store();
        var missing = Sha256Of(Encoding.UTF8.GetBytes("never stored"));

        Assert.False(await store.ExistsAsync(missing, default));
        await Assert.ThrowsAsync<FileNotFoundException>(() => store.OpenReadAsync(missing, default));
        await Assert.ThrowsAsync<FileNotFoundException>(() => store.OpenForRandomAccessAsync(missing, default));
        await Assert.ThrowsAsync<ArgumentException>(() => store.OpenReadAsync("../../etc/passwd", default));
        await Assert.ThrowsAsync<ArgumentException>(() => store.ExistsAsync(missing.ToUpperInvariant(), default));
    }

    [SkippableFact]
    public async Task A_working_store_is_reachable_and_says_where_it_keeps_files()
    {
        var store = Store();

        await store.EnsureReachableAsync(default);
        Assert.False(string.IsNullOrWhiteSpace(store.Description));
    }

    [SkippableFact]
    public async Task A_store_whose_folder_cannot_be_written_is_unreachable_and_the_message_names_the_folder()
    {
        var blocked = Path.Combine(Folder, "blocked");
        var store = Store(new() { ["Documents:Folder"] = blocked });
        await File.WriteAllTextAsync(blocked, "a file where the folder should be");

        var unavailable = await Assert.ThrowsAsync<DocumentStoreUnavailableException>(() => store.EnsureReachableAsync(default));
        Assert.Contains($"The document store ({store.Description}) cannot write to {blocked}/incoming", unavailable.Message);
    }

    /// <summary>A store on <see cref="StoreSettings"/> with these changed (a null value removes a setting), read from configuration as the app does.</summary>
    protected IDocumentFileStore Store(Dictionary<string, string?>? changes = null)
    {
        Skip.If(SkipReason is not null, SkipReason);
        var settings = StoreSettings();
        settings["Documents:Folder"] = Folder;
        foreach (var (key, value) in changes ?? [])
        {
            settings[key] = value;
        }

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var storage = DocumentStorageSettings.FromConfiguration(configuration, new DatabaseSettings(DatabaseProvider.Sqlite, "", Folder));
        IDocumentFileStore store = storage.Provider == DocumentStorageProvider.S3 ? new S3DocumentFileStore(storage) : new LocalDocumentFileStore(storage);
        _stores.Add(store);
        return store;
    }

    protected static string Sha256Of(byte[] content) => Convert.ToHexStringLower(SHA256.HashData(content));

    private static async Task<byte[]> ReadToEndAsync(Stream stream)
    {
        var copy = new MemoryStream();
        await stream.CopyToAsync(copy);
        return copy.ToArray();
    }

    // Uploads being hashed are staged here; a refused or finished one leaves nothing behind.
    private string[] Incoming() => Directory.Exists(Path.Combine(Folder, "incoming")) ? Directory.GetFiles(Path.Combine(Folder, "incoming")) : [];
}

public sealed class LocalDocumentFileStoreTests : DocumentFileStoreTests
{
    protected override Dictionary<string, string?> StoreSettings() => [];

    [Fact]
    public async Task Files_are_kept_in_the_folder_under_two_hex_digits_of_their_sha256()
    {
        var stored = await Store().SaveAsync(new MemoryStream(Encoding.UTF8.GetBytes("LAPD online persona policy")), 1024);

        Assert.True(File.Exists(Path.Combine(Folder, stored.Sha256[..2], stored.Sha256)));
    }
}

public sealed class S3DocumentFileStoreTests(S3ServerFixture s3) : DocumentFileStoreTests, IClassFixture<S3ServerFixture>
{
    // Each test has a bucket of its own, created by the store on first use.
    private readonly string _bucket = $"pratracker-{Guid.NewGuid():N}";

    protected override string? SkipReason => s3.SkipReason;

    protected override Dictionary<string, string?> StoreSettings() => new()
    {
        ["Storage:Provider"] = "S3",
        ["Storage:S3:ServiceUrl"] = s3.Server!.ServiceUrl.ToString(),
        ["Storage:S3:Bucket"] = _bucket,
        ["Storage:S3:AccessKey"] = S3Server.AccessKey,
        ["Storage:S3:SecretKey"] = S3Server.SecretKey,
        ["Storage:S3:Prefix"] = "documents",
        ["Storage:S3:CreateBucket"] = "true",
    };

    [SkippableFact]
    public async Task Files_are_kept_in_the_bucket_under_the_prefix_and_two_hex_digits_of_their_sha256()
    {
        var stored = await Store().SaveAsync(new MemoryStream(Encoding.UTF8.GetBytes("Clearview AI trial account list")), 1024);

        using var client = s3.Server!.Client();
        var listing = await client.ListObjectsV2Async(new Amazon.S3.Model.ListObjectsV2Request { BucketName = _bucket });
        Assert.Equal($"documents/{stored.Sha256[..2]}/{stored.Sha256}", Assert.Single(listing.S3Objects).Key);
        Assert.Empty(Directory.GetFiles(Folder, "*", SearchOption.AllDirectories)); // the staged upload is gone
    }

    [SkippableFact]
    public async Task A_missing_bucket_is_unreachable_and_the_message_says_which_and_how_to_have_it_created()
    {
        var store = Store(new() { ["Storage:S3:CreateBucket"] = "false" });

        var unavailable = await Assert.ThrowsAsync<DocumentStoreUnavailableException>(() => store.EnsureReachableAsync(default));
        Assert.Contains($"S3 bucket {_bucket} at {s3.Server!.ServiceUrl.ToString().TrimEnd('/')}", unavailable.Message);
        Assert.Contains("the bucket does not exist", unavailable.Message);
        Assert.Contains("Storage:S3:CreateBucket", unavailable.Message);
    }

    [SkippableFact]
    public async Task Wrong_credentials_are_unreachable_and_the_message_names_the_settings_but_never_the_secret()
    {
        await Store().EnsureReachableAsync(default); // the bucket exists
        // An access key the server does not know: s3rver checks that, though not a version-4 signature.
        var store = Store(new() { ["Storage:S3:AccessKey"] = "NOT-A-KEY", ["Storage:S3:SecretKey"] = "not-the-secret-4711" });

        var unavailable = await Assert.ThrowsAsync<DocumentStoreUnavailableException>(() => store.EnsureReachableAsync(default));
        Assert.Contains("access is denied", unavailable.Message);
        Assert.Contains("Storage:S3:AccessKey", unavailable.Message);
        Assert.DoesNotContain("not-the-secret-4711", unavailable.Message);
        Assert.DoesNotContain("not-the-secret-4711", store.Description);
    }

    [SkippableFact]
    public async Task A_server_that_does_not_answer_is_unreachable()
    {
        var store = Store(new() { ["Storage:S3:ServiceUrl"] = $"http://127.0.0.1:{LocalMachine.FreePort()}" });

        var unavailable = await Assert.ThrowsAsync<DocumentStoreUnavailableException>(() => store.EnsureReachableAsync(default));
        Assert.Contains("cannot be reached", unavailable.Message);
    }
}

/// <summary>One S3-compatible server for a test class, or the reason there is none on this machine.</summary>
public sealed class S3ServerFixture : IAsyncLifetime
{
    public S3Server? Server { get; private set; }

    public string? SkipReason { get; private set; }

    public async Task InitializeAsync()
    {
        SkipReason = S3Server.Unavailable();
        if (SkipReason is null)
        {
            Server = await S3Server.StartAsync();
        }
    }

    public async Task DisposeAsync()
    {
        if (Server is not null)
        {
            await Server.DisposeAsync();
        }
    }
}
