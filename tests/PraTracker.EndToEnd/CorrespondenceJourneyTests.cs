using System.Diagnostics;
using System.Globalization;
using Microsoft.Playwright;
using MimeKit;

namespace PraTracker.Tests;

/// <summary>The app with a real mailbox: Debian's dovecot on 127.0.0.1, read by the app's poll every minute.</summary>
public sealed class MailboxApp : RunningApp
{
    public ImapServer Imap { get; private set; } = null!;

    protected override IReadOnlyDictionary<string, string> Settings => new Dictionary<string, string>
    {
        ["Demo__Seed"] = "false",
        ["Smtp__From"] = "Civil Liberties Project <records@clp.example.org>",
        ["Imap__Host"] = Imap.Host,
        ["Imap__Port"] = Imap.Port.ToString(CultureInfo.InvariantCulture),
        ["Imap__Security"] = "None",
        ["Imap__Username"] = Imap.Username,
        ["Imap__Password"] = Imap.Password,
    };

    protected override async Task StartServersAsync() => Imap = await ImapServer.StartAsync();

    protected override async Task StopServersAsync() => await Imap.DisposeAsync();
}

/// <summary>
/// The whole correspondence loop in Chromium, on real servers: an attorney sends a request by e-mail from its page,
/// the agency's reply lands in the mailbox, the app's poll files it on the request within a minute, and the attorney
/// classifies it as an extension with one click, which moves the deadlines.
/// </summary>
[Collection(AppCollection.Name)]
public sealed class CorrespondenceJourneyTests(MailboxApp app, Browser browser) : IClassFixture<MailboxApp>
{
    [Fact]
    public async Task A_request_sent_by_e_mail_gets_its_reply_filed_by_the_poll_and_classified_as_an_extension_that_moves_the_deadline()
    {
        var page = await browser.OpenAsync(app, signedIn: true);
        try
        {
            await AddAgencyAsync(page, "Fresno Police Department", "records@fresno.example.gov");

            await page.GotoAsync("/requests/new", new PageGotoOptions { WaitUntil = WaitUntilState.NetworkIdle });
            await Pages.TypeAndPickAsync(page, "[data-testid=request-agency]", "Fresno", "Fresno Police Department");
            await page.Locator("[data-testid=request-title]").FillAsync("Fresno police use of Clearview AI");
            await Assertions.Expect(page.Locator("[data-testid=request-form]")).ToContainTextAsync("California Public Records Act");
            const string letter = "All contracts, invoices and audit logs for Clearview AI since 2019.";
            await page.Locator("[data-testid=request-text]").FillAsync(letter);
            await Assertions.Expect(page.Locator("[data-testid=request-text]")).ToHaveValueAsync(letter);
            await page.ClickAsync("[data-testid=request-save]");
            await Assertions.Expect(page.Locator("[data-testid=request-reference]")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("^PRA-"));
            var reference = await page.Locator("[data-testid=request-reference]").InnerTextAsync();

            // Send: the drafted message opens with the agency's address; nothing leaves before Send.
            await page.ClickAsync("[data-testid=send-request]");
            await Assertions.Expect(page.Locator("[data-testid=letter-to]")).ToHaveValueAsync("records@fresno.example.gov");
            await Assertions.Expect(page.Locator("[data-testid=letter-subject]")).ToHaveValueAsync($"Public records request {reference}: Fresno police use of Clearview AI");
            Assert.Empty(MessagesAbout(reference));
            await Browser.KeepAsync(page, "correspondence-send");
            await page.ClickAsync("[data-testid=letter-send]");
            await Assertions.Expect(page.Locator("[data-testid=messages]")).ToContainTextAsync("To records@fresno.example.gov");
            await Assertions.Expect(page.Locator("[data-testid=timeline-event]").First).ToContainTextAsync("Request sent by e-mail");
            var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, TimeZoneInfo.FindSystemTimeZoneById("America/Los_Angeles")).DateTime);
            var responseDue = await page.Locator("[data-testid=deadline-title]").AllInnerTextsAsync();
            Assert.StartsWith("Response: ", Assert.Single(responseDue), StringComparison.Ordinal);

