using System.Security.Cryptography;
using Microsoft.Extensions.Configuration;
using PraTracker.Data.Database;

namespace PraTracker.Data.Documents;

/// <summary>Where released files are kept and how large one may be (Documents:Folder, Documents:MaxFileMegabytes).</summary>
public sealed record DocumentStorageSettings(string Folder, long MaxFileBytes)
{
    public const long DefaultMaxFileMegabytes = 200;

    public static DocumentStorageSettings FromConfiguration(IConfiguration configuration, DatabaseSettings database) => new(
        Path.GetFullPath(configuration["Documents:Folder"] is { Length: > 0 } folder ? folder : Path.Combine(database.DataDirectory, "files")),
        configuration.GetValue("Documents:MaxFileMegabytes", DefaultMaxFileMegabytes) * 1024 * 1024);
}

/// <summary>A file as the store holds it: its SHA-256 (also its key), its size, and whether the store already had it.</summary>
public sealed record StoredFile(string Sha256, long SizeBytes, bool AlreadyStored);

/// <summary>Released files, kept once each under their SHA-256, outside anything the web server serves directly.</summary>
public interface IDocumentFileStore
{
    /// <summary>
    /// Stores the content unless it is empty, larger than the limit, or refused by <paramref name="inspectHead"/>
    /// (shown its first kilobyte): then it throws <see cref="DocumentRefusedException"/> and keeps nothing.
    /// </summary>
    Task<StoredFile> SaveAsync(Stream content, long maxBytes, Action<byte[]>? inspectHead = null, CancellationToken ct = default);

    Stream OpenRead(string sha256);

    bool Exists(string sha256);
}

/// <summary>Why a file was not accepted, in words for the person who sent it.</summary>
public sealed class DocumentRefusedException(string message) : Exception(message)
{
    /// <summary>The refusal for a file over the size limit, worded the same wherever the size is found out.</summary>
    public static DocumentRefusedException TooLarge(long maxBytes) => new($"it is larger than the limit of {maxBytes / (1024 * 1024)} MB a file.");
}

/// <summary>The store on a local folder: each file at {folder}/{first two hex digits}/{sha256}.</summary>
public sealed class LocalDocumentFileStore(DocumentStorageSettings settings) : IDocumentFileStore
{
    public const int HeadBytes = 1024;

    public async Task<StoredFile> SaveAsync(Stream content, long maxBytes, Action<byte[]>? inspectHead = null, CancellationToken ct = default)
    {
        var incoming = Path.Combine(settings.Folder, "incoming");
        Directory.CreateDirectory(incoming);
        var temporary = Path.Combine(incoming, Guid.NewGuid().ToString("N"));
        try
        {
            string sha256;
            long size = 0;
            await using (var file = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, useAsync: true))
            {
                using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
                var head = new MemoryStream();
                var buffer = new byte[81920];
                int read;
                while ((read = await content.ReadAsync(buffer, ct)) > 0)
                {
                    if (head.Length < HeadBytes)
                    {
                        head.Write(buffer, 0, (int)Math.Min(read, HeadBytes - head.Length));
                        if (head.Length == HeadBytes)
                        {
                            inspectHead?.Invoke(head.ToArray());
                        }
                    }

                    size += read;
                    if (size > maxBytes)
                    {
                        throw DocumentRefusedException.TooLarge(maxBytes);
                    }

                    hash.AppendData(buffer, 0, read);
                    await file.WriteAsync(buffer.AsMemory(0, read), ct);
                }

                sha256 = Convert.ToHexStringLower(hash.GetHashAndReset());
            }

            if (size == 0)
            {
                throw new DocumentRefusedException("it is empty.");
            }

            if (size < HeadBytes)
            {
                inspectHead?.Invoke(File.ReadAllBytes(temporary));
            }

            var target = PathOf(sha256);
            if (File.Exists(target))
            {
                return new StoredFile(sha256, size, AlreadyStored: true);
            }

            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            try
            {
                File.Move(temporary, target);
            }
            catch (IOException) when (File.Exists(target))
            {
                // The same file arrived twice at once: the other upload stored it.
                return new StoredFile(sha256, size, AlreadyStored: true);
            }

            return new StoredFile(sha256, size, AlreadyStored: false);
        }
        finally
        {
            File.Delete(temporary);
        }
    }

    public Stream OpenRead(string sha256) => new FileStream(PathOf(sha256), FileMode.Open, FileAccess.Read, FileShare.Read, 81920, useAsync: true);

    public bool Exists(string sha256) => File.Exists(PathOf(sha256));

    private string PathOf(string sha256)
    {
        // The key is always 64 lower-case hex digits, so it can never name a path outside the folder.
        if (sha256.Length != 64 || !sha256.All(char.IsAsciiHexDigitLower))
        {
            throw new ArgumentException("Not a SHA-256 key.", nameof(sha256));
        }

        return Path.Combine(settings.Folder, sha256[..2], sha256);
    }
}
