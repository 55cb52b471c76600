using System.Security.Cryptography;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Logging.Abstractions;
using PraTracker.Jobs.Documents.Ocr;
using PraTracker.Tests;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Content;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Fonts.Standard14Fonts;
using UglyToad.PdfPig.Writer;

namespace PraTracker.Jobs.Tests.Ocr;

/// <summary>OCRmyPDF and Tesseract as installed on the machine, reading scans built for each test.</summary>
public sealed class OcrRunnerTests : IDisposable
{
    private const string Phrase = "Spokeo for Law Enforcement annual subscription";

    private static readonly string[] ThreePages =
    [
        "City of Springfield Police Department\nInvoice 2024-117",
        $"{Phrase}\nTotal due: 4,800 dollars",
        "Signed by the Chief of Police\nApproved March 3, 2024",
    ];

    private readonly string _folder = Directory.CreateTempSubdirectory("pratracker-ocr-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task Scanned_pages_are_read_each_into_its_own_text_and_into_a_searchable_copy_and_the_scan_is_left_as_it_was()
    {
        var input = await InputAsync(await ScannedPdf.BuildAsync(ThreePages));
        Assert.All(PageWords(input), words => Assert.Empty(words));
        var hashBefore = await HashAsync(input);
        var progress = new List<(int Done, int Total)>();

        var result = await Runner().RunAsync(input, WorkFolder, [1, 2, 3], Record(progress), CancellationToken.None);

        Assert.Equal([1, 2, 3], result.PageTexts.Keys.Order());
        Assert.Contains(Phrase, Flat(result.PageTexts[2]));
        Assert.DoesNotContain("Spokeo", result.PageTexts[1]);
        Assert.DoesNotContain("Spokeo", result.PageTexts[3]);
        Assert.Contains("Chief of Police", Flat(result.PageTexts[3]));

        Assert.StartsWith(WorkFolder, result.SearchablePdfPath, StringComparison.Ordinal);
        var searchable = PageWords(result.SearchablePdfPath);
        Assert.Contains(Phrase, searchable[1]);
        Assert.DoesNotContain("Spokeo", searchable[0]);

        Assert.Equal(hashBefore, await HashAsync(input));
        Assert.Equal((3, 3), progress[^1]);
        Assert.All(progress, step => Assert.Equal(3, step.Total));
        Assert.Equal(progress.Select(step => step.Done).Order(), progress.Select(step => step.Done));
        Assert.Equal(["scan.searchable.pdf"], Directory.GetFileSystemEntries(WorkFolder).Select(Path.GetFileName));
    }

    [Fact]
    public async Task Only_the_given_pages_are_read_and_a_page_with_a_text_layer_keeps_it_as_it_was()
    {
        var input = await InputAsync(await ScannedPdf.BuildMixedAsync([("Invoice 2024-117 from Spokeo Inc.\nPayment terms: net 30", false), (Phrase, true)]));
        var before = PageWords(input);
        Assert.Equal("Invoice 2024-117 from Spokeo Inc. Payment terms: net 30", before[0]);
        Assert.Empty(before[1]);

        var result = await Runner().RunAsync(input, WorkFolder, [2], (_, _) => Task.CompletedTask, CancellationToken.None);

        Assert.Equal([2], result.PageTexts.Keys);
        Assert.Contains(Phrase, Flat(result.PageTexts[2]));
        using var searchable = PdfDocument.Open(result.SearchablePdfPath);
        var first = searchable.GetPage(1);
        Assert.Equal(before[0], string.Join(' ', first.GetWords().Select(word => word.Text)));
        Assert.All(first.Letters, letter => Assert.Contains("Helvetica", letter.FontName, StringComparison.Ordinal));
        Assert.Contains(Phrase, PageWords(result.SearchablePdfPath)[1]);
    }

    [Fact]
    public async Task A_scan_with_a_Bates_stamp_on_it_is_read_and_the_stamp_stays_as_it_was()
    {
        // A production stamps each scanned page with its number: a few characters of text over the image.
        using var scan = PdfDocument.Open(await ScannedPdf.BuildAsync(Phrase));
        var builder = new PdfDocumentBuilder();
        var font = builder.AddStandard14Font(Standard14Font.Helvetica);
        builder.AddPage(scan, 1).AddText("SPRINGFIELD-000214", 8, new PdfPoint(450, 20), font);
        var input = await InputAsync(builder.Build());

        var result = await Runner().RunAsync(input, WorkFolder, [1], (_, _) => Task.CompletedTask, CancellationToken.None);

        Assert.Contains(Phrase, Flat(result.PageTexts[1]));
        using var searchable = PdfDocument.Open(result.SearchablePdfPath);
        Assert.Contains("SPRINGFIELD-000214", string.Concat(searchable.GetPage(1).Letters.Where(letter => letter.FontName?.Contains("Helvetica", StringComparison.Ordinal) == true).Select(letter => letter.Value)));
    }

    [Fact]
    public async Task A_document_that_takes_longer_than_the_time_limit_is_stopped_with_every_process_it_started()
    {
        var input = await InputAsync(await ScannedPdf.BuildAsync(ThreePages));
        var runner = Runner(new OcrSettings { TimeLimit = TimeSpan.FromSeconds(1) });

        var error = await Assert.ThrowsAsync<OcrFailedException>(() => runner.RunAsync(input, WorkFolder, [1, 2, 3], (_, _) => Task.CompletedTask, CancellationToken.None));

        Assert.Equal("OCR stopped after 1 second, the limit for one document (Ocr:TimeLimit).", error.Message);
        await AssertNoProcessLeftAsync();
        Assert.Empty(Directory.GetFileSystemEntries(WorkFolder));
    }

    [Fact]
    public async Task Cancelling_stops_OCR_midway_with_every_process_it_started()
    {
        var input = await InputAsync(await ScannedPdf.BuildAsync([.. ThreePages, .. ThreePages]));
        using var cancel = new CancellationTokenSource();
        var progress = new List<(int Done, int Total)>();

        // Cancelled as the first page is done, while Tesseract reads the next ones.
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Runner().RunAsync(input, WorkFolder, [1, 2, 3, 4, 5, 6], async (done, total) =>
        {
            progress.Add((done, total));
            await cancel.CancelAsync();
        }, cancel.Token));

        Assert.True(progress.Count > 0, "OCR was cancelled before any page was done.");
        Assert.True(progress[^1].Done < 6, "OCR finished before it was cancelled.");
        await AssertNoProcessLeftAsync();
    }

