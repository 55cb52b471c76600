namespace PraTracker.Data.Documents;

/// <summary>What a released file is, by its name and its first bytes, and so how its text is read.</summary>
public enum DocumentKind
{
    Pdf,
    Image,
    PlainText,
    Csv,
    Spreadsheet,
    WordDocument,
    Email,
    OutlookMessage,
    Zip,
}

/// <summary>The file types the library accepts (PDF, images, text, CSV, spreadsheets, Word, e-mail, zip) and their content types.</summary>
public static class DocumentFileTypes
{
    public const string Accepted = "PDF, images (PNG, JPEG, GIF, TIFF), plain text, CSV, spreadsheets (.xlsx, .xls), Word documents (.docx, .doc), e-mail (.eml, .msg) and zip archives of those";

    private static readonly Dictionary<string, (DocumentKind Kind, string ContentType)> ByExtension = new(StringComparer.OrdinalIgnoreCase)
    {
        [".pdf"] = (DocumentKind.Pdf, "application/pdf"),
        [".png"] = (DocumentKind.Image, "image/png"),
        [".jpg"] = (DocumentKind.Image, "image/jpeg"),
        [".jpeg"] = (DocumentKind.Image, "image/jpeg"),
        [".gif"] = (DocumentKind.Image, "image/gif"),
        [".tif"] = (DocumentKind.Image, "image/tiff"),
        [".tiff"] = (DocumentKind.Image, "image/tiff"),
        [".txt"] = (DocumentKind.PlainText, "text/plain"),
        [".csv"] = (DocumentKind.Csv, "text/csv"),
        [".xlsx"] = (DocumentKind.Spreadsheet, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
        [".xls"] = (DocumentKind.Spreadsheet, "application/vnd.ms-excel"),
        [".docx"] = (DocumentKind.WordDocument, "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
        [".doc"] = (DocumentKind.WordDocument, "application/msword"),
        [".eml"] = (DocumentKind.Email, "message/rfc822"),
        [".msg"] = (DocumentKind.OutlookMessage, "application/vnd.ms-outlook"),
        [".zip"] = (DocumentKind.Zip, "application/zip"),
    };

    /// <summary>The kind and content type for a file name, or null when the library does not take that type.</summary>
    public static (DocumentKind Kind, string ContentType)? Identify(string fileName) =>
        ByExtension.TryGetValue(Path.GetExtension(fileName), out var type) ? type : null;

    /// <summary>The kind of a stored document from the content type it was stored with.</summary>
    public static DocumentKind? KindOf(string contentType) =>
        ByExtension.Values.Where(t => t.ContentType == contentType).Select(t => (DocumentKind?)t.Kind).FirstOrDefault();

    /// <summary>
    /// Whether the first bytes agree with the name: a ".pdf" must start "%PDF-", a zip-based one "PK", an old Office
    /// one with the OLE signature, an image with its own. Text types are not sniffed. The content type sent with
    /// the upload is never trusted.
    /// </summary>
    public static bool ContentMatches(DocumentKind kind, string contentType, ReadOnlySpan<byte> head) => kind switch
    {
        DocumentKind.Pdf => head.IndexOf("%PDF-"u8) is >= 0 and < 1024,
        DocumentKind.Zip => head.StartsWith("PK\u0003\u0004"u8) || head.StartsWith("PK\u0005\u0006"u8),
        DocumentKind.Spreadsheet or DocumentKind.WordDocument when contentType.Contains("openxmlformats", StringComparison.Ordinal) => head.StartsWith("PK\u0003\u0004"u8),
        DocumentKind.Spreadsheet or DocumentKind.WordDocument or DocumentKind.OutlookMessage => head.StartsWith((ReadOnlySpan<byte>)[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]),
        DocumentKind.Image => contentType switch
        {
            "image/png" => head.StartsWith((ReadOnlySpan<byte>)[0x89, 0x50, 0x4E, 0x47]),
            "image/jpeg" => head.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xD8, 0xFF]),
            "image/gif" => head.StartsWith("GIF8"u8),
            _ => head.StartsWith("II*\0"u8) || head.StartsWith("MM\0*"u8),
        },
        _ => true,
    };
}
