using Microsoft.EntityFrameworkCore;
using PraTracker.Data.Auditing;
using PraTracker.Data.Documents;
using PraTracker.Data.Identity;
using PraTracker.Data.Requests;

namespace PraTracker.Tests.Documents;

/// <summary>Private, in review, published (perhaps under embargo), unpublished: each step audited, on each database.</summary>
public abstract class DocumentPublicationTests<TFixture>(TFixture fixture) : IClassFixture<TFixture>
    where TFixture : DatabaseFixture
{
    [Fact]
    public async Task A_document_goes_from_private_through_review_to_published_under_embargo_and_back_each_step_audited()
    {
        var user = Build.User();
        Guid documentId;
        await using (var db = fixture.Open(Viewer.System))
        {
            var california = await Build.CaliforniaAsync(db);
            var document = Build.Document(Build.Request(Build.Agency(california), california, RequestVisibility.Public), PublicationStatus.Private);
            document.ExtractedText = "Officers searched 4,000 people with Spokeo";
            db.AddRange(user, document);
            await db.SaveChangesAsync();
            documentId = document.Id;
        }

        var now = fixture.Clock.GetUtcNow();
        await using (var attorney = fixture.Open(Viewer.Staff(user.Id)))
        {
            Assert.Equal("A document is reviewed before it is published: mark it for review first.", await DocumentPublication.PublishAsync(attorney, documentId, now));
            Assert.Null(await DocumentPublication.MarkForReviewAsync(attorney, documentId));
            Assert.Equal("An embargo must end in the future.", await DocumentPublication.PublishAsync(attorney, documentId, now, now.AddMinutes(-1)));
            Assert.Null(await DocumentPublication.PublishAsync(attorney, documentId, now, now.AddDays(2)));
        }

        Assert.False(await VisibleToPublicAsync(documentId)); // embargoed
        fixture.Clock.Advance(TimeSpan.FromDays(3)); // this class's own fixture: no other test reads its clock
        Assert.True(await VisibleToPublicAsync(documentId));
        await using (var attorney = fixture.Open(Viewer.Staff(user.Id)))
        {
            Assert.Null(await DocumentPublication.UnpublishAsync(attorney, documentId));
        }

        Assert.False(await VisibleToPublicAsync(documentId));

        await using var read = fixture.Open(Viewer.System);
        var steps = await read.AuditEntries.Where(e => e.EntityId == documentId && e.Action == AuditAction.Updated).OrderBy(e => e.Id).ToListAsync();
        Assert.Equal(3, steps.Count);
        Assert.All(steps, step => Assert.Equal(user.Id, step.UserId));
        Assert.Contains("InReview", steps[0].Changes);
        Assert.Contains("Published", steps[1].Changes);
        Assert.Contains("Private", steps[2].Changes);
        var created = await read.AuditEntries.SingleAsync(e => e.EntityId == documentId && e.Action == AuditAction.Created);
        Assert.DoesNotContain("Officers searched", created.Changes); // extracted text is not copied into the trail
    }

    private async Task<bool> VisibleToPublicAsync(Guid documentId)
    {
        await using var anonymous = fixture.Open(Viewer.Anonymous);
        return await anonymous.Documents.AnyAsync(d => d.Id == documentId);
    }
}

public sealed class PostgresDocumentPublicationTests(PostgresFixture fixture) : DocumentPublicationTests<PostgresFixture>(fixture);

public sealed class SqliteDocumentPublicationTests(SqliteFixture fixture) : DocumentPublicationTests<SqliteFixture>(fixture);
