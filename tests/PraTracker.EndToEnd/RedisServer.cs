using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace PraTracker.Tests;

/// <summary>
/// A real Redis server for the tests: Debian's redis-server on 127.0.0.1 and a free port, keeping nothing on disk,
/// stopped when disposed.
/// </summary>
public sealed class RedisServer : IAsyncDisposable
{
    private const string Program = "/usr/bin/redis-server";

    private readonly Process _process;

    private RedisServer(Process process, int port)
    {
        _process = process;
        Port = port;
    }

    public int Port { get; }

    public string ConnectionString => $"127.0.0.1:{Port}";

    public static async Task<RedisServer> StartAsync()
    {
        if (!File.Exists(Program))
        {
            throw new InvalidOperationException("Debian's redis-server is missing; scripts/test.sh installs it.");
        }

        var port = LocalMachine.FreePort();
        var start = new ProcessStartInfo(Program) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in new[] { "--bind", "127.0.0.1", "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--save", "", "--appendonly", "no" })
        {
            start.ArgumentList.Add(argument);
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start redis-server.");
        var server = new RedisServer(process, port);
        var until = DateTime.UtcNow.AddSeconds(20);
        while (DateTime.UtcNow < until)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"redis-server exited: {await process.StandardOutput.ReadToEndAsync()}");
            }

            try
            {
                if (await server.CommandAsync("PING") == "+PONG")
                {
                    return server;
                }
            }
            catch (SocketException)
            {
                await Task.Delay(100);
            }
        }

        await server.DisposeAsync();
        throw new TimeoutException("redis-server did not answer within 20 seconds.");
    }

    /// <summary>The names of the channels that some client subscribes to.</summary>
    public async Task<IReadOnlyList<string>> SubscribedChannelsAsync()
    {
        // A RESP array: "*count", then "$length" and the name for each channel.
        var reply = await CommandAsync("PUBSUB CHANNELS");
        var lines = reply.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        return [.. lines.Skip(1).Where((_, i) => i % 2 == 1)];
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }

    /// <summary>Sends one inline command and returns the whole reply, trimmed.</summary>
    private async Task<string> CommandAsync(string command)
    {
        using var client = new TcpClient();
        await client.ConnectAsync(IPAddress.Loopback, Port);
        var stream = client.GetStream();
        await stream.WriteAsync(Encoding.ASCII.GetBytes(command + "\r\n"));
        var buffer = new byte[64 * 1024];
        var read = await stream.ReadAsync(buffer);
        // A reply larger than one read is not expected from PING or a handful of channel names.
        return Encoding.UTF8.GetString(buffer, 0, read).TrimEnd();
    }
}
