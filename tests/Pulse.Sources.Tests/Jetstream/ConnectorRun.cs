using Microsoft.Extensions.Logging.Abstractions;
using Pulse.Sources.Connecting;
using Pulse.Sources.Jetstream;

namespace Pulse.Sources.Tests.Jetstream;

/// <summary>A connector running against a test server, with its sink; disposing cancels it and checks it stopped promptly.</summary>
internal sealed class ConnectorRun : IAsyncDisposable
{
    /// <summary>Short waits so reconnects happen within a test's time, same logic as production.</summary>
    public static readonly JetstreamOptions FastOptions = new()
    {
        BackoffInitial = TimeSpan.FromMilliseconds(50),
        BackoffMax = TimeSpan.FromMilliseconds(400),
        ConnectTimeout = TimeSpan.FromSeconds(1),
    };

    private readonly CancellationTokenSource _stop = new();

    private ConnectorRun(Uri url, string? cursor, JetstreamOptions? options, Func<Grains.Mentions.Mention, bool>? matches)
    {
        Sink = new RecordingSink(matches);
        var connector = new JetstreamConnector(TimeProvider.System, NullLogger<JetstreamConnector>.Instance, options ?? FastOptions);
        Source = new SourceDefinition { Id = "bsky-test", Kind = SourceKind.Jetstream, Url = url, Channel = "bluesky" };
        Task = Task.Run(() => connector.RunAsync(Source, cursor, Sink, _stop.Token));
    }

    public SourceDefinition Source { get; }

    public RecordingSink Sink { get; }

    public Task Task { get; }

    /// <summary>Runs the connector; ingest reports as matched the mentions <paramref name="matches"/> accepts (default: all).</summary>
    public static ConnectorRun Start(Uri url, string? cursor = null, JetstreamOptions? options = null, Func<Grains.Mentions.Mention, bool>? matches = null) =>
        new(url, cursor, options, matches);

    /// <summary>Cancels and returns how long the connector took to return.</summary>
    public async Task<TimeSpan> StopAsync()
    {
        var started = DateTime.UtcNow;
        await _stop.CancelAsync();
        await Task.WaitAsync(TimeSpan.FromSeconds(10));
        return DateTime.UtcNow - started;
    }

    public async ValueTask DisposeAsync()
    {
        if (!Task.IsCompleted)
        {
            await StopAsync();
        }

        _stop.Dispose();
    }

    /// <summary>Polls until <paramref name="condition"/> holds; fails with <paramref name="because"/> after the timeout.</summary>
    public static async Task UntilAsync(Func<bool> condition, string because, int seconds = 15)
    {
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, $"timed out waiting: {because}");
            await System.Threading.Tasks.Task.Delay(20);
        }
    }
}
