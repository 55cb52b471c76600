using System.ComponentModel;
using System.Diagnostics;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Content;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Fonts.Standard14Fonts;
using UglyToad.PdfPig.Writer;

namespace PraTracker.Tests;

/// <summary>
/// PDFs as a scanner makes them, for OCR tests: each page's text is set in Helvetica, rasterised by Ghostscript to a
/// grey image, and wrapped by img2pdf in a page holding that image and no text at all.
/// </summary>
public static class ScannedPdf
{
    /// <summary>Scans are rasterised at this resolution: enough for Tesseract to read 16 pt text, little enough to read it fast.</summary>
    public const int Dpi = 150;

    private const double FontSize = 16;
    private const double LineHeight = 24;

    /// <summary>A PDF with one image-only page per text; a '\n' in a text starts a new line.</summary>
    public static async Task<byte[]> BuildAsync(params string[] pageTexts)
    {
        var folder = Directory.CreateTempSubdirectory("pratracker-scan-");
        try
        {
            return await File.ReadAllBytesAsync(await ScanAsync(TextPdf(pageTexts), folder.FullName));
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    /// <summary>A PDF whose pages are either set as text (a text layer, as a born-digital page) or scanned (an image only).</summary>
    public static async Task<byte[]> BuildMixedAsync(IReadOnlyList<(string Text, bool Scanned)> pages)
    {
        var folder = Directory.CreateTempSubdirectory("pratracker-scan-");
        try
        {
            var text = TextPdf([.. pages.Select(page => page.Text)]);
            var scanned = await File.ReadAllBytesAsync(await ScanAsync(text, folder.FullName));
            using var textDocument = PdfDocument.Open(text);
            using var scannedDocument = PdfDocument.Open(scanned);
            var builder = new PdfDocumentBuilder();
            for (var number = 1; number <= pages.Count; number++)
            {
                builder.AddPage(pages[number - 1].Scanned ? scannedDocument : textDocument, number);
            }

            return builder.Build();
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    private static byte[] TextPdf(IReadOnlyList<string> pageTexts)
    {
        var builder = new PdfDocumentBuilder();
        var font = builder.AddStandard14Font(Standard14Font.Helvetica);
        foreach (var text in pageTexts)
        {
            var page = builder.AddPage(PageSize.Letter);
            var top = page.PageSize.Height - 72;
            foreach (var (line, index) in text.Split('\n').Select((line, index) => (line, index)))
            {
                page.AddText(line, FontSize, new PdfPoint(72, top - (index * LineHeight)), font);
            }
        }

        return builder.Build();
    }

    /// <summary>Rasterises every page and wraps the images as a PDF; returns its path in the folder.</summary>
    private static async Task<string> ScanAsync(byte[] textPdf, string folder)
    {
        var source = Path.Combine(folder, "text.pdf");
        await File.WriteAllBytesAsync(source, textPdf);
        await RunAsync("gs", "ghostscript", ["-q", "-dNOPAUSE", "-dBATCH", "-dSAFER", "-sDEVICE=pnggray", $"-r{Dpi}", $"-sOutputFile={Path.Combine(folder, "page-%03d.png")}", source]);
        var images = Directory.GetFiles(folder, "page-*.png").Order(StringComparer.Ordinal).ToList();
        var scanned = Path.Combine(folder, "scanned.pdf");
        await RunAsync("img2pdf", "img2pdf", [.. images, "-o", scanned]);
        return scanned;
    }

    private static async Task RunAsync(string program, string debianPackage, IReadOnlyList<string> arguments)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        Process process;
        try
        {
            process = Process.Start(start)!;
        }
        catch (Win32Exception e)
        {
            throw new InvalidOperationException($"{program} is needed to build scanned PDFs for the OCR tests: install the Debian package {debianPackage}.", e);
        }

        using (process)
        {
            var output = process.StandardOutput.ReadToEndAsync();
            var errors = process.StandardError.ReadToEndAsync();
            await process.WaitForExitAsync();
            if (process.ExitCode != 0)
            {
                throw new InvalidOperationException($"{program} exited with code {process.ExitCode}: {await errors}{await output}");
            }
        }
    }
}
