namespace Pulse.Sources.Connecting;

/// <summary>The networks Pulse listens to. Wire names (<c>jetstream</c>, <c>mastodon</c>, <c>rss</c>, <see cref="SourceWireNames"/>) exist only at the edges.</summary>
public enum SourceKind
{
    /// <summary>Bluesky's Jetstream: a WebSocket of JSON events, resumable by cursor.</summary>
    Jetstream,

    /// <summary>A Mastodon instance's streaming API (server-sent events) with REST back-fill after a reconnect.</summary>
    Mastodon,

    /// <summary>An RSS 2.0 or Atom feed, polled with conditional GET.</summary>
    Rss,
}
