using System.ComponentModel;
using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Logging;

namespace PraTracker.Jobs.Documents.Ocr;

/// <summary>What OCR gave: the searchable PDF written in the work folder, and the text read from each page that was OCR'd (key: 1-based page number).</summary>
public sealed record OcrOutput(string SearchablePdfPath, IReadOnlyDictionary<int, string> PageTexts);

/// <summary>OCR did not finish; the message says why, for the attorney whose document it was.</summary>
public sealed class OcrFailedException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>
/// Runs OCRmyPDF on the given pages of one PDF, reporting each page as it is read, within Ocr:TimeLimit. The input is
/// only read; the searchable copy is written to the work folder. The given pages get Tesseract's text added over their
/// images (--redo-ocr, so a scan with a Bates number stamped on it is read too, and the stamp stays as it was); every
/// other page is copied as it is.
/// </summary>
public sealed partial class OcrRunner(OcrSettings settings, ILogger<OcrRunner> logger)
{
    private const string PluginResource = "PraTracker.Jobs.Documents.Ocr.ocr_progress_plugin.py";
    private const string ProgressTag = "PRATRACKER-PROGRESS\t";
    private static readonly TimeSpan ProgressInterval = TimeSpan.FromMilliseconds(250);

    /// <summary>
    /// OCRs the pages; <paramref name="onProgress"/>(pagesDone, pagesTotal) is called as pages finish, a few times a
    /// second at most. One run at a time per work folder: the run's own files there are named the same each time.
    /// </summary>
    public async Task<OcrOutput> RunAsync(string inputPdf, string workFolder, IReadOnlyCollection<int> pages, Func<int, int, Task> onProgress, CancellationToken ct)
    {
        var wanted = pages.ToHashSet();
        if (wanted.Count == 0 || wanted.Min() < 1)
        {
            throw new ArgumentException("Give the pages to OCR, numbered from 1.", nameof(pages));
        }

        if (!settings.Enabled)
        {
            throw new OcrFailedException($"OCR is off on this server ({OcrSettings.Section}:{nameof(OcrSettings.Enabled)} is false).");
        }

        var input = Path.GetFullPath(inputPdf);
        if (!File.Exists(input))
        {
            throw new FileNotFoundException("The PDF to OCR does not exist.", input);
        }

        var folder = Directory.CreateDirectory(workFolder).FullName;
        var name = Path.GetFileNameWithoutExtension(input);
        var output = Path.Combine(folder, $"{name}.searchable.pdf");
        var sidecar = Path.Combine(folder, $"{name}.ocr.txt");
        var plugin = Path.Combine(folder, "pratracker_ocr_progress.py");
        var temporary = Path.Combine(folder, "ocr-tmp");
        Directory.CreateDirectory(temporary);
        await WritePluginAsync(plugin, ct);

        var start = new ProcessStartInfo(settings.Command);
        foreach (var argument in Arguments(input, output, sidecar, plugin, wanted))
        {
            start.ArgumentList.Add(argument);
        }

        // One Tesseract thread per page: OCRmyPDF already reads pages side by side, and threads on top of that only contend.
        start.Environment["OMP_THREAD_LIMIT"] = "1";
        start.Environment["TMPDIR"] = temporary;

        var progress = new PageProgress(wanted, onProgress);
        var clock = Stopwatch.StartNew();
        logger.LogInformation("OCR of {File}, pages {Pages}", name, PageRanges(wanted));
        var succeeded = false;
        try
        {
            var outcome = await OcrProcess.RunAsync(start, settings.TimeLimit, line => progress.ReadAsync(line, logger), ct);
            if (outcome.ExitCode != 0)
            {
                var detail = Detail(outcome.LastErrorLines);
                logger.LogWarning("OCRmyPDF exited with code {ExitCode} for {File}: {Errors}", outcome.ExitCode, name, string.Join('\n', outcome.LastErrorLines));
                throw new OcrFailedException(Explain(outcome.ExitCode, detail));
            }

            var texts = ReadSidecar(await File.ReadAllTextAsync(sidecar, ct), wanted);
            await progress.FinishAsync();
            logger.LogInformation("OCR of {File} read {Pages} pages in {Seconds:0.0} s", name, texts.Count, clock.Elapsed.TotalSeconds);
            succeeded = true;
            return new OcrOutput(output, texts);
        }
        catch (TimeoutException e)
        {
            logger.LogWarning("OCR of {File} stopped at the time limit of {Limit}", name, settings.TimeLimit);
            throw new OcrFailedException(
                $"OCR stopped after {Describe(settings.TimeLimit)}, the limit for one document ({OcrSettings.Section}:{nameof(OcrSettings.TimeLimit)}).", e);
        }
        catch (Win32Exception e)
        {
            throw new OcrFailedException($"OCR could not start: the program {settings.Command} was not found on this server.", e);
        }
        finally
        {
            TryDelete(plugin);
            TryDelete(sidecar);
            TryDelete(temporary);
            if (!succeeded)
            {
                TryDelete(output);
            }
        }
    }

