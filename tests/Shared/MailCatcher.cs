using System.Diagnostics;
using MimeKit;

namespace PraTracker.Tests;

/// <summary>
/// A real SMTP server for the tests: Debian's python3-aiosmtpd on 127.0.0.1, storing every message it accepts in a
/// Maildir the test reads back. Stopped when disposed.
/// </summary>
public sealed class MailCatcher : IAsyncDisposable
{
    private readonly Process _process;

    private MailCatcher(Process process, int port, string maildir)
    {
        _process = process;
        Port = port;
        Maildir = maildir;
    }

    public int Port { get; }

    public string Maildir { get; }

    public static async Task<MailCatcher> StartAsync(int? port = null, string? maildir = null)
    {
        const string python = "/usr/bin/python3";
        if (!File.Exists(python))
        {
            throw new InvalidOperationException("Debian's python3 is missing; scripts/test.sh installs python3-aiosmtpd.");
        }

        var chosen = port ?? LocalMachine.FreePort();
        // aiosmtpd creates the Maildir (with its cur, new and tmp folders) only where none exists yet.
        var directory = maildir ?? Path.Combine(Directory.CreateTempSubdirectory("pratracker-mail-").FullName, "maildir");
        var start = new ProcessStartInfo(python) { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        foreach (var argument in new[] { "-m", "aiosmtpd", "-n", "-l", $"127.0.0.1:{chosen}", "-c", "aiosmtpd.handlers.Mailbox", directory })
        {
            start.ArgumentList.Add(argument);
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start aiosmtpd.");
        if (await LocalMachine.WaitForListenerAsync(chosen, process, TimeSpan.FromSeconds(20)))
        {
            return new MailCatcher(process, chosen, directory);
        }

        if (process.HasExited)
        {
            throw new InvalidOperationException($"aiosmtpd exited: {await process.StandardError.ReadToEndAsync()} (is python3-aiosmtpd installed?)");
        }

        process.Kill(entireProcessTree: true);
        throw new TimeoutException("aiosmtpd did not start listening within 20 seconds.");
    }

    /// <summary>Every message the server has accepted so far.</summary>
    public IReadOnlyList<MimeMessage> Messages()
    {
        var folder = Path.Combine(Maildir, "new");
        return Directory.Exists(folder) ? [.. Directory.GetFiles(folder).Order().Select(f => MimeMessage.Load(f))] : [];
    }

    /// <summary>Stops the server, as an outage would; the Maildir stays.</summary>
    public async Task StopAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        _process.Dispose();
    }
}
