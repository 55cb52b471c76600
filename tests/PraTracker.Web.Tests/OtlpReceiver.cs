using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace PraTracker.Tests;

/// <summary>
/// A real OTLP/HTTP receiver on 127.0.0.1: it accepts protobuf exports posted to /v1/traces, /v1/metrics and /v1/logs,
/// answers each with an empty (successful) export response, and keeps what it was sent. An HttpListener rather than
/// Kestrel, so that the app's ASP.NET Core instrumentation, which listens to the whole process, does not trace it.
/// </summary>
public sealed class OtlpReceiver : IDisposable
{
    private readonly HttpListener _listener;
    private readonly ConcurrentQueue<(string Signal, byte[] Body)> _exports = new();

    private OtlpReceiver(HttpListener listener, string endpoint)
    {
        _listener = listener;
        Endpoint = endpoint;
        _ = ReceiveAsync();
    }

    /// <summary>The base address an exporter is pointed at; each signal posts to its own path below it.</summary>
    public string Endpoint { get; }

    public static OtlpReceiver Start()
    {
        var free = new TcpListener(IPAddress.Loopback, 0);
        free.Start();
        var port = ((IPEndPoint)free.LocalEndpoint).Port;
        free.Stop();
        var endpoint = $"http://127.0.0.1:{port}/";
        var listener = new HttpListener();
        listener.Prefixes.Add(endpoint);
        listener.Start();
        return new OtlpReceiver(listener, endpoint);
    }

    /// <summary>
    /// Waits until the exports of a signal ("traces", "metrics", "logs") received so far hold every one of the strings
    /// (OTLP's protobuf writes names, attribute keys and string values as plain UTF-8); returns those exports.
    /// </summary>
    public async Task<IReadOnlyList<byte[]>> ExportsAsync(string signal, params string[] holding)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (true)
        {
            var exports = _exports.Where(e => e.Signal == signal).Select(e => e.Body).ToList();
            var missing = holding.Where(text => !exports.Any(body => Holds(body, text))).ToList();
            if (missing.Count == 0)
            {
                return exports;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"No {signal} export held {string.Join(", ", missing)}; {exports.Count} {signal} exports arrived.");
            }

            await Task.Delay(100);
        }
    }

    public static bool Holds(byte[] export, string text) => export.AsSpan().IndexOf(Encoding.UTF8.GetBytes(text)) >= 0;

    public void Dispose() => _listener.Close();

    private async Task ReceiveAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException)
            {
                return; // closed
            }

            var path = context.Request.Url!.AbsolutePath;
            if (context.Request.HttpMethod == "POST" && path.StartsWith("/v1/", StringComparison.Ordinal))
            {
                using var body = new MemoryStream();
                await context.Request.InputStream.CopyToAsync(body);
                _exports.Enqueue((path["/v1/".Length..], body.ToArray()));
                context.Response.ContentType = "application/x-protobuf";
                context.Response.StatusCode = 200;
            }
            else
            {
                context.Response.StatusCode = 404;
            }

            context.Response.Close();
        }
    }
}
