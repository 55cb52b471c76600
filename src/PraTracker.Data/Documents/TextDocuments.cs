namespace PraTracker.Data.Documents;

/// <summary>Plain-text documents whose text is known already (demo data, notes typed in): stored, and searchable at once.</summary>
public static class TextDocuments
{
    /// <summary>Stores the text as a .txt file and returns its private document, text read; the caller sets its request.</summary>
    public static async Task<Document> StoreAsync(
        IDocumentFileStore files, string title, string fileName, string text, DateOnly releasedOn, DateTimeOffset uploadedAt, CancellationToken ct = default)
    {
        using var content = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(text));
        var stored = await files.SaveAsync(content, long.MaxValue, ct: ct);
        return new Document
        {
            Title = title,
            FileName = fileName,
            ContentType = "text/plain",
            SizeBytes = stored.SizeBytes,
            Sha256 = stored.Sha256,
            ExtractedText = text,
            TextStatus = TextStatus.Extracted,
            PublicationStatus = PublicationStatus.Private,
            ReleasedOn = releasedOn,
            UploadedAt = uploadedAt,
        };
    }
}
