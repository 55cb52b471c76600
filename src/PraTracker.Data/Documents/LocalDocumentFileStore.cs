namespace PraTracker.Data.Documents;

/// <summary>The store on a local folder: each file at {folder}/{first two hex digits}/{sha256}.</summary>
public sealed class LocalDocumentFileStore(DocumentStorageSettings settings) : IDocumentFileStore
{
    public string Description => $"local folder {settings.Folder}";

    public async Task<StoredFile> SaveAsync(Stream content, long maxBytes, Action<byte[]>? inspectHead = null, CancellationToken ct = default)
    {
        using var received = await ReceivedFile.ReceiveAsync(settings.IncomingFolder, content, maxBytes, inspectHead, ct);
        var target = PathOf(received.Sha256);
        if (File.Exists(target))
        {
            return new StoredFile(received.Sha256, received.Size, AlreadyStored: true);
        }

        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        try
        {
            File.Move(received.Path, target);
        }
        catch (IOException) when (File.Exists(target))
        {
            // The same file arrived twice at once: the other upload stored it.
            return new StoredFile(received.Sha256, received.Size, AlreadyStored: true);
        }

        return new StoredFile(received.Sha256, received.Size, AlreadyStored: false);
    }

    public Task<Stream> OpenReadAsync(string sha256, CancellationToken ct)
    {
        var path = PathOf(sha256);
        // A missing two-digit folder would say DirectoryNotFound; the store's answer for a missing file is one exception.
        return File.Exists(path)
            ? Task.FromResult<Stream>(new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 81920, useAsync: true))
            : Task.FromException<Stream>(new FileNotFoundException("The document store has no such file.", sha256));
    }

    public Task<Stream> OpenForRandomAccessAsync(string sha256, CancellationToken ct) => OpenReadAsync(sha256, ct);

    public Task<bool> ExistsAsync(string sha256, CancellationToken ct) => Task.FromResult(File.Exists(PathOf(sha256)));

    public Task EnsureReachableAsync(CancellationToken ct) => ReceivedFile.EnsureFolderWritableAsync(settings.IncomingFolder, Description, ct);

    private string PathOf(string sha256) => Path.Combine(settings.Folder, DocumentFileKeys.RelativePathOf(sha256));
}
