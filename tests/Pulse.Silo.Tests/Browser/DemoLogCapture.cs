using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Pulse.Silo.Tests.Browser;

/// <summary>Keeps the demo's structured log events (event id and named values), so a test learns when its crisis starts.</summary>
internal sealed class DemoLogCapture : ILoggerProvider
{
    private readonly ConcurrentQueue<(int EventId, IReadOnlyDictionary<string, object?> Values)> _events = new();

    public IEnumerable<(int EventId, IReadOnlyDictionary<string, object?> Values)> Events => _events;

    public ILogger CreateLogger(string categoryName) => new Capture(this, categoryName.StartsWith("Pulse.Silo.Demo", StringComparison.Ordinal));

    public void Dispose()
    {
    }

    private sealed class Capture(DemoLogCapture owner, bool demo) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => demo;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (demo && state is IReadOnlyList<KeyValuePair<string, object?>> values)
            {
                owner._events.Enqueue((eventId.Id, values.ToDictionary(v => v.Key, v => v.Value)));
            }
        }
    }
}
