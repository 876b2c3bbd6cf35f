using Microsoft.Extensions.Logging.Abstractions;
using Pulse.Sources.Connecting;
using Pulse.Sources.Mastodon;

namespace Pulse.Sources.Tests.Mastodon;

/// <summary>A <see cref="MastodonConnector"/> running against a <see cref="FakeMastodon"/> until disposed.</summary>
internal sealed class ConnectorRun : IAsyncDisposable
{
    /// <summary>Short waits so that reconnects happen within a test's time; the logic is the production one.</summary>
    public static readonly MastodonOptions FastOptions = new()
    {
        InitialBackoff = TimeSpan.FromMilliseconds(50),
        MaxBackoff = TimeSpan.FromMilliseconds(500),
        IdleTimeout = TimeSpan.FromSeconds(5),
        PageSize = 4, // several pages per back-fill
    };

    private readonly HttpClient _http = new(new SocketsHttpHandler { UseProxy = false });
    private readonly CancellationTokenSource _stop = new();

    private ConnectorRun(SourceDefinition source, string? cursor, MastodonOptions options)
    {
        var connector = new MastodonConnector(_http, TimeProvider.System, NullLogger<MastodonConnector>.Instance, options);
        Task = Task.Run(() => connector.RunAsync(source, cursor, Sink, _stop.Token));
    }

    public RecordingSink Sink { get; } = new();

    public Task Task { get; }

    public static SourceDefinition Source(FakeMastodon server, string stream = "public", string? hashtag = null, string? token = FakeMastodon.Token) => new()
    {
        Id = "masto-test",
        Kind = SourceKind.Mastodon,
        Url = server.Url,
        Channel = "mastodon",
        Token = token,
        Stream = stream,
        Hashtag = hashtag,
    };

    public static ConnectorRun Start(SourceDefinition source, string? cursor = null, MastodonOptions? options = null) =>
        new(source, cursor, options ?? FastOptions);

    public async Task WaitLiveAsync(int times = 1)
    {
        var states = await Pulse.Testing.Eventually.GetAsync(
            () => Task.FromResult(Sink.States),
            s => s.Count(x => x == SourceState.Live) >= times,
            TimeSpan.FromSeconds(10));
        Assert.True(states.Count(x => x == SourceState.Live) >= times, $"states: {string.Join(", ", states)}; last error: {Sink.LastError}");
    }

    public async Task<IReadOnlyList<Pulse.Grains.Mentions.Mention>> WaitMentionsAsync(int count)
    {
        var mentions = await Pulse.Testing.Eventually.GetAsync(() => Task.FromResult(Sink.Mentions), m => m.Count >= count, TimeSpan.FromSeconds(10));
        Assert.True(mentions.Count >= count, $"{mentions.Count} of {count} mentions; states: {string.Join(", ", Sink.States)}; last error: {Sink.LastError}");
        return mentions;
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await Task.WaitAsync(TimeSpan.FromSeconds(10));
        _stop.Dispose();
        _http.Dispose();
    }
}