    [Fact]
    public async Task A_file_that_is_not_a_PDF_fails_with_a_reason_for_the_attorney()
    {
        var input = await InputAsync(TestFiles.Noise(20_000));

        var error = await Assert.ThrowsAsync<OcrFailedException>(() => Runner().RunAsync(input, WorkFolder, [1], (_, _) => Task.CompletedTask, CancellationToken.None));

        Assert.Equal("The file could not be read as a PDF.", error.Message);
        Assert.Empty(Directory.GetFileSystemEntries(WorkFolder));
    }

    private string WorkFolder => Path.Combine(_folder, "work");

    private static OcrRunner Runner(OcrSettings? settings = null) => new(settings ?? new OcrSettings(), NullLogger<OcrRunner>.Instance);

    private async Task<string> InputAsync(byte[] content)
    {
        var path = Path.Combine(Directory.CreateDirectory(Path.Combine(_folder, "input")).FullName, "scan.pdf");
        await File.WriteAllBytesAsync(path, content);
        return path;
    }

    private static Func<int, int, Task> Record(List<(int Done, int Total)> progress) => (done, total) =>
    {
        progress.Add((done, total));
        return Task.CompletedTask;
    };

    /// <summary>Each page's words as PdfPig reads them, one space between.</summary>
    private static List<string> PageWords(string path)
    {
        using var pdf = PdfDocument.Open(path);
        return [.. pdf.GetPages().Select(page => string.Join(' ', page.GetWords().Select(word => word.Text)))];
    }

    private static string Flat(string text) => Regex.Replace(text, @"\s+", " ");

    private static async Task<byte[]> HashAsync(string path)
    {
        await using var file = File.OpenRead(path);
        return await SHA256.HashDataAsync(file);
    }

    /// <summary>OCRmyPDF, Tesseract and Ghostscript all name files in the test's folder on their command lines.</summary>
    private async Task AssertNoProcessLeftAsync()
    {
        var left = ProcessesMentioning(_folder);
        for (var wait = 0; wait < 20 && left.Count > 0; wait++)
        {
            await Task.Delay(100);
            left = ProcessesMentioning(_folder);
        }

        Assert.Empty(left);
    }

    private static List<string> ProcessesMentioning(string text)
    {
        var found = new List<string>();
        foreach (var process in Directory.GetDirectories("/proc").Where(directory => int.TryParse(Path.GetFileName(directory), out _)))
        {
            try
            {
                var commandLine = File.ReadAllText(Path.Combine(process, "cmdline")).Replace('\0', ' ');
                if (commandLine.Contains(text, StringComparison.Ordinal))
                {
                    found.Add($"{Path.GetFileName(process)}: {commandLine}");
                }
            }
            catch (IOException)
            {
                // The process ended while it was looked at.
            }
        }

        return found;
    }
}
