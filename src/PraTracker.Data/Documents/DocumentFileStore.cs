namespace PraTracker.Data.Documents;

/// <summary>A file as the store holds it: its SHA-256 (also its key), its size, and whether the store already had it.</summary>
public sealed record StoredFile(string Sha256, long SizeBytes, bool AlreadyStored);

/// <summary>
/// Released files, kept once each under their SHA-256 ({first two hex digits}/{sha256}), outside anything the web server
/// serves directly: in a local folder or in an S3-compatible bucket, as <see cref="DocumentStorageSettings"/> says.
/// </summary>
public interface IDocumentFileStore
{
    /// <summary>Where the files are, for logs and health checks ("local folder /data/files"); never a secret.</summary>
    string Description { get; }

    /// <summary>
    /// Stores the content unless it is empty, larger than the limit, or refused by <paramref name="inspectHead"/>
    /// (shown its first kilobyte): then it throws <see cref="DocumentRefusedException"/> and keeps nothing.
    /// </summary>
    Task<StoredFile> SaveAsync(Stream content, long maxBytes, Action<byte[]>? inspectHead = null, CancellationToken ct = default);

    /// <summary>
    /// Opens a stored file to be read through, from the start or from one position: seekable, with its length, as
    /// range requests need. Throws <see cref="FileNotFoundException"/> when the store has no such file.
    /// </summary>
    Task<Stream> OpenReadAsync(string sha256, CancellationToken ct);

    /// <summary>
    /// Opens a stored file for a reader that jumps about in it (a PDF parser): a local file, which a remote store
    /// downloads first and deletes when the stream is closed. Throws <see cref="FileNotFoundException"/> when it is missing.
    /// </summary>
    Task<Stream> OpenForRandomAccessAsync(string sha256, CancellationToken ct);

    Task<bool> ExistsAsync(string sha256, CancellationToken ct);

    /// <summary>Throws <see cref="DocumentStoreUnavailableException"/>, saying why, when files cannot be kept or read there now.</summary>
    Task EnsureReachableAsync(CancellationToken ct);
}

/// <summary>Why a file was not accepted, in words for the person who sent it.</summary>
public sealed class DocumentRefusedException(string message) : Exception(message)
{
    /// <summary>The refusal for a file over the size limit, worded the same wherever the size is found out.</summary>
    public static DocumentRefusedException TooLarge(long maxBytes) => new($"it is larger than the limit of {maxBytes / (1024 * 1024)} MB a file.");
}

/// <summary>Why the document store cannot be used (a folder not writable, a bucket missing or refusing the credentials), in words for an operator.</summary>
public sealed class DocumentStoreUnavailableException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>The keys files are stored under.</summary>
public static class DocumentFileKeys
{
    /// <summary>{first two hex digits}/{sha256}, after checking it is a SHA-256, so a key can never name anything outside the store.</summary>
    public static string RelativePathOf(string sha256)
    {
        if (sha256.Length != 64 || !sha256.All(char.IsAsciiHexDigitLower))
        {
            throw new ArgumentException("Not a SHA-256 key.", nameof(sha256));
        }

        return $"{sha256[..2]}/{sha256}";
    }
}
