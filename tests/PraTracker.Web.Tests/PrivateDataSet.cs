using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PraTracker.Data.Database;
using PraTracker.Data.Documents;
using PraTracker.Data.Documents.Mentions;
using PraTracker.Data.Exemptions;
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
    string PublicWord, IReadOnlyList<string> SecretWords, string AttorneyEmail, Guid PublicCampaignId, Guid PrivateCampaignId)
{
    /// <summary>The private request's reference and title: lists of who was asked what must not name it to the public.</summary>
    public IReadOnlyList<string> PrivateRequestWords { get; init; } = [];

    public IReadOnlyList<Guid> AllIds =>
        [AgencyId, VendorId, ContractId, PublicRequestId, PrivateRequestId, PublishedId, .. HiddenDocumentIds, PublicCampaignId, PrivateCampaignId];

    public static async Task<PrivateDataSet> SeedAsync(AppFixture fixture)
    {
        static string Word(string kind) => $"{kind}{Guid.NewGuid():N}"[..24];
        var publicWord = Word("shownword");
        var (privateWord, reviewWord, embargoWord, hiddenRequestWord, notesWord, privateNotesWord, bodyWord) =
            (Word("privateword"), Word("reviewword"), Word("embargoword"), Word("hiddenreq"), Word("notesword"), Word("privnotes"), Word("bodyword"));
        var (mailSubjectWord, mailSenderWord, mailTextWord) = (Word("mailsubject"), Word("mailsender"), Word("mailtext"));
        var (campaignWord, campaignRequestWord) = (Word("campaignword"), Word("campaignreq"));
        var (checklistWord, objectionWord, courtCaseWord) = (Word("checklistword"), Word("objectionword"), Word("courtcase"));
        var withheldWord = Word("withheldword");

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
        // The private request's record checklist and a vendor's objection with its deadline: theirs alone, like the request.
        await db.ChecklistItems.Where(i => i.RequestId == privateRequest.Id && i.Kind == RecordKind.AuditLogs).ExecuteDeleteAsync(); // one per kind; seeded again per test
        db.ChecklistItems.Add(new ChecklistItem { RequestId = privateRequest.Id, Kind = RecordKind.AuditLogs, Wording = $"Audit logs of {checklistWord}", Note = checklistWord });
        var objection = new VendorObjection
        {
            RequestId = privateRequest.Id,
            VendorId = vendorId,
            ObjectedOn = DateOnly.FromDateTime(now.UtcDateTime),
            Grounds = ObjectionGrounds.TradeSecret,
            Details = $"Pricing is a trade secret: {objectionWord}",
            NoticeDeadline = DateOnly.FromDateTime(now.UtcDateTime).AddDays(10),
            CourtCase = courtCaseWord,
            LoggedAt = now,
        };
        db.VendorObjections.Add(objection);
        db.Deadlines.Add(new PraTracker.Data.Deadlines.Deadline
        {
            RequestId = privateRequest.Id,
            SourceObjectionId = objection.Id,
            Kind = PraTracker.Data.Deadlines.DeadlineKind.ObjectionNotice,
            DueOn = objection.NoticeDeadline.Value,
            Explanation = $"Spokeo objected ({objectionWord}); the agency's notice gives until then to respond.",
            Status = PraTracker.Data.Deadlines.DeadlineStatus.Open,
        });
        // A private campaign, and a public one holding the public request beside a private request of its own.
        var privateCampaign = new PraTracker.Data.Campaigns.Campaign
        {
            Title = $"Campaign {campaignWord}",
            Description = $"About {campaignWord}",
            OwnerUserId = await AdminIdAsync(db),
            CreatedAt = now,
        };
        var publicCampaign = new PraTracker.Data.Campaigns.Campaign
        {
            Title = "Spokeo across California",
            OwnerUserId = privateCampaign.OwnerUserId,
            Visibility = RequestVisibility.Public,
            CreatedAt = now,
        };
        db.Campaigns.AddRange(privateCampaign, publicCampaign);
        (await db.Requests.SingleAsync(r => r.Id == publicRequest.Id)).Campaign = publicCampaign;
        db.Requests.Add(new RecordsRequest
        {
            Reference = $"PRA-{campaignRequestWord}",
            Title = $"Strategy {campaignRequestWord}",
            AgencyId = publicRequest.AgencyId,
            LawId = privateRequest.LawId,
            Campaign = publicCampaign,
            Visibility = RequestVisibility.Private,
            Status = RequestStatus.Draft,
        });
        // A private request's withholding log, every field carrying a word; and on the public request, an entry naming a
        // document still in review: the log is public, that document's title is not.
        var denial = new RequestEvent
        {
            RequestId = privateRequest.Id,
            Kind = RequestEventKind.Denial,
            OccurredOn = DateOnly.FromDateTime(now.UtcDateTime),
            Summary = "Denied.",
            LoggedAt = now,
        };
        db.RequestEvents.Add(denial);
        var investigatory = await db.Exemptions.Where(e => e.SeedKey == "US-CA/7923.600").Select(e => e.Id).SingleAsync();
        async Task<int> NextNumberAsync(Guid requestId) => (await db.Withholdings.Where(w => w.RequestId == requestId).MaxAsync(w => (int?)w.Number) ?? 0) + 1;
        db.Withholdings.Add(new Withholding
        {
            RequestId = privateRequest.Id,
            Event = denial,
            Number = await NextNumberAsync(privateRequest.Id),
            Records = $"Audit logs {withheldWord}",
            Extent = WithholdingExtent.WithheldInFull,
            AgencyReason = $"Because {withheldWord}",
            OtherCitations = $"Local rule {withheldWord}",
            Exemptions = [new WithholdingExemption { ExemptionId = investigatory }],
        });
        db.Withholdings.Add(new Withholding
        {
            RequestId = publicRequest.Id,
            Number = await NextNumberAsync(publicRequest.Id),
            Records = "Search log, redacted",
            Extent = WithholdingExtent.WithheldInPart,
            DocumentId = hidden[1].Id,
            Exemptions = [new WithholdingExemption { ExemptionId = investigatory }],
        });
        await db.SaveChangesAsync();

        return new PrivateDataSet(
            publicRequest.AgencyId, vendorId, contractId, publicRequest.Id, privateRequest.Id, published.Id, [.. hidden.Select(d => d.Id)],
            publicWord,
            [
                privateWord, reviewWord, embargoWord, hiddenRequestWord, notesWord, privateNotesWord, bodyWord, mailSubjectWord, mailSenderWord, mailTextWord,
                checklistWord, objectionWord, courtCaseWord, campaignWord, campaignRequestWord, withheldWord,
            ],
            AppFixture.AdminEmail, publicCampaign.Id, privateCampaign.Id)
        {
            PrivateRequestWords = [privateRequest.Reference, privateRequest.Title],
        };
    }

    private static Task<string> AdminIdAsync(PraTrackerDbContext db) => db.Users.Where(u => u.Email == AppFixture.AdminEmail).Select(u => u.Id).SingleAsync();
}
