using System.IO.Compression;
using System.Text;
using MimeKit;
using PraTracker.Data.Documents;
using PraTracker.Jobs.Email;
using UglyToad.PdfPig;

namespace PraTracker.Jobs.Documents;

/// <summary>Receives each file found inside an e-mail or an archive, to become a child document; the stream is read once.</summary>
public delegate Task AddChild(string fileName, Stream content, CancellationToken ct);

/// <summary>What a file yielded: its text (pages separated by form feeds), its page count, and how many files were inside it.</summary>
public sealed record ExtractedText(string? Text, int? PageCount, TextStatus Status, int Children = 0, string? Note = null)
{
    /// <summary>A PDF's text page by page, page 1 first; null for files without pages.</summary>
    public IReadOnlyList<string>? Pages { get; init; }

    /// <summary>The pages that hold an image but no text layer, or too little text for a page: scans, for OCR.</summary>
    public IReadOnlyList<int> ScannedPages { get; init; } = [];
}

/// <summary>Limits that keep a hostile archive from filling the disk or the queue.</summary>
public sealed record ArchiveLimits(int MaxEntries, long MaxExpandedBytes, int MaxDepth)
{
    public static readonly ArchiveLimits Default = new(MaxEntries: 1_000, MaxExpandedBytes: 1024L * 1024 * 1024, MaxDepth: 3);
}

/// <summary>The file could not be read; the message says why, for the attorney who uploaded it.</summary>
public sealed class UnreadableDocumentException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>
/// Reads the text out of released files: PDFs page by page with PdfPig, text and CSV as they are, e-mail with MimeKit
/// (headers, body, attachments as children), zip archives into children, with guards against path traversal, huge
/// expansion and deep nesting. Other types are stored without text until OCR and office extraction exist.
/// </summary>
public static class DocumentTextExtractor
{
    /// <summary>Between pages in extracted text, so a hit can be traced to its page.</summary>
    public const char PageBreak = '\f';

    /// <summary>A PDF page with fewer characters than this in its text layer, and an image, is taken for a scan.</summary>
    public const int DefaultMinCharactersPerPage = 40;

    public static async Task<ExtractedText> ExtractAsync(
        DocumentKind kind, Stream content, int depth, ArchiveLimits limits, AddChild addChild, CancellationToken ct,
        int minCharactersPerPage = DefaultMinCharactersPerPage) => kind switch
        {
            DocumentKind.Pdf => ReadPdf(content, minCharactersPerPage),
            DocumentKind.PlainText or DocumentKind.Csv => new ExtractedText(ReadText(content), null, TextStatus.Extracted),
            DocumentKind.Email => await ReadEmailAsync(content, addChild, ct),
            DocumentKind.Zip => depth >= limits.MaxDepth
                ? new ExtractedText(null, null, TextStatus.NotApplicable, Note: $"Archives nested more than {limits.MaxDepth} deep are kept but not unpacked.")
                : await UnzipAsync(content, limits, addChild, ct),
            _ => new ExtractedText(null, null, TextStatus.NotApplicable, Note: "Text is not read from this type of file yet."),
        };

    private static ExtractedText ReadPdf(Stream content, int minCharactersPerPage)
    {
        try
        {
            using var pdf = PdfDocument.Open(content);
            var pages = new List<string>();
            var scanned = new List<int>();
            foreach (var page in pdf.GetPages())
            {
                pages.Add(page.Text);
                if (IsScanned(page, minCharactersPerPage))
                {
                    scanned.Add(page.Number);
                }
            }

            return new ExtractedText(string.Join(PageBreak, pages), pages.Count, TextStatus.Extracted) { Pages = pages, ScannedPages = scanned };
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            throw new UnreadableDocumentException($"It could not be read as a PDF ({e.Message}).", e);
        }
    }

    /// <summary>The pages of a PDF that are scans (see <see cref="IsScanned"/>), for OCR.</summary>
    public static IReadOnlyList<int> ScannedPagesOf(Stream content, int minCharactersPerPage)
    {
        using var pdf = PdfDocument.Open(content);
        return [.. pdf.GetPages().Where(page => IsScanned(page, minCharactersPerPage)).Select(page => page.Number)];
    }

