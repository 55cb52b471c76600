using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace PraTracker.Jobs.Documents.Ocr;

/// <summary>
/// Checks at start-up whether OCR can run here, so the admin page says so from the first request and the log says
/// what to install; the app starts either way, and scans wait unread until OCR is installed.
/// </summary>
public sealed class OcrStartupCheck(OcrTools tools, ILogger<OcrStartupCheck> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var status = await tools.CheckAsync(stoppingToken);
        if (status.Available)
        {
            logger.LogInformation("OCR: {Summary}", status.Summary);
        }
        else
        {
            logger.LogWarning("OCR cannot run, so scanned pages will not be searchable: {Summary}", status.Summary);
        }
    }
}
