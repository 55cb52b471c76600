namespace PraTracker.Data.Documents;

/// <summary>
/// The text of one page of a PDF, indexed on its own so that search can name the page a phrase is on and the
/// document view can open there. The document's <see cref="Document.ExtractedText"/> holds the same pages joined.
/// </summary>
public class DocumentPage
{
    public Guid DocumentId { get; set; }

    /// <summary>1 for the first page.</summary>
    public int Number { get; set; }
    public required string Text { get; set; }

    /// <summary>The text was read from the page's image by OCR, not from its text layer.</summary>
    public bool FromOcr { get; set; }
}
