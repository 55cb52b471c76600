using Microsoft.Extensions.Configuration;
using PraTracker.Data.Database;

namespace PraTracker.Data.Documents;

/// <summary>
/// Where released files are kept and how large one may be (Documents:Folder, Documents:MaxFileMegabytes). Uploads are
/// staged in the folder's "incoming" subfolder while they are hashed.
/// </summary>
public sealed record DocumentStorageSettings(string Folder, long MaxFileBytes)
{
    public const long DefaultMaxFileMegabytes = 200;

    public static DocumentStorageSettings FromConfiguration(IConfiguration configuration, DatabaseSettings database) => new(
        Path.GetFullPath(configuration["Documents:Folder"] is { Length: > 0 } folder ? folder : Path.Combine(database.DataDirectory, "files")),
        configuration.GetValue("Documents:MaxFileMegabytes", DefaultMaxFileMegabytes) * 1024 * 1024);

    /// <summary>The folder uploads are written to while they are hashed and checked, before the store keeps them.</summary>
    public string IncomingFolder => Path.Combine(Folder, "incoming");
}
