using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace PraTracker.Tests;

/// <summary>A logger provider that keeps every log line with the properties of the scopes it was written in.</summary>
public sealed class RecordingLoggerProvider : ILoggerProvider, ISupportExternalScope
{
    private readonly ConcurrentQueue<RecordedLog> _logs = new();
    private IExternalScopeProvider _scopes = new LoggerExternalScopeProvider();

    public IReadOnlyCollection<RecordedLog> Logs => _logs;

    public ILogger CreateLogger(string categoryName) => new RecordingLogger(this, categoryName);

    public void SetScopeProvider(IExternalScopeProvider scopeProvider) => _scopes = scopeProvider;

    public void Dispose()
    {
    }

    private sealed class RecordingLogger(RecordingLoggerProvider provider, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => provider._scopes.Push(state);

        public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var scopes = new Dictionary<string, object?>();
            provider._scopes.ForEachScope(
                (scope, properties) =>
                {
                    if (scope is IEnumerable<KeyValuePair<string, object?>> pairs)
                    {
                        foreach (var (key, value) in pairs)
                        {
                            properties[key] = value;
                        }
                    }
                },
                scopes);
            provider._logs.Enqueue(new RecordedLog(category, formatter(state, exception), scopes));
        }
    }
}

/// <summary>One log line and the properties of the scopes around it.</summary>
public sealed record RecordedLog(string Category, string Message, IReadOnlyDictionary<string, object?> Scopes);
