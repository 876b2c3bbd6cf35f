using System.Text;
using Pulse.Sources.Jetstream;
using Pulse.Testing.Jetstream;

namespace Pulse.Sources.Tests.Jetstream;

/// <summary>How the frame parser reads likes, reposts, replies and quotes: the post each points at, and its own id.</summary>
public sealed class EngagementFrameTests
{
    private const string Target = "at://did:plc:target/app.bsky.feed.post/3target";

    [Fact]
    public void A_like_points_at_its_subject_with_its_own_at_uri_as_id_and_makes_no_mention()
    {
        var e = Parse(JetstreamFrames.LikeOf(1, Target));

        Assert.Null(e.Mention);
        Assert.Equal(JetstreamFrames.LikeId(1), e.Key);
        Assert.Equal(new PostEngagement(JetstreamFrames.LikeId(1), Target, EngagementKind.Like), Assert.Single(e.Engagements!));
    }

    [Fact]
    public void A_repost_points_at_its_subject()
    {
        var e = Parse(JetstreamFrames.RepostOf(2, Target));

        Assert.Null(e.Mention);
        Assert.Equal(new PostEngagement(JetstreamFrames.RepostId(2), Target, EngagementKind.Repost), Assert.Single(e.Engagements!));
    }

    [Fact]
    public void A_recorded_like_with_a_via_is_read_as_a_like_of_its_subject()
    {
        // Verbatim from the recorded capture: a like made through a repost carries "via", which is not what it likes.
        const string Frame = """{"did":"did:plc:olddpd7kjwh4gmjw7llf2eej","time_us":1783175888108780,"kind":"commit","commit":{"rev":"3mptbypdwpm2h","operation":"create","collection":"app.bsky.feed.like","rkey":"3mptbypdnwe2h","record":{"$type":"app.bsky.feed.like","createdAt":"2026-07-04T14:38:07.020Z","subject":{"cid":"bafyreigfy566p2sv26cwbt2lnutyvdi45ws5lttliqjls25csbzvtj4uuy","uri":"at://did:plc:pmzxw77fwfa56xrn7un6muy5/app.bsky.feed.post/3mpqnk4o3xw2y"},"via":{"cid":"bafyreighi2k5q4ubunrf4azgwlukvetfdx4lxa5vwr7duif5vq6rk6bh5e","uri":"at://did:plc:z6rujpf4u56jfie7aqic2nfg/app.bsky.feed.repost/3mptbtxwtn32y"}},"cid":"bafyreif7ailwnxdiocm2ljt55icyigjp7ai6le427vc6osuhel7nf33cz4"}}""";

        var like = Assert.Single(Parse(Frame).Engagements!);

        Assert.Equal("at://did:plc:pmzxw77fwfa56xrn7un6muy5/app.bsky.feed.post/3mpqnk4o3xw2y", like.Subject);
        Assert.Equal("at://did:plc:olddpd7kjwh4gmjw7llf2eej/app.bsky.feed.like/3mptbypdnwe2h", like.Id);
    }

