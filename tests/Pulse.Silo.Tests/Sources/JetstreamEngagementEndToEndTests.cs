using System.Net.Http.Json;
using System.Text.Json;
using Pulse.Silo.Tests.Functional;
using Pulse.Testing;
using Pulse.Testing.Jetstream;

namespace Pulse.Silo.Tests.Sources;

/// <summary>
/// Likes and reposts from a local Jetstream server, through a jetstream source made over the API, the real connector and
/// the embedded silo, to a brand's (brand, bluesky) channel: engagement on the matched post only, each once.
/// </summary>
public sealed class JetstreamEngagementEndToEndTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    [Trait("Category", "Slow")]
    [Fact]
    public async Task Likes_and_reposts_of_a_matched_post_raise_its_channels_engagement_once_and_not_its_count()
    {
        await using var jetstream = new JetstreamTestServer(FreePort.Next());
        var startUs = JetstreamFrames.TimeUs(DateTimeOffset.UtcNow.AddSeconds(-3)); // the stats read the last hour of event time
        long At(int i) => startUs + (i * 10_000L);
        jetstream.AddEvent(JetstreamFrames.Post(0, "Vorpelix opens its new store", At(0)));
        jetstream.AddEvent(JetstreamFrames.Post(1, "nothing about any brand", At(1)));
        jetstream.AddEvent(JetstreamFrames.LikeOf(2, JetstreamFrames.PostId(0), At(2)));
        jetstream.AddEvent(JetstreamFrames.RepostOf(3, JetstreamFrames.PostId(0), At(3)));
        jetstream.AddEvent(JetstreamFrames.LikeOf(4, JetstreamFrames.PostId(1), At(4)));

        // The first connection drops before the last frame: the reconnect asks from the cursor minus its 5 s margin, so
        // the like and the repost come again.
        jetstream.DropNextConnectionAfter(4);
        await jetstream.StartAsync();

        await using var host = await RunningHost.StartAsync(
            [$"--silo-port={FreePort.Next()}", $"--gateway-port={FreePort.Next()}", "--Pulse:Outbound:AllowPrivateNetworks=true"]); // the test Jetstream is on 127.0.0.1
        (await host.Http.PutAsJsonAsync("/api/brands/vorpelix", new { name = "Vorpelix", keywords = new[] { "vorpelix" } })).EnsureSuccessStatusCode();
        (await host.Http.PutAsJsonAsync("/api/sources/bsky-engage", new { kind = "jetstream", url = jetstream.Url.ToString() })).EnsureSuccessStatusCode();

        var status = await Eventually.GetAsync(() => StatusAsync(host), s => s.ValueKind == JsonValueKind.Object && s.GetProperty("received").GetInt64() >= 5, Patience);
        Assert.Equal(5, status.GetProperty("received").GetInt64()); // the replayed overlap is not received twice
        Assert.Equal(3, status.GetProperty("accepted").GetInt64()); // the post, its like and its repost
        Assert.True(jetstream.CursorsAsked.Count >= 2, "the source reconnected");
        Assert.True(jetstream.FramesSent > 5, $"the reconnect replayed frames (sent {jetstream.FramesSent})");

        var bluesky = await Eventually.GetAsync(() => BlueskyAsync(host), c => c.Likes >= 1 && c.Shares >= 1, Patience);
        await Task.Delay(TimeSpan.FromSeconds(1)); // give a wrongly double-counted like time to show up
        bluesky = await BlueskyAsync(host);
        Assert.Equal((1L, 1L, 1L, 0L), bluesky);

        // The unmatched post's like changed nothing anywhere: no other channel of the brand has anything.
        using var stats = JsonDocument.Parse(await host.Http.GetStringAsync("/api/brands/vorpelix/stats?window=1h"));
        var total = stats.RootElement.GetProperty("total");
        Assert.Equal((1L, 1L, 1L), (total.GetProperty("count").GetInt64(), total.GetProperty("likes").GetInt64(), total.GetProperty("shares").GetInt64()));
    }

    private static async Task<JsonElement> StatusAsync(RunningHost host)
    {
        var response = await host.Http.GetAsync("/api/sources/bsky-engage");
        return response.IsSuccessStatusCode ? await response.Content.ReadFromJsonAsync<JsonElement>() : default;
    }

    private static async Task<(long Count, long Likes, long Shares, long Comments)> BlueskyAsync(RunningHost host)
    {
        using var stats = JsonDocument.Parse(await host.Http.GetStringAsync("/api/brands/vorpelix/stats?window=1h"));
        foreach (var channel in stats.RootElement.GetProperty("channels").EnumerateArray())
        {
            if (channel.GetProperty("channel").GetString() == "bluesky")
            {
                return (channel.GetProperty("count").GetInt64(), channel.GetProperty("likes").GetInt64(),
                    channel.GetProperty("shares").GetInt64(), channel.GetProperty("comments").GetInt64());
            }
        }

        return default;
    }
}
