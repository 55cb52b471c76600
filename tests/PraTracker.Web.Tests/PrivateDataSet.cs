using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PraTracker.Data.Database;
using PraTracker.Data.Documents;
using PraTracker.Data.Documents.Mentions;
using PraTracker.Data.Identity;
using PraTracker.Data.Requests;

namespace PraTracker.Tests;

/// <summary>
/// Data that must never reach the public, each piece carrying a word of its own, beside a published document whose word
/// must: a private, an in-review and an embargoed document and a published one on a private request, attorneys' notes on
/// a public and a private request, and a timeline entry whose body (never shown) holds a word. Walks of public routes
/// look for the secret words and must find the public one, so the walk is seen to reach the data.
/// </summary>
public sealed record PrivateDataSet(
    Guid AgencyId, Guid VendorId, Guid ContractId, Guid PublicRequestId, Guid PrivateRequestId, Guid PublishedId, IReadOnlyList<Guid> HiddenDocumentIds,
    string PublicWord, IReadOnlyList<string> SecretWords, string AttorneyEmail)
{
    /// <summary>The private request's reference and title: lists of who was asked what must not name it to the public.</summary>
    public IReadOnlyList<string> PrivateRequestWords { get; init; } = [];

    public IReadOnlyList<Guid> AllIds => [AgencyId, VendorId, ContractId, PublicRequestId, PrivateRequestId, PublishedId, .. HiddenDocumentIds];

    public static async Task<PrivateDataSet> SeedAsync(AppFixture fixture)
    {
        static string Word(string kind) => $"{kind}{Guid.NewGuid():N}"[..24];
        var publicWord = Word("shownword");
        var (privateWord, reviewWord, embargoWord, hiddenRequestWord, notesWord, privateNotesWord, bodyWord) =
            (Word("privateword"), Word("reviewword"), Word("embargoword"), Word("hiddenreq"), Word("notesword"), Word("privnotes"), Word("bodyword"));
        var (mailSubjectWord, mailSenderWord, mailTextWord) = (Word("mailsubject"), Word("mailsender"), Word("mailtext"));

        var publicRequest = await fixture.PublicDemoRequestAsync();
        var privateRequest = await fixture.PrivateDemoRequestAsync();
        var store = fixture.App.Services.GetRequiredService<IDocumentFileStore>();
        await using var db = fixture.App.Services.GetRequiredService<IDbContextFactory<PraTrackerDbContext>>().CreateDbContext().ViewAs(Viewer.System);
        var now = DateTimeOffset.UtcNow;
        var vendorId = await db.RequestVendors.Where(l => l.RequestId == publicRequest.Id).Select(l => l.VendorId).FirstAsync();
        var contractId = await db.RequestContracts.Where(l => l.RequestId == publicRequest.Id).Select(l => l.ContractId).FirstAsync();

        async Task<Document> Add(Guid requestId, string word, PublicationStatus status, DateTimeOffset? embargo = null)
        {
            var text = $"Memo {word}: Spokeo search log for the department.";
            var document = await TextDocuments.StoreAsync(store, $"Search log {word}", $"{word}.txt", text, DateOnly.FromDateTime(now.UtcDateTime), now);
            document.RequestId = requestId;
            document.Description = $"About {word}";
            document.PublicationStatus = status;
            document.EmbargoUntil = embargo;
            document.PublishedAt = status == PublicationStatus.Published ? embargo ?? now : null;

            // As OCR leaves a scan: a searchable copy beside the file, its page indexed, and the vendor it names confirmed.
            var searchable = await store.SaveAsync(new MemoryStream(System.Text.Encoding.UTF8.GetBytes($"%PDF-1.4 searchable copy {word}")), long.MaxValue);
            (document.SearchableSha256, document.SearchableSizeBytes, document.PageCount, document.OcrStatus) = (searchable.Sha256, searchable.SizeBytes, 1, OcrStatus.Done);
            db.Documents.Add(document);
            db.DocumentPages.Add(new DocumentPage { DocumentId = document.Id, Number = 1, Text = text, FromOcr = true });
            db.DocumentMentions.Add(new DocumentMention
            {
                DocumentId = document.Id,
                Kind = MentionKind.Vendor,
                VendorId = vendorId,
                Name = "Spokeo",
                Pages = [1],
                Occurrences = 1,
                Status = MentionStatus.Confirmed,
                FoundAt = now,
            });
            db.DocumentMentions.Add(new DocumentMention
            {
                DocumentId = document.Id,
                Kind = MentionKind.Contract,
                ContractId = contractId,
                Name = "contract",
                Pages = [1],
                Occurrences = 1,
                Status = MentionStatus.Confirmed,
                FoundAt = now,
            });
            return document;
        }

        var published = await Add(publicRequest.Id, publicWord, PublicationStatus.Published);
        var hidden = new[]
        {
            await Add(publicRequest.Id, privateWord, PublicationStatus.Private),
            await Add(publicRequest.Id, reviewWord, PublicationStatus.InReview),
            await Add(publicRequest.Id, embargoWord, PublicationStatus.Published, now.AddDays(30)),
            await Add(privateRequest.Id, hiddenRequestWord, PublicationStatus.Published),
        };
        (await db.Requests.SingleAsync(r => r.Id == publicRequest.Id)).InternalNotes = $"Call the source about {notesWord}";
        (await db.Requests.SingleAsync(r => r.Id == privateRequest.Id)).InternalNotes = $"Strategy: {privateNotesWord}";
        db.RequestEvents.Add(new RequestEvent
        {
            RequestId = publicRequest.Id,
            Kind = RequestEventKind.Note,
            OccurredOn = DateOnly.FromDateTime(now.UtcDateTime),
            Summary = "Called the records clerk.",
            Body = $"The clerk said off the record: {bodyWord}",
            LoggedAt = now,
        });
        // An agency's e-mail filed on the public request: the timeline may say a reply came, never who wrote it or what it said.
        var reply = new RequestEvent
        {
            RequestId = publicRequest.Id,
            Kind = RequestEventKind.AgencyReply,
            OccurredOn = DateOnly.FromDateTime(now.UtcDateTime),
            Summary = PraTracker.Data.Correspondence.MailFiling.ReplySummary,
            LoggedAt = now,
        };
        db.RequestEvents.Add(reply);
        db.EmailMessages.Add(new PraTracker.Data.Correspondence.EmailMessage
        {
            Direction = PraTracker.Data.Correspondence.MailDirection.Incoming,
            Status = PraTracker.Data.Correspondence.MailStatus.Filed,
            RequestId = publicRequest.Id,
            RequestEvent = reply,
            FromAddress = $"{mailSenderWord}@agency.example",
            Subject = $"Re: your request {mailSubjectWord}",
            TextBody = $"Between us: {mailTextWord}",
            ProcessedAt = now,
        });
        // A suggestion no attorney has looked at yet is staff work, even on a published document.
        db.DocumentMentions.Add(new DocumentMention
        {
            DocumentId = published.Id,
            Kind = MentionKind.Agency,
            AgencyId = publicRequest.AgencyId,
            Name = "agency",
            Occurrences = 1,
            Status = MentionStatus.Suggested,
            FoundAt = now,
        });
        await db.SaveChangesAsync();

        return new PrivateDataSet(
            publicRequest.AgencyId, vendorId, contractId, publicRequest.Id, privateRequest.Id, published.Id, [.. hidden.Select(d => d.Id)],
            publicWord, [privateWord, reviewWord, embargoWord, hiddenRequestWord, notesWord, privateNotesWord, bodyWord, mailSubjectWord, mailSenderWord, mailTextWord], AppFixture.AdminEmail)
        {
            PrivateRequestWords = [privateRequest.Reference, privateRequest.Title],
        };
    }
}
