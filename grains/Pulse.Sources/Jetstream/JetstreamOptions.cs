namespace Pulse.Sources.Jetstream;

/// <summary>Tuning for <see cref="JetstreamConnector"/>; the defaults suit the public firehose.</summary>
public sealed record JetstreamOptions
{
    /// <summary>Bluesky's public v1-wire endpoint, used when a source gives none of its own.</summary>
    public static readonly Uri DefaultEndpoint = new("wss://jetstream2.us-east.bsky.network/subscribe");

    /// <summary>
    /// Frames above this are read to their end and dropped: a post is a few KiB at most, so a bigger frame is a broken
    /// or hostile server, and buffering it would let one frame take memory from every source in the silo.
    /// </summary>
    public int MaxFrameBytes { get; init; } = 1024 * 1024;

    /// <summary>Events per <c>AcceptAsync</c> at most: big enough to amortise the sink's call, small enough to keep latency.</summary>
    public int BatchMaxEvents { get; init; } = 500;

    /// <summary>How long an event may wait in a part-filled batch: the stream's latency when it is quiet.</summary>
    public TimeSpan BatchMaxDelay { get; init; } = TimeSpan.FromMilliseconds(100);

    /// <summary>
    /// How far before the saved time a reconnect asks to start: live events arrive a few ms out of time order and a
    /// different instance witnesses them at slightly different times, so the overlap is replayed and de-duplicated.
    /// </summary>
    public TimeSpan ResumeMargin { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>The first wait after a failure; doubles per failed attempt, with jitter, up to <see cref="BackoffMax"/>.</summary>
    public TimeSpan BackoffInitial { get; init; } = TimeSpan.FromSeconds(1);

    public TimeSpan BackoffMax { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>A server that takes the TCP connection but never answers the upgrade must not hold the source forever.</summary>
    public TimeSpan ConnectTimeout { get; init; } = TimeSpan.FromSeconds(15);

    /// <summary>
    /// WebSocket ping interval and pong timeout: a half-open connection (NAT dropped, server wedged) otherwise looks
    /// like a quiet stream until TCP gives up minutes later.
    /// </summary>
    public TimeSpan KeepAlive { get; init; } = TimeSpan.FromSeconds(20);

    /// <summary>
    /// How many recently accepted event keys are remembered, so the replayed overlap after a reconnect is not delivered
    /// or counted again. 64 Ki keys cover the 5 s margin many times over at the firehose's post rate.
    /// </summary>
    public int RecentKeyCapacity { get; init; } = 65_536;

    /// <summary>
    /// How many matched posts are remembered so that likes, reposts, replies and quotes on them count as their engagement
    /// (least recently engaged with goes first). 16 Ki is about 15 minutes of matched posts at 18 a second: a broad brand
    /// set matching a tenth of a busy firehose. About 0.6 KB a post (id, text, author DID): ≈ 10 MB when full.
    /// </summary>
    public int MatchedPostCapacity { get; init; } = 16_384;

    /// <summary>
    /// The most the matched posts may hold, estimated from their strings: the count bounds them in practice; this keeps a
    /// server sending huge texts or ids from making one source hold more.
    /// </summary>
    public long MatchedPostMaxBytes { get; init; } = 16L * 1024 * 1024;
}
