using Microsoft.Extensions.Logging.Abstractions;
using PraTracker.Jobs.Documents.Ocr;

namespace PraTracker.Jobs.Tests.Ocr;

/// <summary>What the administrator is told about OCR on this machine, which has OCRmyPDF and Tesseract with English.</summary>
public sealed class OcrToolsTests
{
    [Fact]
    public async Task The_installed_programs_are_found_with_their_versions_and_the_check_is_remembered()
    {
        var tools = Tools(new OcrSettings());
        Assert.Null(tools.Last);

        var status = await tools.GetAsync(CancellationToken.None);

        Assert.True(status.Available, status.Summary);
        Assert.Matches(@"^\d+\.\d+\.\d+$", status.OcrMyPdfVersion);
        Assert.Matches(@"^\d+\.\d+\.\d+$", status.TesseractVersion);
        Assert.Contains("eng", status.Languages);
        Assert.Equal($"OCRmyPDF {status.OcrMyPdfVersion} with Tesseract {status.TesseractVersion} (languages: eng)", status.Summary);
        Assert.Same(status, tools.Last);
        Assert.Same(status, await tools.GetAsync(CancellationToken.None));
    }

    [Fact]
    public async Task A_missing_OCRmyPDF_is_reported_with_the_packages_to_install()
    {
        var status = await Tools(new OcrSettings { Command = "/nonexistent/ocrmypdf" }).CheckAsync(CancellationToken.None);

        Assert.False(status.Available);
        Assert.Null(status.OcrMyPdfVersion);
        Assert.Equal("OCRmyPDF was not found (/nonexistent/ocrmypdf): install the Debian packages ocrmypdf, tesseract-ocr and tesseract-ocr-eng.", status.Summary);
    }

    [Fact]
    public async Task A_language_Tesseract_has_no_data_for_is_reported_with_the_package_to_install()
    {
        var status = await Tools(new OcrSettings { Language = "eng+xxx" }).CheckAsync(CancellationToken.None);

        Assert.False(status.Available);
        Assert.NotNull(status.TesseractVersion);
        Assert.Contains("eng", status.Languages);
        Assert.Equal("Tesseract has no 'xxx' language data: install tesseract-ocr-xxx.", status.Summary);
    }

    [Fact]
    public async Task With_OCR_switched_off_nothing_is_run_and_the_status_says_it_is_off()
    {
        var status = await Tools(new OcrSettings { Enabled = false }).CheckAsync(CancellationToken.None);

        Assert.False(status.Available);
        Assert.Equal("OCR is off (Ocr:Enabled is false).", status.Summary);
    }

    private static OcrTools Tools(OcrSettings settings) => new(settings, NullLogger<OcrTools>.Instance);
}