            var sent = Assert.Single(MessagesAbout(reference));
            Assert.Equal("records@fresno.example.gov", sent.To.Mailboxes.Single().Address);
            var replyTo = sent.ReplyTo.Mailboxes.Single().Address;
            Assert.Equal($"records+{reference}@clp.example.org", replyTo);
            Assert.Contains(letter, sent.TextBody, StringComparison.Ordinal);

            // The agency answers the letter, with a PDF.
            var newDate = today.AddDays(20);
            var reply = new MimeMessage();
            reply.From.Add(new MailboxAddress("Fresno PD Records", "records@fresno.example.gov"));
            reply.To.Add(MailboxAddress.Parse(replyTo));
            reply.Subject = $"RE: {sent.Subject}";
            reply.InReplyTo = sent.MessageId;
            reply.References.Add(sent.MessageId!);
            reply.Date = DateTimeOffset.UtcNow;
            var body = new BodyBuilder
            {
                TextBody = "Dear requester,\n\nDue to unusual circumstances, namely the need to search records held by another division, "
                    + $"we are extending the time to respond. We expect to respond by {newDate.ToString("MMMM d, yyyy", CultureInfo.InvariantCulture)}.\n\nRecords Unit",
            };
            body.Attachments.Add("extension-notice.pdf", TestFiles.Pdf("Notice of extension under Gov. Code 7922.535 for Clearview records"));
            reply.Body = body.ToMessageBody();
            await app.Imap.AppendAsync(reply);

            // The poll runs every minute; the reply is filed on the request by itself.
            var clock = Stopwatch.StartNew();
            var classifier = page.Locator("[data-testid=reply-classifier]");
            while (await classifier.CountAsync() == 0)
            {
                Assert.True(clock.Elapsed < TimeSpan.FromSeconds(100), "The reply was not filed within 100 seconds.");
                await Task.Delay(TimeSpan.FromSeconds(3));
                await page.ReloadAsync(new PageReloadOptions { WaitUntil = WaitUntilState.NetworkIdle });
            }

            var filedAfter = clock.Elapsed;
            Assert.True(filedAfter < TimeSpan.FromSeconds(75), $"Filed after {filedAfter.TotalSeconds:N0} s.");
            await Assertions.Expect(page.Locator("[data-testid=messages]")).ToContainTextAsync("From records@fresno.example.gov");
            await Assertions.Expect(page.Locator("[data-testid=messages]")).ToContainTextAsync("filed by plus-address");
            await Assertions.Expect(page.Locator("[data-testid=reply-suggestion]")).ToContainTextAsync("Extension notice");
            await Assertions.Expect(page.Locator("[data-testid=reply-suggestion]")).ToContainTextAsync(newDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            // Suggested, not applied: the deadline is still the original response.
            Assert.Equal(responseDue, await page.Locator("[data-testid=deadline-title]").AllInnerTextsAsync());
            await Browser.KeepAsync(page, "correspondence-reply-filed");

            await page.ClickAsync("[data-testid=classify-ExtensionNotice]");
            await Assertions.Expect(page.Locator("[data-testid=classify-date]")).ToHaveValueAsync(newDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            await page.ClickAsync("[data-testid=classify-confirm]");
            await Assertions.Expect(page.Locator("[data-testid=deadline-title]").First).ToContainTextAsync("Extended response");
            await Assertions.Expect(page.Locator("[data-testid=reply-classifier]")).ToHaveCountAsync(0);
            await Assertions.Expect(page.Locator("[data-testid=timeline-event]").First).ToContainTextAsync("Extension notice");
            await Browser.KeepAsync(page, "correspondence-classified");

            // The message is a private document of the request; its PDF attachment is unpacked from it, its text read.
            // Named by the message's own date, which is the agency's day: around midnight it is not the organisation's.
            await page.GetByText(new System.Text.RegularExpressions.Regex(@"E-mail \d{4}-\d{2}-\d{2} RE\s+Public records request")).First.ClickAsync();
            await page.WaitForURLAsync(url => url.Contains("/documents/", StringComparison.Ordinal));
            var attachment = page.Locator("a", new PageLocatorOptions { HasText = "extension-notice" });
            for (var attempt = 0; attempt < 20 && await attachment.CountAsync() == 0; attempt++)
            {
                await Task.Delay(TimeSpan.FromSeconds(1));
                await page.ReloadAsync(new PageReloadOptions { WaitUntil = WaitUntilState.NetworkIdle });
            }

            await attachment.First.ClickAsync();
            await Assertions.Expect(page.Locator("body")).ToContainTextAsync("Notice of extension under Gov. Code 7922.535");
            await Browser.KeepAsync(page, "correspondence-attachment");
        }
        catch
        {
            await Browser.KeepAsync(page, "correspondence-failure");
            throw;
        }
        finally
        {
            await page.Context.CloseAsync();
        }
    }

