using System.Net;
using System.Net.Sockets;

namespace PraTracker.Tests;

/// <summary>What the tests' own servers need from the machine: a free port on 127.0.0.1 and the repository they run from.</summary>
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

    /// <summary>Waits until something accepts connections on the port, or the process serving it exits.</summary>
    public static async Task<bool> WaitForListenerAsync(int port, System.Diagnostics.Process process, TimeSpan timeout)
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
}
