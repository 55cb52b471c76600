using System.Diagnostics;
using System.Globalization;
using System.Net.Sockets;
using System.Text;
using System.Text.RegularExpressions;
using MailKit;
using MailKit.Net.Imap;
using MailKit.Security;
using MimeKit;

namespace PraTracker.Tests;

/// <summary>
/// A real IMAP server for the tests: Debian's dovecot (dovecot-imapd) on 127.0.0.1, a throwaway instance with its own
/// configuration, log and Maildir in a temporary folder, serving one user over plain IMAP. Stopped and removed when
/// disposed; several may run at once.
/// </summary>
public sealed partial class ImapServer : IAsyncDisposable
{
    private const string Dovecot = "/usr/sbin/dovecot";
    private const string InboxFolder = "INBOX";
    private const string AccountName = "replies";
    private const string AccountPassword = "replies-password";

    private readonly Process _process;
    private readonly string _directory;

    private ImapServer(Process process, int port, string directory)
    {
        _process = process;
        _directory = directory;
        Port = port;
    }

    public string Host => "127.0.0.1";

    public int Port { get; }

    public string Username => AccountName;

    public string Password => AccountPassword;

    /// <summary>The folder the messages are appended to.</summary>
    public string Folder => InboxFolder;

    /// <summary>Starts an instance on a free port; its log is in the exception when it does not start.</summary>
    public static async Task<ImapServer> StartAsync()
    {
        if (!File.Exists(Dovecot) || !File.Exists("/usr/lib/dovecot/imap-login"))
        {
            throw new InvalidOperationException("Debian's dovecot is missing; scripts/test.sh installs dovecot-imapd.");
        }

        var port = LocalMachine.FreePort();
        var (user, group) = await AccountAsync();
        var directory = await FolderForAsync(port, user, group);
        var configuration = Path.Combine(directory, "dovecot.conf");
        var log = Path.Combine(directory, "dovecot.log");
        await File.WriteAllTextAsync(Path.Combine(directory, "users"), $"{AccountName}:{{PLAIN}}{AccountPassword}::::::\n");
        await File.WriteAllTextAsync(configuration, Configuration(directory, port, user, group));

        string[] dovecot = [Dovecot, "-F", "-c", configuration];
        // As root, setpriv hands the instance to its user before dovecot reads a thing.
        string[] command = Environment.IsPrivilegedProcess
            ? ["/usr/bin/setpriv", $"--reuid={user}", $"--regid={group}", "--clear-groups", .. dovecot]
            : dovecot;
        var process = await LocalMachine.StartServerAsync(
            "dovecot", new ProcessStartInfo(command[0], command[1..]), port, TimeSpan.FromSeconds(20), () => LogAsync(log));
        return new ImapServer(process, port, directory);
    }

    /// <summary>A MailKit client logged in to the mailbox, as the app would be.</summary>
    public async Task<ImapClient> ConnectAsync(CancellationToken ct = default)
    {
        var client = new ImapClient();
        try
        {
            await client.ConnectAsync(Host, Port, SecureSocketOptions.None, ct);
            await client.AuthenticateAsync(Username, Password, ct);
            return client;
        }
        catch
        {
            client.Dispose();
            throw;
        }
    }

    /// <summary>Delivers a message to the folder through IMAP APPEND and returns its UID.</summary>
    public async Task<UniqueId> AppendAsync(MimeMessage message, CancellationToken ct = default)
    {
        using var client = await ConnectAsync(ct);
        var uid = await client.Inbox.AppendAsync(new AppendRequest(message, MessageFlags.None), ct);
        await client.DisconnectAsync(quit: true, ct);
        return uid ?? throw new InvalidOperationException("dovecot did not say which UID the message got.");
    }

