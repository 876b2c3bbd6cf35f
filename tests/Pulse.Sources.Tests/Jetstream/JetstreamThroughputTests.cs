using System.Diagnostics;
using Pulse.Sources.Connecting;
using Pulse.Testing;
using Pulse.Testing.Jetstream;
using Xunit.Abstractions;
using static Pulse.Sources.Tests.Jetstream.ConnectorRun;

namespace Pulse.Sources.Tests.Jetstream;

/// <summary>
/// How many events a second one source gets through frame reading, parsing and batching into a sink, over loopback.
/// The figure is written to the test output; only correctness is asserted (the machine is shared).
/// </summary>
public sealed class JetstreamThroughputTests(ITestOutputHelper output)
{
    [Trait("Category", "Slow")]
    [Fact]
    public async Task Streams_200k_generated_posts_into_the_sink_and_reports_events_per_second()
    {
        const int posts = 200_000;
        await using var server = new JetstreamTestServer(FreePort.Next());
        for (var i = 0; i < posts; i++)
        {
            server.AddEvent(JetstreamFrames.Post(i));
        }

        await server.StartAsync();
        var sink = new CountingSink();
        var connector = new Pulse.Sources.Jetstream.JetstreamConnector(
            TimeProvider.System, Microsoft.Extensions.Logging.Abstractions.NullLogger<Pulse.Sources.Jetstream.JetstreamConnector>.Instance, FastOptions);
        var source = new SourceDefinition { Id = "bsky-bench", Kind = SourceKind.Jetstream, Url = server.Url, Channel = "bluesky" };
        using var stop = new CancellationTokenSource();
        var allocatedBefore = GC.GetTotalAllocatedBytes(precise: false);
        var clock = Stopwatch.StartNew();
        var run = Task.Run(() => connector.RunAsync(source, null, sink, stop.Token));
        await UntilAsync(() => Volatile.Read(ref sink.Mentions) >= posts, "all generated posts", seconds: 60);
        clock.Stop();
        var allocated = GC.GetTotalAllocatedBytes(precise: false) - allocatedBefore;
        await stop.CancelAsync();
        await run.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(posts, sink.Mentions);
        Assert.Equal(posts, sink.ReceivedEvents);
        Assert.Equal(posts, sink.DistinctIds);
        output.WriteLine(
            $"{posts} post frames in {clock.Elapsed.TotalSeconds:0.00} s: {posts / clock.Elapsed.TotalSeconds:0} events/s "
            + $"(connect included; server and connector share the process: ~{allocated / posts} bytes allocated per event, both sides)");
    }

    /// <summary>Counts without keeping the mentions, so the figure is the connector's, not a list's.</summary>
    private sealed class CountingSink : ISourceSink
    {
        private readonly HashSet<string> _ids = [];
        public int Mentions;
        public int ReceivedEvents;

        public int DistinctIds => _ids.Count;

        public ValueTask<Grains.Mentions.IngestOutcome> AcceptAsync(IReadOnlyList<Grains.Mentions.Mention> mentions, string? cursor, CancellationToken cancellationToken)
        {
            foreach (var m in mentions)
            {
                _ids.Add(m.Id);
            }

            Interlocked.Add(ref Mentions, mentions.Count);
            return ValueTask.FromResult(new Grains.Mentions.IngestOutcome(mentions.Count, []));
        }

        public void Received(int events, DateTimeOffset? newestEventAt) => Interlocked.Add(ref ReceivedEvents, events);

        public void Skipped(int events, string reason)
        {
        }

        public void StateChanged(SourceState state, string? problem = null)
        {
        }
    }
}