    // A page that shows an image but has no text layer, or too little text for a page (a Bates stamp on a scan).
    private static bool IsScanned(UglyToad.PdfPig.Content.Page page, int minCharactersPerPage) =>
        page.Text.Count(c => !char.IsWhiteSpace(c)) < minCharactersPerPage && page.GetImages().Any();

    private static string ReadText(Stream content)
    {
        using var reader = new StreamReader(content, Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        return reader.ReadToEnd();
    }

    private static async Task<ExtractedText> ReadEmailAsync(Stream content, AddChild addChild, CancellationToken ct)
    {
        MimeMessage message;
        try
        {
            message = MimeMessage.Load(content);
        }
        catch (FormatException e)
        {
            throw new UnreadableDocumentException($"It could not be read as an e-mail ({e.Message}).", e);
        }

        var text = new StringBuilder()
            .AppendLine($"From: {message.From}")
            .AppendLine($"To: {message.To}")
            .AppendLine(message.Cc.Count > 0 ? $"Cc: {message.Cc}" : "")
            .AppendLine($"Date: {message.Date:yyyy-MM-dd HH:mm zzz}")
            .AppendLine($"Subject: {message.Subject}")
            .AppendLine()
            .Append(MailBody.TextOf(message) ?? "");

        var number = 0;
        foreach (var attachment in message.Attachments.OfType<MimePart>().Where(a => a.Content is not null))
        {
            number++;
            await using var decoded = attachment.Content!.Open();
            await addChild(DocumentUploads.CleanFileName(attachment.FileName) ?? $"attachment-{number}", decoded, ct);
        }

        return new ExtractedText(text.ToString(), null, TextStatus.Extracted, number);
    }

    private static async Task<ExtractedText> UnzipAsync(Stream content, ArchiveLimits limits, AddChild addChild, CancellationToken ct)
    {
        ZipArchive archive;
        try
        {
            archive = new ZipArchive(content, ZipArchiveMode.Read);
        }
        catch (InvalidDataException e)
        {
            throw new UnreadableDocumentException($"It could not be read as a zip archive ({e.Message}).", e);
        }

        using (archive)
        {
            var files = archive.Entries.Where(e => !e.FullName.EndsWith('/')).ToList();
            if (files.Count > limits.MaxEntries)
            {
                throw new UnreadableDocumentException($"It holds {files.Count} files; archives of more than {limits.MaxEntries} are not unpacked.");
            }

            // A name that climbs out of the archive or starts at a root marks a hostile or broken archive: none of it is unpacked.
            var unsafeName = files.FirstOrDefault(e => IsUnsafe(e.FullName));
            if (unsafeName is not null)
            {
                throw new UnreadableDocumentException($"It contains a file named \"{unsafeName.FullName}\", which points outside the archive, so nothing in it was unpacked.");
            }

            long expanded = 0;
            var listing = new StringBuilder();
            foreach (var entry in files)
            {
                // Count what actually comes out, not what the archive claims: a zip bomb lies about its sizes.
                await using var entryStream = new CountingStream(entry.Open(), read =>
                {
                    expanded += read;
                    if (expanded > limits.MaxExpandedBytes)
                    {
                        throw new UnreadableDocumentException($"It expands to more than {limits.MaxExpandedBytes / (1024 * 1024)} MB, so it was not unpacked further.");
                    }
                });
                listing.AppendLine(entry.FullName);
                await addChild(DocumentUploads.CleanFileName(entry.FullName) ?? $"file-{listing.Length}", entryStream, ct);
            }

            return new ExtractedText(listing.ToString(), null, TextStatus.Extracted, files.Count);
        }
    }

    private static bool IsUnsafe(string name)
    {
        var normalised = name.Replace('\\', '/');
        return normalised.StartsWith('/') || (normalised.Length > 1 && normalised[1] == ':') || normalised.Split('/').Any(segment => segment == "..");
    }

    /// <summary>A read-only stream that reports how many bytes each read returned.</summary>
    private sealed class CountingStream(Stream inner, Action<int> onRead) : Stream
    {
        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count)
        {
            var read = inner.Read(buffer, offset, count);
            onRead(read);
            return read;
        }

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            var read = await inner.ReadAsync(buffer, cancellationToken);
            onRead(read);
            return read;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                inner.Dispose();
            }

            base.Dispose(disposing);
        }
    }

}
