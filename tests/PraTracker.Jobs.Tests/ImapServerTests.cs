using System.Net.Sockets;
using System.Text;
using MailKit;
using MailKit.Net.Imap;
using MailKit.Search;
using MailKit.Security;
using MimeKit;

namespace PraTracker.Tests;

/// <summary>
/// The IMAP server the mailbox tests read is a real one: what is appended comes back over IMAP in another session,
/// two instances keep their mail apart, a folder can be given a new UIDVALIDITY, and nothing is left running.
/// </summary>
public sealed class ImapServerTests
{
    [Fact]
    public async Task Appended_messages_come_back_in_another_session_with_their_subjects_attachments_and_uids()
    {
        await using var server = await ImapServer.StartAsync();
        var records = TestFiles.Pdf("Responsive records, page 1");
        var first = await server.AppendAsync(Reply("Re: Request 2026-0001", ("records.pdf", records)));
        var second = await server.AppendAsync(Reply("Re: Request 2026-0002"));

        using var client = new ImapClient();
        await client.ConnectAsync(server.Host, server.Port, SecureSocketOptions.None);
        await client.AuthenticateAsync(server.Username, server.Password);
        var inbox = await client.GetFolderAsync(server.Folder);
        await inbox.OpenAsync(FolderAccess.ReadOnly);

        Assert.Equal([first, second], await inbox.SearchAsync(SearchQuery.All));
        Assert.Equal(first.Validity, inbox.UidValidity);
        Assert.True(second.Id > first.Id);
        var withRecords = await inbox.GetMessageAsync(first);
        Assert.Equal("Re: Request 2026-0001", withRecords.Subject);
        var attachment = Assert.IsType<MimePart>(Assert.Single(withRecords.Attachments));
        Assert.Equal("records.pdf", attachment.FileName);
        Assert.NotNull(attachment.Content);
        using var content = new MemoryStream();
        await attachment.Content.DecodeToAsync(content);
        Assert.Equal(records, content.ToArray());
        var without = await inbox.GetMessageAsync(second);
        Assert.Equal("Re: Request 2026-0002", without.Subject);
        Assert.Empty(without.Attachments);
        Assert.Equal(2, await server.CountAsync());
    }

    [Fact]
    public async Task A_malformed_message_is_appended_byte_for_byte()
    {
        await using var server = await ImapServer.StartAsync();
        // Latin-1 in a header, a header line without a colon, and a multipart whose closing boundary never comes.
        var raw = Encoding.Latin1.GetBytes(
            "From: Agence municipale <records@ville.example>\r\n" +
            "Subject: R\u00e9ponse \u00e0 votre demande\r\n" +
            "not a header\r\n" +
            "Content-Type: multipart/mixed; boundary=\"cut\"\r\n" +
            "\r\n" +
            "--cut\r\n" +
            "Content-Type: text/plain\r\n" +
            "\r\n" +
            "The records are attached.\r\n");

        var uid = await server.AppendRawAsync(raw);

        using var client = await server.ConnectAsync();
        await client.Inbox.OpenAsync(FolderAccess.ReadOnly);
        Assert.Equal(uid.Validity, client.Inbox.UidValidity);
        using var stored = await client.Inbox.GetStreamAsync(uid, string.Empty);
        using var bytes = new MemoryStream();
        await stored.CopyToAsync(bytes);
        Assert.Equal(raw, bytes.ToArray());
    }

    [Fact]
    public async Task Two_servers_at_once_keep_their_mail_apart()
    {
        await using var one = await ImapServer.StartAsync();
        await using var other = await ImapServer.StartAsync();

        await one.AppendAsync(Reply("Re: Request 2026-0003"));

        Assert.NotEqual(one.Port, other.Port);
        Assert.Equal(1, await one.CountAsync());
        Assert.Equal(0, await other.CountAsync());
    }

    [Fact]
    public async Task Resetting_the_folder_keeps_its_messages_under_a_new_uidvalidity_numbered_from_one()
    {
        await using var server = await ImapServer.StartAsync();
        await server.AppendAsync(Reply("Re: Request 2026-0004"));
        var before = await server.AppendAsync(Reply("Re: Request 2026-0005"));

        var validity = await server.ResetFolderAsync();
        var after = await server.AppendAsync(Reply("Re: Request 2026-0006"));

        Assert.NotEqual(before.Validity, validity);
        Assert.Equal(new UniqueId(validity, 3), after);
        Assert.Equal(3, await server.CountAsync());
    }

    [Fact]
    public async Task Disposing_stops_every_dovecot_process_and_frees_the_port()
    {
        var server = await ImapServer.StartAsync();
        await server.AppendAsync(Reply("Re: Request 2026-0007"));
        // The instance's folder, named in the master's command line, and its other processes' titles carry its port.
        var master = $"pratracker-imap-{server.Port}-";
        var others = $"pratracker-imap-{server.Port}/";
        Assert.Single(CommandLinesContaining(master));
        Assert.NotEmpty(CommandLinesContaining(others));

        await server.DisposeAsync();

        Assert.Empty(CommandLinesContaining(master));
        Assert.Empty(CommandLinesContaining(others));
        using var probe = new TcpClient();
        await Assert.ThrowsAsync<SocketException>(() => probe.ConnectAsync(server.Host, server.Port));
    }

    private static MimeMessage Reply(string subject, params (string Name, byte[] Content)[] attachments)
    {
        var body = new BodyBuilder { TextBody = "Please find our response to your request." };
        foreach (var (name, content) in attachments)
        {
            body.Attachments.Add(name, content);
        }

        var message = new MimeMessage { Subject = subject, Body = body.ToMessageBody() };
        message.From.Add(new MailboxAddress("City Clerk", "clerk@city.example"));
        message.To.Add(new MailboxAddress("PraTracker", "replies@pratracker.example"));
        return message;
    }

    /// <summary>The command lines of the running processes that mention the text; a process may end while they are read.</summary>
    private static List<string> CommandLinesContaining(string text)
    {
        var found = new List<string>();
        foreach (var process in Directory.GetDirectories("/proc").Where(d => Path.GetFileName(d).All(char.IsAsciiDigit)))
        {
            try
            {
                var commandLine = File.ReadAllText(Path.Combine(process, "cmdline")).Replace('\0', ' ');
                if (commandLine.Contains(text, StringComparison.Ordinal))
                {
                    found.Add(commandLine);
                }
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // It ended meanwhile.
            }
        }

        return found;
    }
}