    [Fact]
    public void A_reply_is_a_post_of_its_own_and_a_comment_on_its_parent()
    {
        var e = Parse(JetstreamFrames.Reply(3, Target, text: "me too"));

        Assert.Equal(JetstreamFrames.PostId(3), e.Mention!.Id);
        Assert.Equal("me too", e.Mention.Text);
        Assert.Equal(new PostEngagement(JetstreamFrames.PostId(3) + "#reply", Target, EngagementKind.Reply), Assert.Single(e.Engagements!));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void A_quote_is_a_post_of_its_own_and_a_share_of_the_quoted_post(bool withMedia)
    {
        var e = Parse(JetstreamFrames.Quote(4, Target, withMedia));

        Assert.Equal(JetstreamFrames.PostId(4), e.Mention!.Id);
        Assert.Equal(new PostEngagement(JetstreamFrames.PostId(4) + "#quote", Target, EngagementKind.Quote), Assert.Single(e.Engagements!));
    }

    [Fact]
    public void A_quoting_reply_engages_with_both_posts()
    {
        var frame = JetstreamFrames.Reply(5, Target).Replace(
            "\"reply\":", "\"embed\":{\"$type\":\"app.bsky.embed.record\",\"record\":{\"uri\":\"at://did:plc:q/app.bsky.feed.post/3q\"}},\"reply\":",
            StringComparison.Ordinal);

        var kinds = Parse(frame).Engagements!.Select(x => (x.Kind, x.Subject)).ToArray();

        Assert.Equal([(EngagementKind.Reply, Target), (EngagementKind.Quote, "at://did:plc:q/app.bsky.feed.post/3q")], kinds);
    }

    [Fact]
    public void A_plain_post_and_one_with_an_image_or_link_embed_engage_with_nothing()
    {
        var withImages = JetstreamFrames.Post(6).Replace(
            "\"langs\":", "\"embed\":{\"$type\":\"app.bsky.embed.images\",\"images\":[{\"alt\":\"x\"}]},\"langs\":", StringComparison.Ordinal);

        Assert.Null(Parse(JetstreamFrames.Post(6)).Engagements);
        Assert.NotNull(Parse(withImages).Mention);
        Assert.Null(Parse(withImages).Engagements);
    }

    [Fact]
    public void Deleting_a_like_changes_nothing()
    {
        var frame = $$$"""{"did":"{{{JetstreamFrames.Did(7)}}}","time_us":{{{JetstreamFrames.TimeOf(7)}}},"kind":"commit","commit":{"rev":"3lx","operation":"delete","collection":"app.bsky.feed.like","rkey":"{{{JetstreamFrames.Rkey(7)}}}"}}""";

        var e = Parse(frame);

        Assert.Null(e.Mention);
        Assert.Null(e.Engagements);
    }

    [Theory]
    [InlineData("\"subject\":{\"cid\":\"bafysubject\",\"uri\":\"" + Target + "\"}", "\"subject\":{\"cid\":\"bafysubject\"}")] // no uri
    [InlineData("\"subject\":{\"cid\":\"bafysubject\",\"uri\":\"" + Target + "\"}", "\"subject\":\"" + Target + "\"")] // not a strong ref
    [InlineData("\"subject\":{\"cid\":\"bafysubject\",\"uri\":\"" + Target + "\"}", "\"subject\":{\"uri\":42}")] // uri not a string
    [InlineData("\"rkey\":\"3kgen00000008\"", "\"rkey\":\"a/b\"")] // an id we cannot build
    [InlineData("\"subject\":{\"cid\":\"bafysubject\",\"uri\":\"" + Target + "\"}}", "\"subject\":{\"cid\":\"bafysubject\",\"uri\":\"" + Target + "\"")] // truncated
    public void A_malformed_like_is_skipped(string part, string replacement)
    {
        var frame = JetstreamFrames.LikeOf(8, Target);
        Assert.Contains(part, frame, StringComparison.Ordinal);

        Assert.False(JetstreamFrameParser.TryParse(Encoding.UTF8.GetBytes(frame.Replace(part, replacement, StringComparison.Ordinal)), "bluesky", out _));
    }

    [Fact]
    public void A_reply_whose_parent_is_unreadable_is_still_a_post_without_engagement()
    {
        var frame = JetstreamFrames.Reply(9, Target).Replace("\"uri\":\"" + Target + "\"", "\"uri\":null", StringComparison.Ordinal);

        var e = Parse(frame);

        Assert.Equal(JetstreamFrames.PostId(9), e.Mention!.Id);
        Assert.Null(e.Engagements);
    }

    private static JetstreamEvent Parse(string frame)
    {
        Assert.True(JetstreamFrameParser.TryParse(Encoding.UTF8.GetBytes(frame), "bluesky", out var e), frame);
        return e;
    }
}