    /// <summary>
    /// Delivers exactly these bytes to the folder, however malformed, and returns their UID. MailKit appends only a
    /// MimeMessage, which MimeKit writes out in its own way, so this speaks the few IMAP commands itself.
    /// </summary>
    public async Task<UniqueId> AppendRawAsync(byte[] raw, CancellationToken ct = default)
    {
        using var connection = new TcpClient();
        await connection.ConnectAsync(Host, Port, ct);
        var stream = connection.GetStream();
        using var replies = new StreamReader(stream, Encoding.Latin1);
        await replies.ReadLineAsync(ct); // the greeting
        await SendAsync(stream, $"a LOGIN \"{Username}\" \"{Password}\"\r\n", ct);
        await CompletionAsync(replies, "a", ct);
        await SendAsync(stream, $"b APPEND {Folder} {{{raw.Length}}}\r\n", ct);
        var goAhead = await replies.ReadLineAsync(ct);
        if (goAhead is null || !goAhead.StartsWith('+'))
        {
            throw new InvalidOperationException($"dovecot would not take the message: {goAhead}");
        }

        await stream.WriteAsync(raw, ct);
        await SendAsync(stream, "\r\n", ct);
        var appended = AppendUid().Match(await CompletionAsync(replies, "b", ct));
        await SendAsync(stream, "c LOGOUT\r\n", ct);
        return new UniqueId(
            uint.Parse(appended.Groups["validity"].Value, CultureInfo.InvariantCulture),
            uint.Parse(appended.Groups["uid"].Value, CultureInfo.InvariantCulture));
    }

    /// <summary>How many messages a folder holds.</summary>
    public async Task<int> CountAsync(string folder = InboxFolder, CancellationToken ct = default)
    {
        using var client = await ConnectAsync(ct);
        var mailbox = await client.GetFolderAsync(folder, ct);
        await mailbox.StatusAsync(StatusItems.Count, ct);
        await client.DisconnectAsync(quit: true, ct);
        return mailbox.Count;
    }

    /// <summary>
    /// Rebuilds the folder as dovecot does when it loses its UID list: the same messages under a new UIDVALIDITY,
    /// numbered from 1 again. Returns the new UIDVALIDITY. Call it while no session has the folder selected.
    /// </summary>
    public async Task<uint> ResetFolderAsync(CancellationToken ct = default)
    {
        // IMAP cannot do it: dovecot refuses to delete or rename INBOX. dovecot-uidlist maps the Maildir's files to
        // UIDs under a UIDVALIDITY and the indexes cache that; without them dovecot numbers the files anew, under the
        // next UIDVALIDITY that dovecot-uidvalidity (kept) hands out.
        var maildir = Path.Combine(_directory, "Maildir");
        if (Directory.Exists(maildir))
        {
            foreach (var file in Directory.GetFiles(maildir, "dovecot-uidlist").Concat(Directory.GetFiles(maildir, "dovecot.index*")))
            {
                File.Delete(file);
            }
        }

        using var client = await ConnectAsync(ct);
        await client.Inbox.OpenAsync(FolderAccess.ReadOnly, ct);
        var validity = client.Inbox.UidValidity;
        await client.DisconnectAsync(quit: true, ct);
        return validity;
    }

    public async ValueTask DisposeAsync() => await LocalMachine.StopServerAsync(_process, _directory);

    /// <summary>
    /// The user and group every process of the instance runs as, dovecot's rootless setup. Its login processes refuse
    /// to run as root and its mail processes refuse UID 0 (first_valid_uid = 0 does not help), so root runs the
    /// instance as the dovecot system user the package creates, as postgres-cluster.sh runs PostgreSQL as postgres.
    /// </summary>
    private static async Task<(string User, string Group)> AccountAsync() =>
        Environment.IsPrivilegedProcess ? ("dovecot", "dovecot") : (await OutputOfAsync("id", "-un"), await OutputOfAsync("id", "-gn"));

