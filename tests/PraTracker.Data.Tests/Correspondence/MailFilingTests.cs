using System.Text;
using Microsoft.EntityFrameworkCore;
using PraTracker.Data.Correspondence;
using PraTracker.Data.Database;
using PraTracker.Data.Deadlines;
using PraTracker.Data.Documents;
using PraTracker.Data.Identity;
using PraTracker.Data.Requests;

namespace PraTracker.Tests.Correspondence;

/// <summary>
/// Filing received mail through the database: matched by each clue in turn, recorded exactly once, kept for the inbox
/// when nothing matches, classified by an attorney (and the deadlines follow), and never shown to visitors.
/// </summary>
public abstract class MailFilingTests<TFixture> : IClassFixture<TFixture>, IDisposable
    where TFixture : DatabaseFixture
{
    private static readonly DateTimeOffset Now = new(2026, 3, 20, 17, 0, 0, TimeSpan.Zero);
    private static readonly DateOnly Today = new(2026, 3, 20);

    private readonly TFixture _fixture;
    private readonly string _folder = Directory.CreateTempSubdirectory("pratracker-mail-files-").FullName;
    private readonly DocumentStorageSettings _storage;
    private readonly LocalDocumentFileStore _store;
    private long _uid = Random.Shared.Next(1, 1_000_000);

    protected MailFilingTests(TFixture fixture)
    {
        _fixture = fixture;
        _storage = new DocumentStorageSettings(DocumentStorageProvider.Local, _folder, 50 * 1024 * 1024, null);
        _store = new LocalDocumentFileStore(_storage);
    }

    public void Dispose()
    {
        Directory.Delete(_folder, recursive: true);
        GC.SuppressFinalize(this);
    }

    [Fact]
    public async Task A_reply_to_the_request_address_is_filed_on_its_timeline_with_the_message_as_a_private_document()
    {
        var request = await NewRequestAsync();
        var outcome = await RecordAsync(Reply(to: $"records+{request.Reference}@org.example", subject: "Your request"));

        Assert.Equal((MailStatus.Filed, request.Id, ReplyMatching.ByPlusAddress), (outcome.Status, outcome.RequestId, outcome.MatchedBy));
        await using var db = _fixture.Open(Viewer.System);
        var reply = await db.RequestEvents.SingleAsync(e => e.RequestId == request.Id && e.Kind == RequestEventKind.AgencyReply);
        Assert.Equal(new DateOnly(2026, 3, 19), reply.OccurredOn);
        var email = await db.EmailMessages.SingleAsync(m => m.Id == outcome.EmailId);
        Assert.Equal((reply.Id, outcome.DocumentId), (email.RequestEventId, email.DocumentId));
        var document = await db.Documents.SingleAsync(d => d.Id == outcome.DocumentId);
        Assert.Equal((PublicationStatus.Private, "message/rfc822", reply.Id), (document.PublicationStatus, document.ContentType, document.RequestEventId));
        Assert.EndsWith(".eml", document.FileName);
        Assert.True(await _store.ExistsAsync(document.Sha256, CancellationToken.None));
    }

    [Fact]
    public async Task Each_clue_files_a_reply_on_its_own_request()
    {
        var byChain = await NewRequestAsync();
        var bySubject = await NewRequestAsync();
        var byTracking = await NewRequestAsync(trackingNumber: $"R{Random.Shared.Next(100000, 999999)}-26");
        var letterId = $"{Guid.NewGuid():N}@org.example";
        await using (var db = _fixture.Open(Viewer.System))
        {
            db.EmailMessages.Add(new EmailMessage
            {
                Direction = MailDirection.Outgoing,
                Status = MailStatus.Sent,
                Purpose = LetterPurpose.Request,
                RequestId = byChain.Id,
                MessageId = letterId,
                ProcessedAt = Now,
            });
            await db.SaveChangesAsync();
        }

        var chained = await RecordAsync(Reply(subject: "RE: your letter", references: ["unrelated@elsewhere.example", letterId]));
        var subjected = await RecordAsync(Reply(subject: $"Records request {bySubject.Reference.ToLowerInvariant()} - acknowledgement"));
        var tracked = await RecordAsync(Reply(subject: "Status update", body: $"Your request, our number {byTracking.AgencyTrackingNumber}, is being processed."));

        Assert.Equal((byChain.Id, ReplyMatching.ByReplyChain), (chained.RequestId, chained.MatchedBy));
        Assert.Equal((bySubject.Id, ReplyMatching.BySubject), (subjected.RequestId, subjected.MatchedBy));
        Assert.Equal((byTracking.Id, ReplyMatching.ByTrackingNumber), (tracked.RequestId, tracked.MatchedBy));
    }

    [Fact]
    public async Task A_message_is_recorded_once_by_its_uid_and_once_by_its_message_id_under_a_new_uid_validity()
    {
        var request = await NewRequestAsync();
        var mail = Reply(to: $"records+{request.Reference}@org.example");
        Assert.Equal(MailStatus.Filed, (await RecordAsync(mail)).Status);
        Assert.Null((await RecordAsync(mail)).Status);
        Assert.Null((await RecordAsync(mail with { UidValidity = mail.UidValidity + 1, Uid = 1 })).Status);

        await using var db = _fixture.Open(Viewer.System);
        Assert.Equal(1, await db.RequestEvents.CountAsync(e => e.RequestId == request.Id && e.Kind == RequestEventKind.AgencyReply));
        Assert.Equal(1, await db.EmailMessages.CountAsync(m => m.MessageId == mail.Facts.MessageId));
    }

    [Fact]
    public async Task Mail_with_no_clue_waits_in_the_inbox_and_an_attorney_files_it_by_hand()
    {
        var request = await NewRequestAsync();
        var outcome = await RecordAsync(Reply(subject: "Question about your records request", body: "Which department do you mean?"));
        Assert.Equal((MailStatus.Unmatched, (Guid?)null), (outcome.Status, outcome.RequestId));

        await using (var db = _fixture.Open(Viewer.System))
        {
            var inbox = await CorrespondenceQueries.InboxAsync(db, new PageRequest(PageSize: 200));
            Assert.Contains(inbox.Items, m => m.Id == outcome.EmailId);
            Assert.Empty(await db.RequestEvents.Where(e => e.RequestId == request.Id && e.Kind == RequestEventKind.AgencyReply).ToListAsync());
        }

        var user = await NewUserAsync();
        await using (var db = _fixture.Open(Viewer.Staff(user)))
        {
            var (filed, error) = await MailFiling.AssignAsync(db, _store, _storage, outcome.EmailId!.Value, request.Id, user, Now, Today, LocalDate);
            Assert.Null(error);
            Assert.Equal((MailStatus.Filed, ReplyMatching.ByHand), (filed!.Status, filed.MatchedBy));
            Assert.NotNull(filed.DocumentId);
        }

        await using (var db = _fixture.Open(Viewer.System))
        {
            var inbox = await CorrespondenceQueries.InboxAsync(db, new PageRequest(PageSize: 200));
            Assert.DoesNotContain(inbox.Items, m => m.Id == outcome.EmailId);
            Assert.Equal(1, await db.RequestEvents.CountAsync(e => e.RequestId == request.Id && e.Kind == RequestEventKind.AgencyReply && e.LoggedByUserId == user));
        }

        await using (var db = _fixture.Open(Viewer.Staff(user)))
        {
            var (again, error) = await MailFiling.AssignAsync(db, _store, _storage, outcome.EmailId!.Value, request.Id, user, Now, Today, LocalDate);
            Assert.Null(again);
            Assert.Equal("That message is already filed on a request.", error);
        }
    }

    [Fact]
    public async Task A_quarantined_message_is_recorded_with_its_reason_and_cannot_be_filed()
    {
        var request = await NewRequestAsync();
        await using var db = _fixture.Open(Viewer.System);
        var uid = Interlocked.Increment(ref _uid);
        var quarantined = await MailFiling.QuarantineAsync(db, _store, "INBOX", 7, uid, null, Encoding.ASCII.GetBytes("\0\0garbage"), "It could not be read as an e-mail.", Now);
        Assert.Equal(MailStatus.Quarantined, quarantined.Status);
        Assert.Null((await MailFiling.QuarantineAsync(db, _store, "INBOX", 7, uid, null, null, "again", Now)).Status);

        var (filed, error) = await MailFiling.AssignAsync(db, _store, _storage, quarantined.EmailId!.Value, request.Id, "nobody", Now, Today, LocalDate);
        Assert.Null(filed);
        Assert.StartsWith("A quarantined message cannot be filed", error);
    }

    [Fact]
    public async Task Classifying_a_reply_as_an_extension_moves_the_deadline_and_a_second_classification_is_refused()
    {
        var request = await NewRequestAsync(receivedOn: new DateOnly(2026, 3, 16));
        var outcome = await RecordAsync(Reply(to: $"records+{request.Reference}@org.example", body: "Due to unusual circumstances we need until March 30, 2026."));
        Guid replyId;
        await using (var db = _fixture.Open(Viewer.System))
        {
            replyId = (await db.EmailMessages.SingleAsync(m => m.Id == outcome.EmailId)).RequestEventId!.Value;
            var open = await db.Deadlines.SingleAsync(d => d.RequestId == request.Id && d.Status == DeadlineStatus.Open);
            Assert.Equal((DeadlineKind.InitialResponse, new DateOnly(2026, 3, 26)), (open.Kind, open.DueOn));
        }

        var extension = new RequestEventInput(RequestEventKind.ExtensionNotice, new DateOnly(2026, 3, 19), "Extended by e-mail.", AgencyPromisedOn: new DateOnly(2026, 3, 26));
        await using (var db = _fixture.Open(Viewer.System))
        {
            var result = await RequestTimeline.ClassifyAsync(db, request.Id, replyId, extension, null, Now, Today);
            Assert.True(result.Succeeded, string.Join(" ", result.Errors));
        }

        await using (var db = _fixture.Open(Viewer.System))
        {
            var reply = await db.RequestEvents.SingleAsync(e => e.Id == replyId);
            Assert.Equal((RequestEventKind.ExtensionNotice, (DateOnly?)new DateOnly(2026, 3, 26)), (reply.Kind, reply.AgencyPromisedOn));
            var open = await db.Deadlines.Where(d => d.RequestId == request.Id && d.Status == DeadlineStatus.Open).Select(d => d.Kind).ToListAsync();
            Assert.Contains(DeadlineKind.ExtendedResponse, open);
            Assert.DoesNotContain(DeadlineKind.InitialResponse, open);
            Assert.Equal(RequestStatus.Processing, (await db.Requests.SingleAsync(r => r.Id == request.Id)).Status);

            var again = await RequestTimeline.ClassifyAsync(db, request.Id, replyId, extension with { Kind = RequestEventKind.Denial, AgencyPromisedOn = null }, null, Now, Today);
            Assert.False(again.Succeeded);
        }
    }

    [Fact]
    public async Task Correspondence_is_staff_only_even_on_a_public_request()
    {
        var request = await NewRequestAsync();
        var outcome = await RecordAsync(Reply(to: $"records+{request.Reference}@org.example"));
        Assert.Equal(RequestVisibility.Public, request.Visibility);

        await using var db = _fixture.Open(Viewer.Anonymous);
        Assert.False(await db.EmailMessages.AnyAsync(m => m.Id == outcome.EmailId));
        Assert.Empty(await CorrespondenceQueries.ForRequestAsync(db, request.Id));
        Assert.False(await db.Documents.AnyAsync(d => d.Id == outcome.DocumentId));
        Assert.Null(await CorrespondenceQueries.RawOfAsync(db, outcome.EmailId!.Value));
        // The timeline says a reply came, and nothing of who wrote it or what it said.
        var reply = await db.RequestEvents.SingleAsync(e => e.RequestId == request.Id && e.Kind == RequestEventKind.AgencyReply);
        Assert.Equal(MailFiling.ReplySummary, reply.Summary);
    }

    [Fact]
    public async Task A_follow_up_is_due_for_a_missed_response_until_one_is_sent_and_one_deadline_takes_one_follow_up()
    {
        var request = await NewRequestAsync();
        await using (var db = _fixture.Open(Viewer.System))
        {
            await RequestDeadlines.RecalculateAsync(db, request.Id, Today);
            await db.SaveChangesAsync();
        }

        Guid deadlineId;
        await using (var db = _fixture.Open(Viewer.System))
        {
            var due = Assert.Single(await LetterDrafts.FollowUpsDueAsync(db, Today, request.Id));
            Assert.Equal((DeadlineKind.InitialResponse, new DateOnly(2026, 3, 12), 8), (due.Kind, due.DueOn, due.DaysLate));
            deadlineId = due.DeadlineId;
            var draft = await LetterDrafts.FollowUpAsync(db, deadlineId, "Ada Lovelace", Today);
            Assert.NotNull(draft);
            Assert.Equal((LetterPurpose.FollowUp, deadlineId), (draft.Purpose, draft.ForDeadlineId));
            Assert.Contains(request.Reference, draft.Subject);

            var letter = new OutgoingLetter(draft with { To = "records@agency.example" }, "org@org.example", "org+x@org.example", $"{Guid.NewGuid():N}@org.example", Now, new string('a', 64), 10);
            var (emailId, error) = await OutgoingMail.BeginAsync(db, letter, null, Now);
            Assert.Null(error);
            var (second, refused) = await OutgoingMail.BeginAsync(db, letter with { MessageId = $"{Guid.NewGuid():N}@org.example" }, null, Now);
            Assert.Null(second);
            Assert.Equal("A follow-up for this deadline has already been sent.", refused);
            Assert.True((await OutgoingMail.CompleteAsync(db, emailId!.Value, null, Now, Today)).Succeeded);
        }

        await using (var db = _fixture.Open(Viewer.System))
        {
            Assert.Empty(await LetterDrafts.FollowUpsDueAsync(db, Today, request.Id));
            var followUp = await db.RequestEvents.SingleAsync(e => e.RequestId == request.Id && e.Kind == RequestEventKind.FollowUp);
            Assert.Contains("2026-03-12", followUp.Summary);
        }
    }

    [Fact]
    public async Task Sending_the_request_by_e_mail_sets_its_dates_so_the_deadlines_start()
    {
        var request = await NewRequestAsync(draft: true);
        await using (var db = _fixture.Open(Viewer.System))
        {
            var draft = await LetterDrafts.RequestLetterAsync(db, request.Id);
            var letter = new OutgoingLetter(draft! with { To = "records@agency.example" }, "org@org.example", "org+x@org.example", $"{Guid.NewGuid():N}@org.example", Now, new string('b', 64), 10);
            var (emailId, _) = await OutgoingMail.BeginAsync(db, letter, null, Now);
            Assert.True((await OutgoingMail.CompleteAsync(db, emailId!.Value, null, Now, Today)).Succeeded);
            Assert.Equal("This request was already sent by e-mail; send a follow-up instead.", (await OutgoingMail.BeginAsync(db, letter, null, Now)).Error);
        }

        await using var read = _fixture.Open(Viewer.System);
        var sent = await read.Requests.SingleAsync(r => r.Id == request.Id);
        Assert.Equal((RequestStatus.Sent, Today, Today, SubmissionMethod.Email), (sent.Status, sent.SentOn, sent.ReceivedOn, sent.Method));
        var filed = await read.RequestEvents.SingleAsync(e => e.RequestId == request.Id);
        Assert.Equal(RequestEventKind.Filed, filed.Kind);
        Assert.Contains("records@agency.example as Message-ID <", filed.Body);
        var response = await read.Deadlines.SingleAsync(d => d.RequestId == request.Id && d.Kind == DeadlineKind.InitialResponse);
        Assert.Equal(new DateOnly(2026, 3, 30), response.DueOn);
    }

    private static DateOnly LocalDate(DateTimeOffset instant) => DateOnly.FromDateTime(instant.UtcDateTime);

    private async Task<MailOutcome> RecordAsync(ReceivedMail mail)
    {
        await using var db = _fixture.Open(Viewer.System);
        return await MailFiling.RecordAsync(db, _store, _storage, mail, Now, Today, LocalDate);
    }

    private ReceivedMail Reply(string to = "records@org.example", string subject = "Your public records request", string body = "We received your request.",
        IReadOnlyList<string>? references = null)
    {
        var messageId = $"{Guid.NewGuid():N}@agency.example";
        var raw = Encoding.UTF8.GetBytes($"From: clerk@agency.example\r\nTo: {to}\r\nSubject: {subject}\r\nMessage-ID: <{messageId}>\r\nDate: Thu, 19 Mar 2026 10:00:00 -0700\r\n\r\n{body}\r\n");
        var facts = new IncomingFacts(messageId, references?.LastOrDefault(), references ?? [], "clerk@agency.example", [to], subject, body, new DateTimeOffset(2026, 3, 19, 10, 0, 0, TimeSpan.FromHours(-7)));
        return new ReceivedMail("INBOX", 42, Interlocked.Increment(ref _uid), facts, raw);
    }

    private async Task<RecordsRequest> NewRequestAsync(string? trackingNumber = null, bool draft = false, DateOnly? receivedOn = null)
    {
        await using var db = _fixture.Open(Viewer.System);
        var california = await Build.CaliforniaAsync(db);
        var request = Build.Request(Build.Agency(california), california);
        request.Reference = $"PRA-{Random.Shared.Next(1000, 9999)}-{Random.Shared.Next(100000, 999999)}";
        request.AgencyTrackingNumber = trackingNumber;
        request.ReceivedOn = receivedOn ?? request.ReceivedOn;
        if (draft)
        {
            (request.Status, request.SentOn, request.ReceivedOn, request.Method) = (RequestStatus.Draft, null, null, null);
        }

        db.Requests.Add(request);
        await db.SaveChangesAsync();
        return request;
    }

    private async Task<string> NewUserAsync()
    {
        await using var db = _fixture.Open(Viewer.System);
        var user = Build.User();
        db.Users.Add(user);
        await db.SaveChangesAsync();
        return user.Id;
    }
}

public sealed class PostgresMailFilingTests(PostgresFixture fixture) : MailFilingTests<PostgresFixture>(fixture);

public sealed class SqliteMailFilingTests(SqliteFixture fixture) : MailFilingTests<SqliteFixture>(fixture);
