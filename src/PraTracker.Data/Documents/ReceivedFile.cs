using System.Security.Cryptography;

namespace PraTracker.Data.Documents;

/// <summary>
/// An upload written to a temporary file while its SHA-256 is computed, its size held to the limit and its first
/// kilobyte shown to the caller's check: what every store does before it keeps a file. Deleted when disposed, unless
/// the store moved it away.
/// </summary>
internal sealed class ReceivedFile : IDisposable
{
    public const int HeadBytes = 1024;

    private ReceivedFile(string path, string sha256, long size)
    {
        Path = path;
        Sha256 = sha256;
        Size = size;
    }

    public string Path { get; }

    /// <summary>Lower-case hex, the store's key.</summary>
    public string Sha256 { get; }

    public long Size { get; }

    /// <summary>
    /// Reads the content into a new file in <paramref name="folder"/>; throws <see cref="DocumentRefusedException"/>, and
    /// keeps nothing, when it is empty, larger than <paramref name="maxBytes"/> or refused by <paramref name="inspectHead"/>.
    /// </summary>
    public static async Task<ReceivedFile> ReceiveAsync(string folder, Stream content, long maxBytes, Action<byte[]>? inspectHead, CancellationToken ct)
    {
        Directory.CreateDirectory(folder);
        var temporary = System.IO.Path.Combine(folder, Guid.NewGuid().ToString("N"));
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

            return new ReceivedFile(temporary, sha256, size);
        }
        catch
        {
            File.Delete(temporary);
            throw;
        }
    }

    /// <summary>Throws <see cref="DocumentStoreUnavailableException"/>, naming the store, when uploads cannot be written to the folder.</summary>
    public static async Task EnsureFolderWritableAsync(string folder, string store, CancellationToken ct)
    {
        try
        {
            Directory.CreateDirectory(folder);
            var probe = System.IO.Path.Combine(folder, $"probe-{Guid.NewGuid():N}");
            await File.WriteAllBytesAsync(probe, [1], ct);
            File.Delete(probe);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new DocumentStoreUnavailableException($"The document store ({store}) cannot write to {folder}: {e.Message}", e);
        }
    }

    public void Dispose() => File.Delete(Path);
}
