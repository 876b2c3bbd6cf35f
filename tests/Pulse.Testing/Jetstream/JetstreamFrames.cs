using System.Globalization;
using System.Text.Json;

namespace Pulse.Testing.Jetstream;

/// <summary>
/// Generated v1-wire frames for <see cref="JetstreamTestServer"/>: event <c>i</c> has a DID, record key and post id of
/// its own, and by default a time 1 ms after event <c>i - 1</c> (<see cref="TimeOf"/>); a test that counts over a
/// window of the wall clock passes times near now instead.
/// </summary>
public static class JetstreamFrames
{
    /// <summary>After the recorded capture's last event, so generated and recorded frames do not interleave.</summary>
    public const long GeneratedStartUs = 1_783_175_900_000_000;

    /// <summary>Events 1 ms apart, so a 5 s resume margin replays thousands of them.</summary>
    public static long TimeOf(int i) => GeneratedStartUs + (i * 1000L);

    /// <summary>Unix microseconds of <paramref name="at"/>, the unit of <c>time_us</c>.</summary>
    public static long TimeUs(DateTimeOffset at) => (at - DateTimeOffset.UnixEpoch).Ticks / TimeSpan.TicksPerMicrosecond;

    public static string Did(int i) => string.Create(CultureInfo.InvariantCulture, $"did:plc:gen{i % 997:D4}xyz");

    public static string Rkey(int i) => string.Create(CultureInfo.InvariantCulture, $"3kgen{i:D8}");

    /// <summary>The mention id the connector gives post <paramref name="i"/>.</summary>
    public static string PostId(int i) => $"at://{Did(i)}/app.bsky.feed.post/{Rkey(i)}";

    /// <summary>A post create; its time is <see cref="TimeOf"/>(i) unless <paramref name="timeUs"/> is given.</summary>
    public static string Post(int i, string? text = null, long? timeUs = null) => string.Create(
        CultureInfo.InvariantCulture,
        $$$"""{"did":"{{{Did(i)}}}","time_us":{{{timeUs ?? TimeOf(i)}}},"kind":"commit","commit":{"rev":"3lrev{{{i:D8}}}","operation":"create","collection":"app.bsky.feed.post","rkey":"{{{Rkey(i)}}}","record":{"$type":"app.bsky.feed.post","createdAt":"2026-07-04T14:38:08.420Z","langs":["en"],"text":{{{JsonSerializer.Serialize(text ?? $"generated post {i} about Pulse")}}}},"cid":"bafyreie36hv3vh74dqr7zvswes4ascrqfwd7nrr3tytck5ypyd5d2a5dge"}}""");

    public static string PostDelete(int i, int onto) => string.Create(
        CultureInfo.InvariantCulture,
        $$$"""{"did":"{{{Did(onto)}}}","time_us":{{{TimeOf(i)}}},"kind":"commit","commit":{"rev":"3ldel{{{i:D8}}}","operation":"delete","collection":"app.bsky.feed.post","rkey":"{{{Rkey(onto)}}}"}}""");

    public static string Like(int i) => string.Create(
        CultureInfo.InvariantCulture,
        $$$"""{"did":"{{{Did(i)}}}","time_us":{{{TimeOf(i)}}},"kind":"commit","commit":{"rev":"3llik{{{i:D8}}}","operation":"create","collection":"app.bsky.feed.like","rkey":"{{{Rkey(i)}}}","record":{"$type":"app.bsky.feed.like","createdAt":"2026-07-04T14:38:08.999Z","subject":{"cid":"bafy","uri":"at://did:plc:x/app.bsky.feed.post/3abc"}}""") + "}}";

    /// <summary>The id the connector gives the engagement of like <paramref name="i"/> (its record's at-uri).</summary>
    public static string LikeId(int i) => $"at://{Did(i)}/app.bsky.feed.like/{Rkey(i)}";

