using Pulse.Grains.Mentions;
using Pulse.Sources.Jetstream;

namespace Pulse.Sources.Tests.Jetstream;

/// <summary>The connector's memory of matched posts: bounded by count and bytes, least recently used out first.</summary>
public sealed class MatchedPostsTests
{
    [Fact]
    public void A_post_is_found_by_its_at_uri_with_what_matching_needs()
    {
        var posts = new MatchedPosts(4, 1 << 20);
        posts.Add(Post("a") with { Author = "did:plc:a", Lang = "en" });

        Assert.True(posts.TryGet("at://a", out var a));
        Assert.Equal(("at://a", "text of a", "did:plc:a", "en"), (a.Id, a.Text, a.Author, a.Lang));
        Assert.False(posts.TryGet("at://b", out _));
    }

    [Fact]
    public void Past_the_capacity_the_least_recently_used_goes_first()
    {
        var posts = new MatchedPosts(3, 1 << 20);
        posts.Add(Post("a"));
        posts.Add(Post("b"));
        posts.Add(Post("c"));
        Assert.True(posts.TryGet("at://a", out _)); // a is engaged with: b is now the least recently used

        posts.Add(Post("d"));
        posts.Add(Post("e"));

        Assert.Equal(3, posts.Count);
        Assert.Equal([true, false, false, true, true], new[] { "a", "b", "c", "d", "e" }.Select(k => posts.TryGet("at://" + k, out _)));
    }

    [Fact]
    public void Many_posts_through_a_small_cache_keep_exactly_the_newest()
    {
        var posts = new MatchedPosts(100, 1 << 30);
        for (var i = 0; i < 10_000; i++)
        {
            posts.Add(Post(i.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        }

        Assert.Equal(100, posts.Count);
        Assert.True(posts.TryGet("at://9900", out _));
        Assert.True(posts.TryGet("at://9999", out _));
        Assert.False(posts.TryGet("at://9899", out _));
    }

    [Fact]
    public void The_byte_budget_bounds_posts_with_long_texts_and_one_over_it_is_not_held()
    {
        var posts = new MatchedPosts(1000, 20_000);
        for (var i = 0; i < 100; i++)
        {
            posts.Add(Post(i.ToString(System.Globalization.CultureInfo.InvariantCulture), new string('x', 3000)));
        }

        Assert.InRange(posts.Bytes, 1, 20_000);
        Assert.Equal(3, posts.Count); // ≈ 6.2 KB each
        Assert.True(posts.TryGet("at://99", out _));

        posts.Add(Post("huge", new string('x', 50_000)));
        Assert.False(posts.TryGet("at://huge", out _));
        Assert.True(posts.TryGet("at://99", out _));
    }

    [Fact]
    public void A_post_added_again_is_held_once()
    {
        var posts = new MatchedPosts(3, 1 << 20);
        posts.Add(Post("a"));
        var bytes = posts.Bytes;
        posts.Add(Post("a"));

        Assert.Equal((1, bytes), (posts.Count, posts.Bytes));
    }

    private static Mention Post(string key, string? text = null) => new("at://" + key, "bluesky", text ?? "text of " + key, DateTimeOffset.UnixEpoch);
}