    [Fact]
    public async Task A_missed_deadline_is_followed_up_from_the_dashboard_a_denial_appealed_and_stray_mail_filed_from_the_inbox()
    {
        var page = await browser.OpenAsync(app, signedIn: true);
        try
        {
            await AddAgencyAsync(page, "Clovis Police Department", "records@clovis.example.gov");
            await page.GotoAsync("/requests/new", new PageGotoOptions { WaitUntil = WaitUntilState.NetworkIdle });
            await Pages.TypeAndPickAsync(page, "[data-testid=request-agency]", "Clovis", "Clovis Police Department");
            await page.Locator("[data-testid=request-title]").FillAsync("Clovis police social-media monitoring");
            await Assertions.Expect(page.Locator("[data-testid=request-form]")).ToContainTextAsync("California Public Records Act");
            const string letter = "All contracts and purchase orders for social-media monitoring software.";
            await page.Locator("[data-testid=request-text]").FillAsync(letter);
            await Assertions.Expect(page.Locator("[data-testid=request-text]")).ToHaveValueAsync(letter);
            await page.ClickAsync("[data-testid=request-sent]");
            await page.ClickAsync("[data-testid=request-method]");
            await Pages.PickAsync(page, "Email");
            await page.Locator("[data-testid=request-form] .mud-input-control", new PageLocatorOptions { HasText = "Sent on" }).Locator("input").First.FillAsync("2026-10-01");
            await page.Keyboard.PressAsync("Tab");
            await page.ClickAsync("[data-testid=request-save]");
            await Assertions.Expect(page.Locator("[data-testid=deadline-title]")).ToHaveTextAsync(["Response: Tue 2026-10-13"]);
            var reference = await page.Locator("[data-testid=request-reference]").InnerTextAsync();
            var requestAddress = page.Url;

            // The response was due on 2026-10-13 (Monday the 12th is a state holiday) and never came: the dashboard has a follow-up drafted from the law's template.
            await page.GotoAsync("/dashboard", new PageGotoOptions { WaitUntil = WaitUntilState.NetworkIdle });
            var row = page.Locator("[data-testid=follow-ups] tr", new PageLocatorOptions { HasText = reference });
            await Assertions.Expect(row).ToContainTextAsync("2026-10-13");
            await row.Locator("[data-testid=follow-up-review]").ClickAsync();
            await Assertions.Expect(page.Locator("[data-testid=letter-body]")).ToHaveValueAsync(new System.Text.RegularExpressions.Regex("October 13, 2026"));
            await Assertions.Expect(page.Locator("[data-testid=letter-body]")).ToHaveValueAsync(new System.Text.RegularExpressions.Regex("7922"));
            await Browser.KeepAsync(page, "correspondence-follow-up");
            await page.ClickAsync("[data-testid=letter-send]");
            await Assertions.Expect(page.Locator("[data-testid=follow-ups] tr", new PageLocatorOptions { HasText = reference })).ToHaveCountAsync(0);
            var followUp = Assert.Single(MessagesAbout(reference));
            Assert.Equal($"Follow-up: Public records request {reference}: Clovis police social-media monitoring", followUp.Subject);
            Assert.Equal($"records+{reference}@clp.example.org", followUp.ReplyTo.Mailboxes.Single().Address);

            // The agency denies, citing an exemption; the appeal is drafted from the denial.
            await page.GotoAsync(requestAddress, new PageGotoOptions { WaitUntil = WaitUntilState.NetworkIdle });
            await Assertions.Expect(page.Locator("[data-testid=timeline-event]").First).ToContainTextAsync("Follow up");
            await page.ClickAsync("[data-testid=event-kind]");
            await Pages.PickAsync(page, "Denial");
            await page.Locator("[data-testid=event-form] .mud-input-control", new PageLocatorOptions { HasText = "Summary" }).Locator("textarea").First.FillAsync("Denied as investigative records.");
            await page.Locator("[data-testid=event-exemptions]").FillAsync("Gov. Code § 7923.600");
            await page.ClickAsync("[data-testid=event-save]");
            await page.ClickAsync("[data-testid=draft-appeal]");
            await Assertions.Expect(page.Locator("[data-testid=letter-body]")).ToHaveValueAsync(new System.Text.RegularExpressions.Regex("7923\\.600"));
            await Assertions.Expect(page.Locator("[data-testid=letter-subject]")).ToHaveValueAsync($"Appeal: Public records request {reference}: Clovis police social-media monitoring");
            await page.ClickAsync("[data-testid=letter-send]");
            await Assertions.Expect(page.Locator("[data-testid=timeline-event]").First).ToContainTextAsync("Appeal sent by e-mail");
            Assert.Equal(2, MessagesAbout(reference).Count);
            await Browser.KeepAsync(page, "correspondence-appeal");

            // Mail with no clue to its request waits in the inbox, and is filed there by hand.
            var stray = new MimeMessage();
            stray.From.Add(new MailboxAddress("Clovis City Clerk", "clerk@clovis.example.gov"));
            stray.To.Add(new MailboxAddress("Records", "records@clp.example.org"));
            stray.Subject = "Your records request about monitoring software";
            stray.Date = DateTimeOffset.UtcNow;
            stray.Body = new TextPart("plain") { Text = "The council approved the contract in closed session; minutes attached later." };
            await app.Imap.AppendAsync(stray);
            await page.GotoAsync("/inbox", new PageGotoOptions { WaitUntil = WaitUntilState.NetworkIdle });
            await page.ClickAsync("[data-testid=poll-now]");
            var waiting = page.Locator("[data-testid=inbox-grid] tr", new PageLocatorOptions { HasText = "monitoring software" });
            for (var attempt = 0; attempt < 60 && await waiting.CountAsync() == 0; attempt++)
            {
                await Task.Delay(TimeSpan.FromSeconds(2));
                await page.ReloadAsync(new PageReloadOptions { WaitUntil = WaitUntilState.NetworkIdle });
            }

            await Assertions.Expect(waiting).ToContainTextAsync("Unmatched");
            await Browser.KeepAsync(page, "correspondence-inbox");
            await waiting.Locator("[data-testid=inbox-request]").FillAsync(reference);
            await Pages.PickAsync(page, reference);
            await waiting.Locator("[data-testid=inbox-assign]").ClickAsync();
            await Assertions.Expect(page.Locator("[data-testid=inbox-grid] tr", new PageLocatorOptions { HasText = "monitoring software" })).ToHaveCountAsync(0);

            await page.GotoAsync(requestAddress, new PageGotoOptions { WaitUntil = WaitUntilState.NetworkIdle });
            await Assertions.Expect(page.Locator("[data-testid=messages]")).ToContainTextAsync("filed by by hand");
            await Assertions.Expect(page.Locator("[data-testid=reply-classifier]")).ToHaveCountAsync(1);
        }
        catch
        {
            await Browser.KeepAsync(page, "correspondence-failure-2");
            throw;
        }
        finally
        {
            await page.Context.CloseAsync();
        }
    }

    private List<MimeMessage> MessagesAbout(string reference) =>
        [.. app.Mail.Messages().Where(m => m.Subject?.Contains(reference, StringComparison.Ordinal) == true)];

    private static async Task AddAgencyAsync(IPage page, string name, string recordsEmail)
    {
        await page.GotoAsync("/agencies/new", new PageGotoOptions { WaitUntil = WaitUntilState.NetworkIdle });
        await page.Locator("[data-testid=agency-name]").FillAsync(name);
        await page.Locator("[data-testid=agency-state]").FillAsync("CA");
        await page.Locator("[data-testid=agency-records-email]").FillAsync(recordsEmail);
        await page.ClickAsync("[data-testid=agency-law]");
        await Pages.PickAsync(page, "California");
        await page.ClickAsync("[data-testid=agency-save]");
        await page.WaitForURLAsync(url => url.Contains("/agencies/", StringComparison.Ordinal) && !url.EndsWith("/new", StringComparison.Ordinal));
    }
}
