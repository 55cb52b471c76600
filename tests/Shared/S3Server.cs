using System.ComponentModel;
using System.Diagnostics;
using Amazon.Runtime;
using Amazon.S3;

namespace PraTracker.Tests;

/// <summary>
/// A real S3-compatible server for the tests: s3rver (an npm package, pinned in tests/tools and installed there by
/// scripts/test.sh) run by Node on 127.0.0.1, keeping its buckets in a temporary folder. Stopped when disposed.
/// It accepts one pair of credentials, <see cref="AccessKey"/> and <see cref="SecretKey"/>, and checks signatures.
/// </summary>
public sealed class S3Server : IAsyncDisposable
{
    public const string AccessKey = "S3RVER";
    public const string SecretKey = "S3RVER";

    private readonly Process _process;
    private readonly string _directory;

    private S3Server(Process process, int port, string directory)
    {
        _process = process;
        _directory = directory;
        ServiceUrl = new Uri($"http://127.0.0.1:{port}");
    }

    public Uri ServiceUrl { get; }

    /// <summary>Why the server cannot run on this machine (Node or the package missing), or null when it can.</summary>
    public static string? Unavailable()
    {
        if (Script() is null)
        {
            return "s3rver is not installed in tests/tools/node_modules; scripts/test.sh installs it (npm ci --prefix tests/tools).";
        }

        try
        {
            using var node = Process.Start(new ProcessStartInfo("node", "--version") { RedirectStandardOutput = true, UseShellExecute = false });
            node?.WaitForExit();
            return node is { ExitCode: 0 } ? null : "node did not run; scripts/test.sh installs Debian's nodejs.";
        }
        catch (Win32Exception)
        {
            return "node is not installed; scripts/test.sh installs Debian's nodejs.";
        }
    }

    /// <summary>Starts a server on a free port; fails when it cannot, so call <see cref="Unavailable"/> first to skip instead.</summary>
    public static async Task<S3Server> StartAsync()
    {
        var script = Script() ?? throw new InvalidOperationException(Unavailable());
        var port = LocalMachine.FreePort();
        var directory = Directory.CreateTempSubdirectory("pratracker-s3-").FullName;
        var start = new ProcessStartInfo("node", [script, "--address", "127.0.0.1", "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--directory", directory, "--silent"]);
        var process = await LocalMachine.StartServerAsync("s3rver", start, port, TimeSpan.FromSeconds(30));
        return new S3Server(process, port, directory);
    }

    /// <summary>A client of the server with its credentials, to look at buckets as the store left them.</summary>
    public AmazonS3Client Client() => new(new BasicAWSCredentials(AccessKey, SecretKey), new AmazonS3Config
    {
        ServiceURL = ServiceUrl.ToString(),
        AuthenticationRegion = "us-east-1",
        ForcePathStyle = true,
    });

    public async ValueTask DisposeAsync() => await LocalMachine.StopServerAsync(_process, _directory);

    private static string? Script()
    {
        var script = Path.Combine(LocalMachine.RepositoryRoot(), "tests", "tools", "node_modules", "s3rver", "bin", "s3rver.js");
        return File.Exists(script) ? script : null;
    }
}
