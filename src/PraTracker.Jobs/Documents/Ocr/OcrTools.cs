using System.ComponentModel;
using System.Diagnostics;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Logging;

namespace PraTracker.Jobs.Documents.Ocr;

/// <summary>Whether OCR can run on this machine, with the versions found and a sentence for the administrator.</summary>
public sealed record OcrToolsStatus(bool Available, string? OcrMyPdfVersion, string? TesseractVersion, IReadOnlyList<string> Languages, string Summary);

/// <summary>
/// Finds out whether OCRmyPDF and Tesseract are installed, with the configured languages' data, by asking each for
/// its version and Tesseract for its languages. Never throws for a missing or broken program: the status says what
/// to install.
/// </summary>
public sealed partial class OcrTools(OcrSettings settings, ILogger<OcrTools> logger)
{
    private const string Tesseract = "tesseract";
    private static readonly TimeSpan AnswerTime = TimeSpan.FromSeconds(10);

    private volatile OcrToolsStatus? _last;

    /// <summary>The last check; null before the first.</summary>
    public OcrToolsStatus? Last => _last;

    /// <summary>The last check, or a first one. Two callers at once may both check, which costs a few milliseconds.</summary>
    public async Task<OcrToolsStatus> GetAsync(CancellationToken ct) => _last ?? await CheckAsync(ct);

    /// <summary>Checks the programs again, remembering the answer.</summary>
    public async Task<OcrToolsStatus> CheckAsync(CancellationToken ct)
    {
        var status = await FindAsync(ct);
        if (status.Available || !settings.Enabled)
        {
            logger.LogInformation("OCR tools: {Summary}", status.Summary);
        }
        else
        {
            logger.LogWarning("OCR tools: {Summary}", status.Summary);
        }

        _last = status;
        return status;
    }

    private async Task<OcrToolsStatus> FindAsync(CancellationToken ct)
    {
        if (!settings.Enabled)
        {
            return Unavailable($"OCR is off ({OcrSettings.Section}:{nameof(OcrSettings.Enabled)} is false).");
        }

        var packages = string.Join(", ", ["ocrmypdf", "tesseract-ocr", .. settings.Languages.Select(DebianPackage)]);
        var ocrMyPdf = await AskAsync(settings.Command, ["--version"], ct);
        if (!ocrMyPdf.Found)
        {
            return Unavailable($"OCRmyPDF was not found ({settings.Command}): install the Debian packages {ReplaceLastComma(packages)}.");
        }

        var ocrMyPdfVersion = VersionIn(ocrMyPdf.Output);
        if (ocrMyPdf.Failure is not null || ocrMyPdfVersion is null)
        {
            return Unavailable($"OCRmyPDF ({settings.Command}) did not give its version. {ocrMyPdf.Failure ?? Quote(ocrMyPdf.Output)}".TrimEnd());
        }

        var tesseract = await AskAsync(Tesseract, ["--version"], ct);
        var tesseractVersion = VersionIn(tesseract.Output);
        if (!tesseract.Found || tesseract.Failure is not null || tesseractVersion is null)
        {
            var missing = tesseract.Found ? $"did not give its version ({tesseract.Failure ?? Quote(tesseract.Output)})" : "was not found";
            return Unavailable(
                $"Tesseract {missing}: install the Debian packages {ReplaceLastComma(string.Join(", ", ["tesseract-ocr", .. settings.Languages.Select(DebianPackage)]))}.",
                ocrMyPdfVersion);
        }

        var listing = await AskAsync(Tesseract, ["--list-langs"], ct);
        if (listing.Failure is not null)
        {
            return Unavailable($"Tesseract did not list its languages. {listing.Failure}", ocrMyPdfVersion, tesseractVersion);
        }

        // The first line names the data folder ("List of available languages in ..."); each line after it is a language.
        var languages = listing.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Where(line => !line.StartsWith("List of", StringComparison.OrdinalIgnoreCase))
            .ToList();
        var absent = settings.Languages.Where(language => !languages.Contains(language)).ToList();
        if (absent.Count > 0)
        {
            return new OcrToolsStatus(
                false,
                ocrMyPdfVersion,
                tesseractVersion,
                languages,
                $"Tesseract has no {ReplaceLastComma(string.Join(", ", absent.Select(language => $"'{language}'")), "or")} language data: "
                + $"install {ReplaceLastComma(string.Join(", ", absent.Select(DebianPackage)))}.");
        }

        return new OcrToolsStatus(
            true,
            ocrMyPdfVersion,
            tesseractVersion,
            languages,
            $"OCRmyPDF {ocrMyPdfVersion} with Tesseract {tesseractVersion} (languages: {string.Join(", ", settings.Languages)})");
    }

    private static OcrToolsStatus Unavailable(string summary, string? ocrMyPdfVersion = null, string? tesseractVersion = null) =>
        new(false, ocrMyPdfVersion, tesseractVersion, [], summary);

    /// <summary>What one program answered: not found, failed (and why), or its output.</summary>
    private sealed record Answer(bool Found, string Output, string? Failure);

    private async Task<Answer> AskAsync(string program, IReadOnlyList<string> arguments, CancellationToken ct)
    {
        var start = new ProcessStartInfo(program);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        try
        {
            var outcome = await OcrProcess.RunAsync(start, AnswerTime, onErrorLine: null, ct);
            // Tesseract before version 4 wrote its version on stderr, so both are read.
            var output = string.Join('\n', [outcome.Output, .. outcome.LastErrorLines]);
            return outcome.ExitCode == 0
                ? new Answer(true, output, null)
                : new Answer(true, output, $"{program} {string.Join(' ', arguments)} exited with code {outcome.ExitCode}. {Quote(output)}".TrimEnd());
        }
        catch (Win32Exception e)
        {
            logger.LogDebug(e, "{Program} could not be started", program);
            return new Answer(false, "", null);
        }
        catch (TimeoutException)
        {
            return new Answer(true, "", $"{program} {string.Join(' ', arguments)} did not answer within {AnswerTime.TotalSeconds:0} seconds.");
        }
    }

    // "14.0.1+dfsg1" (Debian's OCRmyPDF) and "tesseract 5.3.0" both give the plain version number.
    private static string? VersionIn(string output) => VersionPattern().Match(output) is { Success: true } match ? match.Value : null;

    private static string DebianPackage(string language) => "tesseract-ocr-" + language.Replace('_', '-');

    private static string ReplaceLastComma(string list, string conjunction = "and")
    {
        var comma = list.LastIndexOf(", ", StringComparison.Ordinal);
        return comma < 0 ? list : $"{list[..comma]} {conjunction} {list[(comma + 2)..]}";
    }

    private static string Quote(string output) => output.Trim() is { Length: > 0 } text ? $"\"{text.Split('\n')[^1].Trim()}\"" : "";

    [GeneratedRegex(@"\d+(\.\d+)+")]
    private static partial Regex VersionPattern();
}
