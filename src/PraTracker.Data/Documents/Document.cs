using PraTracker.Data.Auditing;
using PraTracker.Data.Requests;

namespace PraTracker.Data.Documents;

/// <summary>A file an agency released, stored by its SHA-256, with its extracted text and publication state.</summary>
public class Document : IAudited
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid RequestId { get; set; }
    public RecordsRequest Request { get; set; } = null!;

    /// <summary>The timeline event (usually a production) the file came with.</summary>
    public Guid? RequestEventId { get; set; }
    public RequestEvent? RequestEvent { get; set; }

    /// <summary>The archive or e-mail this document was unpacked from.</summary>
    public Guid? ParentDocumentId { get; set; }

    public required string Title { get; set; }

    /// <summary>What the attorney says the document is, for readers and for search.</summary>
    public string? Description { get; set; }

    /// <summary>The day the agency released it: the date of its production event, else the day it was uploaded.</summary>
    public DateOnly ReleasedOn { get; set; }
    public required string FileName { get; set; }
    public required string ContentType { get; set; }
    public long SizeBytes { get; set; }

    /// <summary>Lower-case hex SHA-256 of the file, which is also its storage key.</summary>
    public required string Sha256 { get; set; }
    public int? PageCount { get; set; }
    [NotAudited]
    public string? ExtractedText { get; set; }
    public TextStatus TextStatus { get; set; }
    public string? TextError { get; set; }

    /// <summary>Whether scanned pages (no text layer, or too little text for a page) are read by OCR, and how far it got.</summary>
    public OcrStatus OcrStatus { get; set; }
    public DateTimeOffset? OcrQueuedAt { get; set; }
    public int OcrPagesDone { get; set; }
    public int OcrPagesTotal { get; set; }
    public string? OcrError { get; set; }
    public DateTimeOffset? OcrFinishedAt { get; set; }

    /// <summary>The searchable PDF OCR made, kept in the store beside the original, which is never altered.</summary>
    public string? SearchableSha256 { get; set; }
    public long? SearchableSizeBytes { get; set; }

    public PublicationStatus PublicationStatus { get; set; }

    /// <summary>A published document stays hidden from the public until this instant.</summary>
    public DateTimeOffset? EmbargoUntil { get; set; }

    /// <summary>When the public first sees it: the moment it was published, or the end of its embargo.</summary>
    public DateTimeOffset? PublishedAt { get; set; }
    public string? UploadedByUserId { get; set; }
    public DateTimeOffset UploadedAt { get; set; }
}

/// <summary>Where text extraction of a document stands.</summary>
public enum TextStatus
{
    Pending,
    Extracting,
    Extracted,
    Failed,
    NotApplicable,
}

/// <summary>Where OCR of a PDF's scanned pages stands; most files never need it.</summary>
public enum OcrStatus
{
    NotNeeded,
    Pending,
    Running,
    Done,
    Failed,

    /// <summary>Scanned pages were found but OCR is not installed or is switched off here.</summary>
    Unavailable,
}

/// <summary>The publication workflow: private by default, reviewed, then published.</summary>
public enum PublicationStatus
{
    Private,
    InReview,
    Published,
}