    private IEnumerable<string> Arguments(string input, string output, string sidecar, string plugin, IReadOnlySet<int> pages) =>
    [
        "--plugin", plugin,
        "-l", settings.Language,
        // Plain PDF: PDF/A would send the whole file through Ghostscript again, which is slow and changes pages not read.
        "--output-type", "pdf",
        "--optimize", "0",
        "--jobs", Math.Min(2, Environment.ProcessorCount).ToString(CultureInfo.InvariantCulture),
        // Only the given pages are read. --redo-ocr reads them even when a little text is there already (a Bates
        // stamp), keeps such visible text and the page's images as they were, and drops a hidden OCR layer it
        // replaces; --force-ocr would turn the whole page into a new image, and --skip-text would skip it.
        "--redo-ocr",
        "--pages", PageRanges(pages),
        "--sidecar", sidecar,
        input,
        output,
    ];

    private static async Task WritePluginAsync(string path, CancellationToken ct)
    {
        await using var plugin = typeof(OcrRunner).Assembly.GetManifestResourceStream(PluginResource)
            ?? throw new InvalidOperationException($"The resource {PluginResource} is missing from the Jobs assembly.");
        await using var file = File.Create(path);
        await plugin.CopyToAsync(file, ct);
    }

    /// <summary>Pages as OCRmyPDF's --pages takes them: "1-3,7".</summary>
    private static string PageRanges(IEnumerable<int> pages)
    {
        var ranges = new List<string>();
        foreach (var page in pages.Order())
        {
            if (ranges.Count > 0 && RangeEnd(ranges[^1]) == page - 1)
            {
                ranges[^1] = $"{ranges[^1].Split('-')[0]}-{page}";
            }
            else
            {
                ranges.Add(page.ToString(CultureInfo.InvariantCulture));
            }
        }

        return string.Join(',', ranges);

        static int RangeEnd(string range) => int.Parse(range.Split('-')[^1], CultureInfo.InvariantCulture);
    }

    /// <summary>
    /// The sidecar holds one text per page, separated by form feeds, except that each run of pages OCRmyPDF did not
    /// read is one "[OCR skipped on page(s) 4-6]"; a given page it left alone (blank, with no image) has empty text.
    /// </summary>
    private static Dictionary<int, string> ReadSidecar(string sidecar, IReadOnlySet<int> pages)
    {
        var texts = new Dictionary<int, string>();
        var page = 1;
        foreach (var text in sidecar.Split(DocumentTextExtractor.PageBreak))
        {
            if (SkippedPages().Match(text) is { Success: true } skipped)
            {
                var first = int.Parse(skipped.Groups["first"].Value, CultureInfo.InvariantCulture);
                var last = skipped.Groups["last"].Success ? int.Parse(skipped.Groups["last"].Value, CultureInfo.InvariantCulture) : first;
                foreach (var left in Enumerable.Range(first, last - first + 1).Where(pages.Contains))
                {
                    texts[left] = "";
                }

                page = last + 1;
            }
            else
            {
                texts[page++] = text.Trim();
            }
        }

        return texts;
    }

    [GeneratedRegex(@"^\[OCR skipped on page\(s\) (?<first>\d+)(-(?<last>\d+))?\]$")]
    private static partial Regex SkippedPages();

    // OCRmyPDF's exit codes (ocrmypdf.exceptions.ExitCode), said for the attorney.
    private static string Explain(int exitCode, string detail) => exitCode switch
    {
        2 => "The file could not be read as a PDF.",
        3 => $"OCR is not fully installed on this server: {detail}",
        5 => $"OCR could not read or write its working files: {detail}",
        6 => "The pages already have text, so OCR was not run.",
        7 => $"A program OCR uses (Tesseract or Ghostscript) failed on this PDF: {detail}",
        8 => "The PDF is encrypted; OCR needs a copy without password protection.",
        1 or 9 => $"OCR is set up wrongly on this server: {detail}",
        130 or 137 or 143 => "OCR was interrupted before it finished.",
        _ => $"OCR failed (OCRmyPDF exit code {exitCode}): {detail}",
    };

    /// <summary>The last lines OCRmyPDF wrote that say something: not progress, not a traceback's indented frames.</summary>
    private static string Detail(IReadOnlyList<string> errorLines)
    {
        var said = errorLines
            .Where(line => line.Length > 0 && !line.StartsWith(ProgressTag, StringComparison.Ordinal) && !char.IsWhiteSpace(line[0]))
            .TakeLast(3)
            .Select(line => line.Trim());
        var detail = string.Join(' ', said);
        detail = detail.Length > 300 ? detail[..300] + "…" : detail;
        return detail.Length == 0 ? "OCRmyPDF gave no reason." : detail;
    }

    private static string Describe(TimeSpan limit) =>
        limit.TotalMinutes >= 1 && limit.TotalMinutes == Math.Floor(limit.TotalMinutes)
            ? Plural((int)limit.TotalMinutes, "minute")
            : Plural((int)Math.Ceiling(limit.TotalSeconds), "second");

    private static string Plural(int count, string unit) => count == 1 ? $"1 {unit}" : $"{count} {unit}s";

