using Microsoft.Extensions.Hosting;

namespace PraTracker.Jobs.Documents.Ocr;

/// <summary>
/// Checks at start-up whether OCR can run here, so the admin page says so from the first request and the log (written
/// by <see cref="OcrTools"/>) says what to install; the app starts either way, and scans wait unread until OCR is installed.
/// </summary>
public sealed class OcrStartupCheck(OcrTools tools) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) => tools.CheckAsync(stoppingToken);
}
