using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;
using MimeKit;
using PraTracker.Data;
using PraTracker.Data.Agencies;
using PraTracker.Data.Correspondence;
using PraTracker.Data.Database;
using PraTracker.Data.Deadlines;
using PraTracker.Data.Documents;
using PraTracker.Data.Identity;
using PraTracker.Data.Requests;
using PraTracker.Jobs;
using PraTracker.Jobs.Correspondence;
using PraTracker.Jobs.Documents;

namespace PraTracker.Tests;

/// <summary>
/// Correspondence on real mail servers on 127.0.0.1: letters sent through aiosmtpd arrive as the app kept them, and
/// replies appended to a real dovecot mailbox are filed on the right request (attachments searchable) exactly once,
/// across polls, restarts and a renumbered folder; bad messages are quarantined without stopping the rest.
/// </summary>
public abstract class CorrespondenceTests(DatabaseProvider provider) : IAsyncLifetime
{
    // Friday 2026-03-20, 10:00 in Los Angeles.
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 3, 20, 17, 0, 0, TimeSpan.Zero));
    private readonly Dictionary<string, string?> _overrides = [];
    private TestDatabase _database = null!;
    private MailCatcher _smtp = null!;
    private ImapServer _imap = null!;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync(provider);
        _smtp = await MailCatcher.StartAsync();
        _imap = await ImapServer.StartAsync();
        using var host = BuildHost();
        await using var db = Open(host);
        await db.Database.MigrateAsync();
        await ReferenceDataSeeder.SeedAsync(db);
    }

    public async Task DisposeAsync()
    {
        await _imap.DisposeAsync();
        await _smtp.DisposeAsync();
        await _database.DisposeAsync();
    }

    [Fact]
    public async Task A_request_sent_from_the_app_arrives_with_its_own_reply_address_and_is_kept_exactly_as_sent()
    {
        var request = await DraftRequestAsync();
        using var host = BuildHost();
        var result = await SendRequestAsync(host, request.Id);
        Assert.True(result.Succeeded, string.Join(" ", result.Errors));

        var arrived = Assert.Single(_smtp.Messages());
        Assert.Equal("records@sjpd.example.gov", Assert.Single(arrived.To.Mailboxes).Address);
        Assert.Equal("records@org.example", Assert.Single(arrived.From.Mailboxes).Address);
        Assert.Equal($"records+{request.Reference}@org.example", Assert.Single(arrived.ReplyTo.Mailboxes).Address);
        Assert.Equal($"Public records request {request.Reference}: {request.Title}", arrived.Subject);
        Assert.Contains("All contracts with Clearview AI", arrived.TextBody);
        Assert.Contains("<p>All contracts with Clearview AI &amp; invoices.</p>", arrived.HtmlBody);

        await using var db = Open(host);
        var email = await db.EmailMessages.SingleAsync(m => m.RequestId == request.Id);
        Assert.Equal((MailStatus.Sent, LetterPurpose.Request, arrived.MessageId), (email.Status, email.Purpose, email.MessageId));
        var store = host.Services.GetRequiredService<IDocumentFileStore>();
        await using (var kept = await store.OpenReadAsync(email.RawSha256!, CancellationToken.None))
        {
            var copy = await MimeMessage.LoadAsync(kept);
            Assert.Equal((arrived.MessageId, arrived.Subject, arrived.TextBody), (copy.MessageId, copy.Subject, copy.TextBody));
            Assert.Equal(arrived.Headers[HeaderId.ReplyTo], copy.Headers[HeaderId.ReplyTo]);
        }

        var sent = await db.Requests.SingleAsync(r => r.Id == request.Id);
        Assert.Equal((RequestStatus.Sent, new DateOnly(2026, 3, 20), new DateOnly(2026, 3, 20), SubmissionMethod.Email), (sent.Status, sent.SentOn, sent.ReceivedOn, sent.Method));
        var filed = await db.RequestEvents.SingleAsync(e => e.RequestId == request.Id);
        Assert.Equal((RequestEventKind.Filed, filed.Id), (filed.Kind, email.RequestEventId!.Value));
        Assert.Equal(new DateOnly(2026, 3, 30), (await db.Deadlines.SingleAsync(d => d.RequestId == request.Id)).DueOn);
    }

    [Fact]
    public async Task A_reply_is_filed_on_its_request_with_its_pdf_searchable_and_later_polls_file_nothing_twice()
    {
        var request = await DraftRequestAsync();
        string? letterId;
        using (var host = BuildHost())
        {
            Assert.True((await SendRequestAsync(host, request.Id)).Succeeded);
            letterId = Assert.Single(_smtp.Messages()).MessageId;
        }

        var pdf = TestFiles.Pdf("Invoice 2291 from Clearview AI", "Facial recognition licence for the San Jose Police Department");
        await _imap.AppendAsync(Reply($"records+{request.Reference}@org.example", $"RE: Public records request {request.Reference}", "Please find the invoice attached.", letterId,
            ("invoice-2291.pdf", pdf)));

        using (var host = BuildHost())
        {
            var summary = await host.Services.GetRequiredService<MailboxPollJob>().RunAsync(CancellationToken.None);
            Assert.StartsWith("Read 1 new message(s): 1 filed", summary);
            await ExtractAllAsync(host);

            await using var db = Open(host);
            var reply = await db.RequestEvents.SingleAsync(e => e.RequestId == request.Id && e.Kind == RequestEventKind.AgencyReply);
            var documents = await db.Documents.Where(d => d.RequestId == request.Id).ToListAsync();
            Assert.Equal(2, documents.Count);
            Assert.All(documents, d => Assert.Equal((PublicationStatus.Private, reply.Id), (d.PublicationStatus, d.RequestEventId)));
            var attachment = documents.Single(d => d.FileName == "invoice-2291.pdf");
            Assert.Equal(TextStatus.Extracted, attachment.TextStatus);

            var hits = await DocumentSearch.SearchAsync(db, "facial recognition licence", new DocumentSearchFilters(RequestId: request.Id), new PageRequest());
            Assert.Equal(attachment.Id, Assert.Single(hits.Items).Id);
            await using var visitor = Open(host).ViewAs(Viewer.Anonymous);
            Assert.Equal(0, (await DocumentSearch.SearchAsync(visitor, "facial recognition licence", new DocumentSearchFilters(), new PageRequest())).TotalCount);
        }

        using (var restarted = BuildHost())
        {
            Assert.StartsWith("Read 0 new message(s)", await restarted.Services.GetRequiredService<MailboxPollJob>().RunAsync(CancellationToken.None));
            Assert.StartsWith("Read 0 new message(s)", await restarted.Services.GetRequiredService<MailboxPollJob>().RunAsync(CancellationToken.None));
        }

        // The server loses its UID list and renumbers the folder: the message is recognised by its Message-ID.
        await _imap.ResetFolderAsync();
        using (var renumbered = BuildHost())
        {
            Assert.Equal("Read 1 new message(s): 0 filed, 0 left in the inbox, 0 quarantined, 1 recorded before.",
                await renumbered.Services.GetRequiredService<MailboxPollJob>().RunAsync(CancellationToken.None));
            await using var db = Open(renumbered);
            Assert.Equal(1, await db.RequestEvents.CountAsync(e => e.RequestId == request.Id && e.Kind == RequestEventKind.AgencyReply));
            Assert.Equal(1, await db.EmailMessages.CountAsync(m => m.Direction == MailDirection.Incoming));
        }
    }

    [Fact]
    public async Task Malformed_and_oversized_messages_are_quarantined_with_reasons_and_the_rest_are_still_filed()
    {
        var request = await DraftRequestAsync(trackingNumber: "SJ-2026-4471");
        _overrides["Imap:MaxMessageBytes"] = "65536";
        await _imap.AppendAsync(Reply("records@org.example", "Huge scan", "See attached.", null, ("scan.pdf", TestFiles.Noise(200_000))));
        await _imap.AppendRawAsync("this is not an e-mail\r\nat all, no headers\r\n"u8.ToArray());
        await _imap.AppendRawAsync("Subject: no sender, no date\r\n\r\nHello.\r\n"u8.ToArray());
        await _imap.AppendAsync(Reply("records@org.example", "Your request SJ-2026-4471", "We need more time: unusual circumstances.", null));
        await _imap.AppendAsync(Reply("records@org.example", "Survey", "How did we do?", null));

        using var host = BuildHost();
        Assert.Equal("Read 5 new message(s): 1 filed, 1 left in the inbox, 3 quarantined, 0 recorded before.",
            await host.Services.GetRequiredService<MailboxPollJob>().RunAsync(CancellationToken.None));
        await using var db = Open(host);
        var quarantined = await db.EmailMessages.Where(m => m.Status == MailStatus.Quarantined).OrderBy(m => m.ImapUid).ToListAsync();
        Assert.Collection(
            quarantined,
            huge =>
            {
                Assert.Contains("over the limit of 64 KB", huge.StatusReason);
                Assert.Equal("Huge scan", huge.Subject);
                Assert.Null(huge.RawSha256);
            },
            garbage =>
            {
                Assert.StartsWith("It could not be read as an e-mail", garbage.StatusReason);
                Assert.NotNull(garbage.RawSha256);
            },
            anonymous =>
            {
                Assert.Contains("neither a From nor a Date", anonymous.StatusReason);
                Assert.Equal("no sender, no date", anonymous.Subject);
            });
        var filed = await db.EmailMessages.SingleAsync(m => m.Status == MailStatus.Filed);
        Assert.Equal((request.Id, ReplyMatching.ByTrackingNumber), (filed.RequestId, filed.MatchedBy));
        var inbox = await CorrespondenceQueries.InboxAsync(db, new PageRequest());
        Assert.Equal(4, inbox.TotalCount);
        Assert.Equal(5, (await db.MailboxStates.SingleAsync()).LastUid);
    }

    [Fact]
    public async Task A_mailbox_that_cannot_be_reached_fails_the_poll_and_says_why_on_the_next_look()
    {
        _overrides["Imap:Port"] = LocalMachine.FreePort().ToString(System.Globalization.CultureInfo.InvariantCulture);
        using var host = BuildHost();
        await Assert.ThrowsAnyAsync<Exception>(() => host.Services.GetRequiredService<MailboxPollJob>().RunAsync(CancellationToken.None));
        await using var db = Open(host);
        var state = await db.MailboxStates.SingleAsync();
        Assert.Contains("SocketException", state.LastError);
        Assert.Null(state.LastSucceededAt);
    }

    [Fact]
    public async Task Automatic_follow_ups_go_once_per_missed_deadline_and_only_where_switched_on()
    {
        var automatic = await SentRequestAsync(autoSend: true);
        var manual = await SentRequestAsync(autoSend: false);
        using (var host = BuildHost())
        {
            await host.Services.GetRequiredService<SendDueFollowUpsJob>().RunAsync(CancellationToken.None);
        }

        using (var restarted = BuildHost())
        {
            await restarted.Services.GetRequiredService<SendDueFollowUpsJob>().RunAsync(CancellationToken.None);
        }

        var followUp = Assert.Single(_smtp.Messages());
        Assert.Equal($"Follow-up: Public records request {automatic.Reference}: {automatic.Title}", followUp.Subject);
        Assert.Contains("March 12, 2026", followUp.TextBody);
        Assert.Contains("Ada Lovelace", followUp.TextBody);
        using var read = BuildHost();
        await using var db = Open(read);
        Assert.Equal(1, await db.RequestEvents.CountAsync(e => e.RequestId == automatic.Id && e.Kind == RequestEventKind.FollowUp));
        Assert.False(await db.RequestEvents.AnyAsync(e => e.RequestId == manual.Id && e.Kind == RequestEventKind.FollowUp));
        Assert.Single(await LetterDrafts.FollowUpsDueAsync(db, new DateOnly(2026, 3, 20)), d => d.RequestId == manual.Id);
    }

    private static MimeMessage Reply(string to, string subject, string text, string? inReplyTo, params (string Name, byte[] Content)[] attachments)
    {
        var message = new MimeMessage();
        message.From.Add(new MailboxAddress("Records Unit", "clerk@sjpd.example.gov"));
        message.To.Add(MailboxAddress.Parse(to));
        message.Subject = subject;
        message.Date = new DateTimeOffset(2026, 3, 19, 9, 30, 0, TimeSpan.FromHours(-7));
        message.MessageId = $"{Guid.NewGuid():N}@sjpd.example.gov";
        if (inReplyTo is not null)
        {
            message.InReplyTo = inReplyTo;
            message.References.Add(inReplyTo);
        }

        var body = new BodyBuilder { TextBody = text };
        foreach (var (name, content) in attachments)
        {
            body.Attachments.Add(name, content);
        }

        message.Body = body.ToMessageBody();
        return message;
    }

    private static async Task<SendResult> SendRequestAsync(IHost host, Guid requestId)
    {
        await using var db = Open(host);
        var draft = await LetterDrafts.RequestLetterAsync(db, requestId);
        return await host.Services.GetRequiredService<LetterSender>().SendAsync(draft!, null);
    }

    // Runs every pending extraction, as the job server would: the e-mail first, then the attachments it unpacks.
    private static async Task ExtractAllAsync(IHost host)
    {
        for (var round = 0; round < 3; round++)
        {
            List<Guid> pending;
            await using (var db = Open(host))
            {
                pending = await db.Documents.Where(d => d.TextStatus == TextStatus.Pending).Select(d => d.Id).ToListAsync();
            }

            foreach (var id in pending)
            {
                await host.Services.GetRequiredService<ExtractDocumentTextJob>().RunAsync(id, CancellationToken.None);
            }
        }
    }

    private async Task<RecordsRequest> DraftRequestAsync(string? trackingNumber = null)
    {
        using var host = BuildHost();
        await using var db = Open(host);
        var california = await db.Laws.SingleAsync(l => l.Code == "US-CA");
        var agency = await db.Agencies.SingleOrDefaultAsync(a => a.Name == "San Jose Police Department")
            ?? new Agency { Name = "San Jose Police Department", Kind = AgencyKind.PoliceDepartment, City = "San Jose", State = "CA", RecordsEmail = "records@sjpd.example.gov" };
        var request = new RecordsRequest
        {
            Reference = await RequestCommands.NextReferenceAsync(db, 2026),
            Title = "Clearview AI contracts",
            Agency = agency,
            Law = california,
            RequestText = "Under the California Public Records Act I request:\n\nAll contracts with Clearview AI & invoices.",
            AgencyTrackingNumber = trackingNumber,
            Status = RequestStatus.Draft,
            Visibility = RequestVisibility.Public,
        };
        db.Requests.Add(request);
        await db.SaveChangesAsync();
        return request;
    }

    // A request received on 2026-03-02 whose response was due 2026-03-12 and never came.
    private async Task<RecordsRequest> SentRequestAsync(bool autoSend)
    {
        var request = await DraftRequestAsync();
        using var host = BuildHost();
        await using var db = Open(host);
        var user = new PraTrackerUser { UserName = $"{Guid.NewGuid():N}@org.example", Email = $"{Guid.NewGuid():N}@org.example", DisplayName = "Ada Lovelace" };
        db.Users.Add(user);
        var tracked = await db.Requests.SingleAsync(r => r.Id == request.Id);
        (tracked.Status, tracked.SentOn, tracked.ReceivedOn, tracked.Method, tracked.AutoSendFollowUps) =
            (RequestStatus.Sent, new DateOnly(2026, 3, 2), new DateOnly(2026, 3, 2), SubmissionMethod.Email, autoSend);
        db.RequestAssignments.Add(new RequestAssignment { RequestId = request.Id, UserId = user.Id });
        await db.SaveChangesAsync();
        await RequestDeadlines.RecalculateAsync(db, request.Id, new DateOnly(2026, 3, 20));
        await db.SaveChangesAsync();
        return tracked;
    }

    private IHost BuildHost() =>
        new HostBuilder()
            .ConfigureAppConfiguration(config => config.AddInMemoryCollection(_database.AppSettings).AddInMemoryCollection(new Dictionary<string, string?>
            {
                [InstanceSettings.RoleKey] = nameof(InstanceRole.Web),
                ["Smtp:Host"] = "127.0.0.1",
                ["Smtp:Port"] = _smtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["Smtp:From"] = "Civil Liberties Project <records@org.example>",
                ["Imap:Host"] = _imap.Host,
                ["Imap:Port"] = _imap.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["Imap:Security"] = "None",
                ["Imap:Username"] = _imap.Username,
                ["Imap:Password"] = _imap.Password,
            }).AddInMemoryCollection(_overrides))
            .ConfigureServices((context, services) =>
            {
                services.AddSingleton<TimeProvider>(_clock);
                services.AddPraTrackerData(context.Configuration);
                services.AddPraTrackerJobs(context.Configuration);
            })
            .Build();

    private static PraTrackerDbContext Open(IHost host) =>
        host.Services.GetRequiredService<IDbContextFactory<PraTrackerDbContext>>().CreateDbContext().ViewAs(Viewer.System);
}

public sealed class PostgresCorrespondenceTests() : CorrespondenceTests(DatabaseProvider.Postgres);

public sealed class SqliteCorrespondenceTests() : CorrespondenceTests(DatabaseProvider.Sqlite);