    /// <summary>The id the connector gives the engagement of repost <paramref name="i"/>.</summary>
    public static string RepostId(int i) => $"at://{Did(i)}/app.bsky.feed.repost/{Rkey(i)}";

    /// <summary>A like of the post at <paramref name="subject"/>, shaped as the recorded capture's likes.</summary>
    public static string LikeOf(int i, string subject, long? timeUs = null) => SubjectRecord(i, "app.bsky.feed.like", subject, timeUs);

    /// <summary>A repost of the post at <paramref name="subject"/>.</summary>
    public static string RepostOf(int i, string subject, long? timeUs = null) => SubjectRecord(i, "app.bsky.feed.repost", subject, timeUs);

    /// <summary>A post that replies to <paramref name="parent"/> (the thread's root is another post).</summary>
    public static string Reply(int i, string parent, string? text = null, long? timeUs = null) => PostWith(i,
        $$$"""
        "reply":{"root":{"cid":"bafyroot","uri":"at://did:plc:root/app.bsky.feed.post/3root"},"parent":{"cid":"bafyparent","uri":{{{JsonSerializer.Serialize(parent)}}}}}
        """, text, timeUs);

    /// <summary>A post that quotes <paramref name="quoted"/>: an <c>app.bsky.embed.record</c>, or with media a <c>recordWithMedia</c>.</summary>
    public static string Quote(int i, string quoted, bool withMedia = false, string? text = null, long? timeUs = null) => PostWith(i, withMedia
        ? $$$$"""
          "embed":{"$type":"app.bsky.embed.recordWithMedia","media":{"$type":"app.bsky.embed.images","images":[]},"record":{"$type":"app.bsky.embed.record","record":{"cid":"bafyq","uri":{{{{JsonSerializer.Serialize(quoted)}}}}}}}
          """
        : $$$"""
          "embed":{"record":{"cid":"bafyq","uri":{{{JsonSerializer.Serialize(quoted)}}}},"$type":"app.bsky.embed.record"}
          """, text, timeUs);

    private static string SubjectRecord(int i, string collection, string subject, long? timeUs) => string.Create(
        CultureInfo.InvariantCulture,
        $$$"""{"did":"{{{Did(i)}}}","time_us":{{{timeUs ?? TimeOf(i)}}},"kind":"commit","commit":{"rev":"3leng{{{i:D8}}}","operation":"create","collection":"{{{collection}}}","rkey":"{{{Rkey(i)}}}","record":{"$type":"{{{collection}}}","createdAt":"2026-07-04T14:38:08.999Z","subject":{"cid":"bafysubject","uri":{{{JsonSerializer.Serialize(subject)}}}}},"cid":"bafyreiguce4jh7kcbmof3pmcvasifqtw24b6isakj5ve5ga2b4z4alpc4i"}}""");

    private static string PostWith(int i, string field, string? text, long? timeUs) => string.Create(
        CultureInfo.InvariantCulture,
        $$$"""{"did":"{{{Did(i)}}}","time_us":{{{timeUs ?? TimeOf(i)}}},"kind":"commit","commit":{"rev":"3lrev{{{i:D8}}}","operation":"create","collection":"app.bsky.feed.post","rkey":"{{{Rkey(i)}}}","record":{"$type":"app.bsky.feed.post","createdAt":"2026-07-04T14:38:08.420Z","langs":["en"],{{{field.Trim()}}},"text":{{{JsonSerializer.Serialize(text ?? $"generated post {i} about Pulse")}}}},"cid":"bafyreie36hv3vh74dqr7zvswes4ascrqfwd7nrr3tytck5ypyd5d2a5dge"}}""");

    public static string Identity(int i) => string.Create(
        CultureInfo.InvariantCulture,
        $$$"""{"did":"{{{Did(i)}}}","time_us":{{{TimeOf(i)}}},"kind":"identity","identity":{"did":"{{{Did(i)}}}","seq":{{{i}}},"time":"2026-07-04T14:38:07.877Z"}}""");
}
