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
            await page.GotoAsync("/agencies/new", new PageGotoOptions { WaitUntil = WaitUntilState.NetworkIdle });
            await page.Locator("[data-testid=agency-name]").FillAsync("Fresno Police Department");
            await page.Locator("[data-testid=agency-state]").FillAsync("CA");
            await page.Locator("[data-testid=agency-records-email]").FillAsync("records@fresno.example.gov");
            await page.ClickAsync("[data-testid=agency-law]");
            await Pages.PickAsync(page, "California");
            await page.ClickAsync("[data-testid=agency-save]");
            await page.WaitForURLAsync(url => url.Contains("/agencies/", StringComparison.Ordinal) && !url.EndsWith("/new", StringComparison.Ordinal));

            await page.GotoAsync("/requests/new", new PageGotoOptions { WaitUntil = WaitUntilState.NetworkIdle });
            await page.Locator("[data-testid=request-title]").FillAsync("Fresno police use of Clearview AI");
            await page.Locator("[data-testid=request-agency]").FillAsync("Fresno");
            await Pages.PickAsync(page, "Fresno Police Department");
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
            Assert.Empty(app.Mail.Messages());
            await Browser.KeepAsync(page, "correspondence-send");
            await page.ClickAsync("[data-testid=letter-send]");
            await Assertions.Expect(page.Locator("[data-testid=messages]")).ToContainTextAsync("To records@fresno.example.gov");
            await Assertions.Expect(page.Locator("[data-testid=timeline-event]").First).ToContainTextAsync("Request sent by e-mail");
            var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, TimeZoneInfo.FindSystemTimeZoneById("America/Los_Angeles")).DateTime);
            var responseDue = await page.Locator("[data-testid=deadline-title]").AllInnerTextsAsync();
            Assert.StartsWith("Response: ", Assert.Single(responseDue), StringComparison.Ordinal);

            var sent = Assert.Single(app.Mail.Messages());
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
            await page.ClickAsync("text=E-mail " + today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + " RE Public records request");
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
}
