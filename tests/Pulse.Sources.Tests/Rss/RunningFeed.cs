using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Pulse.Sources.Connecting;
using Pulse.Sources.Rss;
using Xunit.Abstractions;

namespace Pulse.Sources.Tests.Rss;

/// <summary>An <see cref="RssConnector"/> running against one feed with a <see cref="RecordingSink"/>, until disposed.</summary>
internal sealed class RunningFeed : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly HttpClient _http;

    private RunningFeed(Uri url, string? cursor, ITestOutputHelper output, RssConnectorOptions? options, TimeSpan? httpTimeout, Func<RecordingSink, ISourceSink>? wrap)
    {
        _http = new HttpClient { Timeout = httpTimeout ?? TimeSpan.FromSeconds(5) };
        Source = new SourceDefinition { Id = "test-feed", Kind = SourceKind.Rss, Url = url, Channel = "news", PollSeconds = 1 };
        var connector = new RssConnector(_http, TimeProvider.System, new OutputLogger<RssConnector>(output), options);
        var sink = wrap?.Invoke(Sink) ?? Sink;
        Run = Task.Run(() => connector.RunAsync(Source, cursor, sink, _stop.Token));
    }

    public SourceDefinition Source { get; }

    public RecordingSink Sink { get; } = new();

    public Task Run { get; }

    /// <param name="wrap">Puts a sink between the connector and <see cref="Sink"/> (to make ingest fail, say).</param>
    public static RunningFeed Start(
        Uri url,
        ITestOutputHelper output,
        string? cursor = null,
        RssConnectorOptions? options = null,
        TimeSpan? httpTimeout = null,
        Func<RecordingSink, ISourceSink>? wrap = null) =>
        new(url, cursor, output, options, httpTimeout, wrap);

    /// <summary>Cancels and returns how long RunAsync took to return; fails if it threw.</summary>
    public async Task<TimeSpan> StopAsync()
    {
        var watch = Stopwatch.StartNew();
        await _stop.CancelAsync();
        await Run.WaitAsync(TimeSpan.FromSeconds(10));
        return watch.Elapsed;
    }

    public async ValueTask DisposeAsync()
    {
        if (!Run.IsCompleted)
        {
            await StopAsync();
        }

        _stop.Dispose();
        _http.Dispose();
    }
}

/// <summary>Waits on conditions instead of sleeping.</summary>
internal static class Wait
{
    public static async Task UntilAsync(Func<bool> condition, string what, double seconds = 10)
    {
        var deadline = Stopwatch.StartNew();
        while (!condition())
        {
            if (deadline.Elapsed.TotalSeconds > seconds)
            {
                Assert.Fail($"Timed out after {seconds} s waiting for: {what}");
            }

            await Task.Delay(20);
        }
    }
}

/// <summary>Connector logs in the test output, for when a test fails.</summary>
internal sealed class OutputLogger<T>(ITestOutputHelper output) : ILogger<T>
{
    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        try
        {
            output.WriteLine($"{DateTimeOffset.UtcNow:HH:mm:ss.fff} {logLevel}: {formatter(state, exception)}{(exception is null ? "" : $" [{exception.GetType().Name}: {exception.Message}]")}");
        }
        catch (InvalidOperationException)
        {
            // The test has finished; the connector may still log while it stops.
        }
    }
}
