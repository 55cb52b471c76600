using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace PraTracker.Tests;

/// <summary>
/// What the tests' own servers need from the machine: a free port on 127.0.0.1, the repository they run from, and a
/// way to start one, see it listen and stop it.
/// </summary>
public static class LocalMachine
{
    /// <summary>A port nothing listens on: the kernel picks one when binding port 0.</summary>
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>The folder holding PraTracker.sln, found above the test assembly.</summary>
    public static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "PraTracker.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("PraTracker.sln not found above " + AppContext.BaseDirectory);
    }

    /// <summary>
    /// Starts a server and waits until it listens on the port. Both its pipes are drained so it never blocks on a full
    /// one. When it exits or does not listen in time it is stopped, and the exception holds what it wrote on stderr and
    /// whatever <paramref name="explain"/> adds, such as its log.
    /// </summary>
    public static async Task<Process> StartServerAsync(string name, ProcessStartInfo start, int port, TimeSpan timeout, Func<Task<string>>? explain = null)
    {
        start.RedirectStandardError = true;
        start.RedirectStandardOutput = true;
        start.UseShellExecute = false;
        var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {name}.");
        var errors = new StringBuilder();
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, line) =>
        {
            lock (errors)
            {
                errors.AppendLine(line.Data);
            }
        };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        if (await WaitForListenerAsync(port, process, timeout))
        {
            return process;
        }

        var exited = process.HasExited;
        await StopAsync(process);
        string why;
        lock (errors)
        {
            why = errors.ToString().TrimEnd();
        }

        why += explain is null ? "" : await explain();
        throw exited
            ? new InvalidOperationException($"{name} exited: {why}")
            : new TimeoutException($"{name} did not start listening within {timeout.TotalSeconds} seconds: {why}");
    }

    /// <summary>Stops a server started by <see cref="StartServerAsync"/>, with every process it started, and removes its folder.</summary>
    public static async Task StopServerAsync(Process process, string directory)
    {
        await StopAsync(process);
        try
        {
            Directory.Delete(directory, recursive: true);
        }
        catch (IOException)
        {
            // A temporary folder left behind is no failure.
        }
    }

    /// <summary>Waits until something accepts connections on the port, or the process serving it exits.</summary>
    public static async Task<bool> WaitForListenerAsync(int port, Process process, TimeSpan timeout)
    {
        var until = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < until && !process.HasExited)
        {
            try
            {
                using var probe = new TcpClient();
                await probe.ConnectAsync(IPAddress.Loopback, port);
                return true;
            }
            catch (SocketException)
            {
                await Task.Delay(100);
            }
        }

        return false;
    }

    private static async Task StopAsync(Process process)
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }

        process.Dispose();
    }
}
