using Microsoft.EntityFrameworkCore;
using PraTracker.Data.Database;

namespace PraTracker.Data.Documents;

/// <summary>A document's title and description as an attorney edits them.</summary>
public sealed record DocumentDetails(string Title, string? Description);

/// <summary>Edits what readers and search see of a document besides its text.</summary>
public static class DocumentEdits
{
    public const int MaxTitleLength = 500;
    public const int MaxDescriptionLength = 4000;

    /// <summary>Saves the title and description; returns why they were refused, or null once saved.</summary>
    public static async Task<string?> SaveDetailsAsync(PraTrackerDbContext db, Guid documentId, DocumentDetails details, CancellationToken ct = default)
    {
        var title = details.Title?.Trim() ?? "";
        var description = string.IsNullOrWhiteSpace(details.Description) ? null : details.Description.Trim();
        if (title.Length == 0)
        {
            return "A document needs a title.";
        }

        if (title.Length > MaxTitleLength)
        {
            return $"A title is at most {MaxTitleLength} characters.";
        }

        if (description?.Length > MaxDescriptionLength)
        {
            return $"A description is at most {MaxDescriptionLength} characters.";
        }

        var document = await db.Documents.SingleOrDefaultAsync(d => d.Id == documentId, ct);
        if (document is null)
        {
            return "That document no longer exists.";
        }

        document.Title = title;
        document.Description = description;
        await db.SaveChangesAsync(ct);
        return null;
    }
}