    /// <summary>
    /// The instance's folder, named after its port like its processes, so a leftover of either is easy to place.
    /// Root's is in /tmp, not TMPDIR, which may be private to root, and belongs to the user dovecot runs as.
    /// </summary>
    private static async Task<string> FolderForAsync(int port, string user, string group)
    {
        var prefix = $"pratracker-imap-{port}-";
        if (!Environment.IsPrivilegedProcess)
        {
            return Directory.CreateTempSubdirectory(prefix).FullName;
        }

        var directory = Directory.CreateDirectory(Path.Combine("/tmp", prefix + Guid.NewGuid().ToString("N"))).FullName;
        await OutputOfAsync("chown", $"{user}:{group}", directory);
        return directory;
    }

    private static string Configuration(string directory, int port, string user, string group) => $$"""
        # A throwaway dovecot for PraTracker's tests, written by tests/Shared/ImapServer.cs. It reads nothing from
        # /etc/dovecot and writes only in {{directory}}.
        protocols = imap
        listen = 127.0.0.1
        instance_name = pratracker-imap-{{port}}
        base_dir = {{directory}}/run
        state_dir = {{directory}}/state
        log_path = {{directory}}/dovecot.log
        # A refused login says why in the log.
        auth_verbose = yes

        # Every process runs as the user dovecot was started as; chroot needs root, so none chroots.
        default_internal_user = {{user}}
        default_internal_group = {{group}}
        default_login_user = {{user}}
        # The dovecot system user's UID is below the default of 500.
        first_valid_uid = 1
        service imap-login {
          chroot =
          inet_listener imap {
            port = {{port}}
          }
          inet_listener imaps {
            port = 0
          }
        }
        service anvil {
          chroot =
        }
        service ipc {
          chroot =
        }
        service old-stats {
          chroot =
        }

        # Plain IMAP on the loopback interface, one user with a password; a wrong one is refused at once, not after
        # the usual two seconds.
        ssl = no
        disable_plaintext_auth = no
        auth_failure_delay = 0
        passdb {
          driver = passwd-file
          args = {{directory}}/users
        }
        userdb {
          driver = static
          args = uid={{user}} gid={{group}} home={{directory}}
        }

        # No fsync: the mail is thrown away after the test. A test and the app may hold several sessions at once.
        mail_location = maildir:{{directory}}/Maildir
        mail_fsync = never
        mail_max_userip_connections = 100

        """;

    /// <summary>What dovecot logged: a configuration it rejects is told on stderr, anything later only here.</summary>
    private static async Task<string> LogAsync(string log) =>
        "\nIts log:\n" + (File.Exists(log) ? await File.ReadAllTextAsync(log) : "(none written)");

    private static async Task SendAsync(NetworkStream stream, string command, CancellationToken ct) =>
        await stream.WriteAsync(Encoding.ASCII.GetBytes(command), ct);

    /// <summary>Reads up to the tagged reply that completes a command and returns it when it is OK.</summary>
    private static async Task<string> CompletionAsync(StreamReader replies, string tag, CancellationToken ct)
    {
        while (await replies.ReadLineAsync(ct) is { } reply)
        {
            if (reply.StartsWith(tag + " ", StringComparison.Ordinal))
            {
                return reply.StartsWith(tag + " OK", StringComparison.Ordinal)
                    ? reply
                    : throw new InvalidOperationException($"dovecot refused: {reply}");
            }
        }

        throw new InvalidOperationException("dovecot closed the connection.");
    }

    private static async Task<string> OutputOfAsync(string program, params string[] arguments)
    {
        var start = new ProcessStartInfo(program, arguments) { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {program}.");
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return process.ExitCode == 0
            ? (await output).Trim()
            : throw new InvalidOperationException($"{program} {string.Join(' ', arguments)} failed: {await errors}");
    }

    // RFC 4315 (UIDPLUS): the reply to APPEND names the folder's UIDVALIDITY and the message's UID.
    [GeneratedRegex(@"\[APPENDUID (?<validity>\d+) (?<uid>\d+)\]")]
    private static partial Regex AppendUid();
}
