using System.Text;
using Pulse.Grains.Mentions;
using Pulse.Silo.Ingest.Redis;
using Pulse.Silo.Ingest;
using StackExchange.Redis;

namespace Pulse.Silo.Tests.Cluster;

public sealed class MentionStreamCodecTests
{
    private static readonly DateTimeOffset Now = new(2025, 3, 1, 12, 0, 0, TimeSpan.Zero);

    private readonly MentionStreamCodec _codec = new(new MentionBatchParser(new IngestOptions()), new FixedTime(Now));

    [Fact]
    public void Every_mention_field_survives_the_round_trip()
    {
        var full = new Mention("m1", "x", "Ünïcode \"quoted\" <b>text</b>\nline 2 🚀", new DateTimeOffset(2025, 3, 1, 13, 4, 5, TimeSpan.FromHours(2)).AddTicks(1234567),
            Author: "ann", Lang: "de", Url: "https://example.org/p?a=1&b=2", Likes: 1, Shares: 2, Comments: 3, Reach: long.MaxValue, Brand: "acme");
        var bare = new Mention("m2", "reddit", "plain", new DateTimeOffset(2025, 3, 1, 11, 0, 0, TimeSpan.Zero));
        var like = new Mention("at://did:plc:a/app.bsky.feed.like/3l", "bluesky", "the post's text", Now, Likes: 1, EngagementOf: "at://did:plc:b/app.bsky.feed.post/3p");

        var decoded = _codec.Decode(_codec.Encode([new MentionBatch([full, bare, like])]));

        Assert.Null(decoded.Error);
        var batch = Assert.IsType<MentionBatch>(Assert.Single(decoded.Events));
        Assert.Equal([full, bare, like], batch.Mentions);
        Assert.Equal(full.Timestamp.Offset, batch.Mentions[0].Timestamp.Offset);
    }

    [Fact]
    public void Several_batches_of_one_publish_become_one_entry()
    {
        var a = new Mention("a", "x", "one", Now);
        var b = new Mention("b", "x", "two", Now);

        var fields = _codec.Encode([new MentionBatch([a]), new MentionBatch([b])]);

        Assert.Equal(MentionStreamCodec.Field, Assert.Single(fields).Name);
        Assert.Equal([a, b], Assert.IsType<MentionBatch>(Assert.Single(_codec.Decode(fields).Events)).Mentions);
    }

    [Fact]
    public void A_single_object_is_accepted_like_the_HTTP_body()
    {
        var decoded = _codec.Decode(Entry("""{"id":"s1","channel":"X","text":"hello","timestamp":"2025-03-01T11:00:00Z"}"""));

        var mention = Assert.Single(Assert.IsType<MentionBatch>(Assert.Single(decoded.Events)).Mentions);
        Assert.Equal(new Mention("s1", "x", "hello", new DateTimeOffset(2025, 3, 1, 11, 0, 0, TimeSpan.Zero)), mention);
    }

    [Fact]
    public void Invalid_items_are_reported_while_the_valid_ones_are_delivered()
    {
        var decoded = _codec.Decode(Entry("""[{"id":"ok","channel":"x","text":"fine"},{"id":"bad","channel":"myspace","text":"nope"}]"""));

        Assert.Equal("ok", Assert.Single(Assert.IsType<MentionBatch>(Assert.Single(decoded.Events)).Mentions).Id);
        Assert.NotNull(decoded.Error);
        Assert.Contains("item 2 (id bad)", decoded.Error, StringComparison.Ordinal);
        Assert.Contains("Unknown channel 'myspace'", decoded.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Malformed_json_delivers_nothing_and_says_why()
    {
        var decoded = _codec.Decode(Entry("""[{"id":"a","channel":"x","text":"t"}, {nope"""));

        Assert.Empty(decoded.Events);
        Assert.False(string.IsNullOrEmpty(decoded.Error));
    }

    [Fact]
    public void An_entry_without_a_mentions_field_is_an_error()
    {
        var decoded = _codec.Decode([new NameValueEntry("body", "{}")]);

        Assert.Empty(decoded.Events);
        Assert.Equal("The entry has no 'mentions' field.", decoded.Error);
    }

    private static NameValueEntry[] Entry(string json) => [new NameValueEntry(MentionStreamCodec.Field, Encoding.UTF8.GetBytes(json))];

    private sealed class FixedTime(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }
}