    private void TryDelete(string path)
    {
        try
        {
            if (Directory.Exists(path))
            {
                Directory.Delete(path, recursive: true);
            }
            else
            {
                File.Delete(path);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            logger.LogDebug(e, "Could not delete {Path} after OCR", path);
        }
    }

    /// <summary>
    /// Turns the plugin's progress lines into pages done: a given page counts once OCRmyPDF's OCR stage has handled it.
    /// Should a later OCRmyPDF not say which page a line is about, the stage's share done stands in.
    /// </summary>
    private sealed class PageProgress(IReadOnlySet<int> pages, Func<int, int, Task> onProgress)
    {
        private readonly HashSet<int> _done = [];
        private readonly Stopwatch _sinceReport = Stopwatch.StartNew();
        private int _count;
        private int _reported;

        public async Task ReadAsync(string line, ILogger logger)
        {
            if (!line.StartsWith(ProgressTag, StringComparison.Ordinal))
            {
                logger.LogDebug("OCRmyPDF: {Line}", line);
                return;
            }

            // PRATRACKER-PROGRESS <done> <total> <page or -> <stage>
            var fields = line.Split('\t');
            if (fields.Length < 5 || fields[4] != "OCR")
            {
                return;
            }

            if (int.TryParse(fields[3], CultureInfo.InvariantCulture, out var page))
            {
                if (pages.Contains(page))
                {
                    _done.Add(page);
                }

                _count = Math.Max(_count, _done.Count);
            }
            else if (double.TryParse(fields[1], CultureInfo.InvariantCulture, out var done) && double.TryParse(fields[2], CultureInfo.InvariantCulture, out var total) && total > 0)
            {
                _count = Math.Max(_count, (int)Math.Min(pages.Count, done / total * pages.Count));
            }

            if (_count > _reported && (_count == pages.Count || _sinceReport.Elapsed >= ProgressInterval))
            {
                await ReportAsync(_count);
            }
        }

        /// <summary>Every page is done once OCRmyPDF succeeds, even one it said nothing about.</summary>
        public async Task FinishAsync()
        {
            if (_reported < pages.Count)
            {
                await ReportAsync(pages.Count);
            }
        }

        private async Task ReportAsync(int count)
        {
            _reported = count;
            _sinceReport.Restart();
            await onProgress(count, pages.Count);
        }
    }
}

/// <summary>How a program OCR uses ended: its exit code, its output, and the last lines it wrote on stderr.</summary>
internal sealed record ProcessOutcome(int ExitCode, string Output, IReadOnlyList<string> LastErrorLines);

/// <summary>
/// Runs a program without a shell, reading both its outputs as it writes them so neither pipe fills and blocks it.
/// Past the time limit, or when cancelled, the program and every process it started are killed.
/// </summary>
internal static class OcrProcess
{
    private const int ErrorLinesKept = 40;

    /// <summary>Throws Win32Exception when the program cannot be started, TimeoutException past the limit, OperationCanceledException when cancelled.</summary>
    public static async Task<ProcessOutcome> RunAsync(ProcessStartInfo start, TimeSpan limit, Func<string, Task>? onErrorLine, CancellationToken ct)
    {
        start.UseShellExecute = false;
        start.RedirectStandardInput = true;
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{start.FileName} did not start.");
        process.StandardInput.Close();

        var errorLines = new Queue<string>();
        var output = process.StandardOutput.ReadToEndAsync(CancellationToken.None);
        var errors = ReadLinesAsync(process.StandardError, async line =>
        {
            errorLines.Enqueue(line);
            if (errorLines.Count > ErrorLinesKept)
            {
                errorLines.Dequeue();
            }

            if (onErrorLine is not null)
            {
                await onErrorLine(line);
            }
        });

        using var timer = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timer.CancelAfter(limit);
        try
        {
            // Waits for the exit and both outputs, but gives up at once when one of them fails (a progress callback that throws).
            var pending = new List<Task> { process.WaitForExitAsync(timer.Token), output, errors };
            while (pending.Count > 0)
            {
                var finished = await Task.WhenAny(pending).WaitAsync(timer.Token);
                await finished;
                pending.Remove(finished);
            }
        }
        catch (Exception)
        {
            await StopAsync(process, errors);
            ct.ThrowIfCancellationRequested();
            if (timer.IsCancellationRequested)
            {
                throw new TimeoutException($"{start.FileName} did not finish within {limit}.");
            }

            throw;
        }

        return new ProcessOutcome(process.ExitCode, await output, [.. errorLines]);
    }

    private static async Task ReadLinesAsync(StreamReader reader, Func<string, Task> onLine)
    {
        while (await reader.ReadLineAsync() is { } line)
        {
            await onLine(line);
        }
    }

    private static async Task StopAsync(Process process, Task errors)
    {
        try
        {
            process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // It had already exited.
        }

        await process.WaitForExitAsync(CancellationToken.None);
        // Let the reader see the end of the pipe, so no progress is reported after the caller has moved on; a
        // grandchild that escaped the kill and holds the pipe open is not waited for.
        await Task.WhenAny(errors, Task.Delay(TimeSpan.FromSeconds(5)));
    }
}
