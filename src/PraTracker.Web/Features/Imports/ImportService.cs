using PraTracker.Data.Imports;
using PraTracker.Web.Security;

namespace PraTracker.Web.Features.Imports;

/// <summary>
/// The import page's work: reading a file into a preview, then saving it; staff only. Both run off the circuit's
/// thread (SQLite's "async" calls complete synchronously), so the page keeps drawing the import's progress.
/// </summary>
public sealed class ImportService(ViewerContextFactory contexts)
{
    /// <summary>Larger files are refused before they are read: an Atlas of Surveillance export is a few megabytes.</summary>
    public const long MaxFileBytes = 20 * 1024 * 1024;

    private static readonly ImportCounts NoRows = new(0, 0, 0, 0, 0, 0, 0, 0, 0);

    /// <summary>Reads the file with the given layout (or the one its header row names) and shows what importing it would do.</summary>
    public async Task<ImportPreview> PreviewAsync(byte[] content, string fileName, string? presetCode, CancellationToken ct = default)
    {
        await using var db = await contexts.OpenAsStaffAsync(ct);
        return await Task.Run(async () =>
        {
            var file = await ImportFileReader.ReadAsync(new MemoryStream(content, writable: false), fileName, presetCode, ct);
            return file.Error is null ? await ImportPlanner.PreviewAsync(db, file, ct) : new ImportPreview(file, [], NoRows);
        }, ct);
    }

    public async Task<ImportCounts> ImportAsync(ImportFile file, IProgress<ImportProgress> progress, CancellationToken ct = default)
    {
        await using var db = await contexts.OpenAsStaffAsync(ct);
        return await Task.Run(() => ImportCommands.ApplyAsync(db, file, progress, ct), ct);
    }
}
