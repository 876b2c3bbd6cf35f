using Pulse.Sources.Jetstream;

namespace Pulse.Sources.Tests.Jetstream;

/// <summary>The tagged cursor and what a resume asks for, without a network.</summary>
public sealed class JetstreamCursorTests
{
    [Theory]
    [InlineData("us:1725911162329308;host:jetstream2.us-east.bsky.network", 1725911162329308L, null, "jetstream2.us-east.bsky.network")]
    [InlineData("seq:12345;us:1725911162329308;host:127.0.0.1:9000", 1725911162329308L, 12345L, "127.0.0.1:9000")]
    [InlineData("1725911162329308", 1725911162329308L, null, null)]
    [InlineData("12345", null, 12345L, null)]
    [InlineData("us:1725911162329308;future:x", 1725911162329308L, null, null)]
    public void Parses_the_tagged_and_bare_forms(string text, long? timeUs, long? seq, string? host)
    {
        Assert.Equal(new JetstreamCursor(timeUs, seq, host), JetstreamCursor.Parse(text));
    }

    [Theory]
    [InlineData("")]
    [InlineData("us:soon")]
    [InlineData("seq:-1")]
    [InlineData("host:only")]
    [InlineData("nonsense")]
    public void Unreadable_cursors_are_null(string text) => Assert.Null(JetstreamCursor.Parse(text));

    [Fact]
    public void Formats_and_parses_back() =>
        Assert.Equal(
            "seq:7;us:1725911162329308;host:h:1",
            JetstreamCursor.Parse(new JetstreamCursor(1725911162329308, 7, "h:1").Format())!.Format());

    [Fact]
    public void Another_host_resumes_by_time_minus_the_margin_and_ignores_its_sequence()
    {
        var position = new ResumePosition("b", new JetstreamCursor(1725911162329308, 99, "a"), TimeSpan.FromSeconds(5), 16);

        Assert.Equal(1725911162329308 - 5_000_000, position.RequestCursor());
        Assert.False(position.IsDuplicate(new JetstreamEvent(1725911162329308, null, "k", null))); // no floor across hosts
    }

    [Fact]
    public void The_same_host_resumes_by_sequence_and_drops_what_was_applied()
    {
        var position = new ResumePosition("a", new JetstreamCursor(1725911162329308, 99, "a"), TimeSpan.FromSeconds(5), 16);

        Assert.Equal(99, position.RequestCursor());
        Assert.True(position.IsDuplicate(new JetstreamEvent(1725911162329308, 99, "k", null)));
        Assert.False(position.IsDuplicate(new JetstreamEvent(1725911162329309, 100, "k2", null)));
    }

    [Fact]
    public void No_cursor_starts_at_the_live_tip() =>
        Assert.Null(new ResumePosition("a", null, TimeSpan.FromSeconds(5), 16).RequestCursor());

    [Fact]
    public void The_subscribe_url_filters_posts_likes_and_reposts_and_carries_the_cursor() =>
        Assert.Equal(
            "wss://jetstream2.us-east.bsky.network/subscribe?wantedCollections=app.bsky.feed.post"
                + "&wantedCollections=app.bsky.feed.like&wantedCollections=app.bsky.feed.repost&cursor=42",
            JetstreamUrl.Subscribe(JetstreamOptions.DefaultEndpoint, 42).AbsoluteUri);
}
