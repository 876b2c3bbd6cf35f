using Pulse.Testing;
using Pulse.Testing.Jetstream;
using static Pulse.Sources.Tests.Jetstream.ConnectorRun;

namespace Pulse.Sources.Tests.Jetstream;

/// <summary>Likes, reposts, replies and quotes through the connector: engagement on matched posts only, as the post.</summary>
public sealed class JetstreamEngagementTests
{
    [Trait("Category", "Slow")]
    [Fact]
    public async Task Engagement_on_a_matched_post_is_delivered_as_that_posts_engagement_and_on_other_posts_dropped()
    {
        await using var server = new JetstreamTestServer(FreePort.Next());
        server.AddEvent(JetstreamFrames.Post(0, "acme launches today"));
        server.AddEvent(JetstreamFrames.Post(1, "nothing to see"));
        server.AddEvent(JetstreamFrames.LikeOf(2, JetstreamFrames.PostId(0)));
        server.AddEvent(JetstreamFrames.LikeOf(3, JetstreamFrames.PostId(1)));
        server.AddEvent(JetstreamFrames.RepostOf(4, JetstreamFrames.PostId(0)));
        server.AddEvent(JetstreamFrames.Quote(5, JetstreamFrames.PostId(0), withMedia: true, text: "look at this"));
        server.AddEvent(JetstreamFrames.Reply(6, JetstreamFrames.PostId(1), text: "meh"));
        server.AddEvent(JetstreamFrames.LikeOf(7, JetstreamFrames.PostId(0)).Replace("\"subject\"", "\"object\"", StringComparison.Ordinal));
        await server.StartAsync();
        await using var run = Start(server.Url, matches: m => m.Text.Contains("acme", StringComparison.Ordinal));
        await UntilAsync(() => run.Sink.ReceivedEvents >= 7, "every well-formed event");

        var engagement = run.Sink.Mentions.Where(m => m.EngagementOf is not null).ToList();
        Assert.Equal(
            [
                (JetstreamFrames.LikeId(2), 1L, 0L, 0L),
                (JetstreamFrames.RepostId(4), 0L, 1L, 0L),
                (JetstreamFrames.PostId(5) + "#quote", 0L, 1L, 0L),
            ],
            engagement.Select(m => (m.Id, m.Likes, m.Shares, m.Comments)));
        Assert.All(engagement, m => Assert.Equal(JetstreamFrames.PostId(0), m.EngagementOf));
        Assert.All(engagement, m => Assert.Equal(("acme launches today", JetstreamFrames.Did(0), "bluesky"), (m.Text, m.Author, m.Channel)));
        Assert.Equal(DateTimeOffset.UnixEpoch.AddTicks(JetstreamFrames.TimeOf(2) * 10), engagement[0].Timestamp); // the like's own time
        Assert.Equal(4, run.Sink.Mentions.Count(m => m.EngagementOf is null)); // posts 0 and 1, the quote and the reply
        Assert.Equal(7, run.Sink.ReceivedEvents);
        Assert.Equal(1, run.Sink.SkippedByReason["malformed event"]);
    }
}
