namespace Pulse.Sources.Connecting;

/// <summary>
/// One configured source: where to listen and on which channel its mentions count. Validated at the edge (API and
/// configuration) before it gets here.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record SourceDefinition
{
    /// <summary>The operator's id for the source (URL-safe).</summary>
    [Id(0)]
    public required string Id { get; init; }

    [Id(1)]
    public required SourceKind Kind { get; init; }

    /// <summary>Jetstream: the subscribe endpoint (wss://…/subscribe). Mastodon: the instance (https://host). RSS: the feed.</summary>
    [Id(2)]
    public required Uri Url { get; init; }

    /// <summary>The channel its mentions count on (bluesky, mastodon, news, reviews, …).</summary>
    [Id(3)]
    public required string Channel { get; init; }

    /// <summary>RSS: seconds between polls (at least 1).</summary>
    [Id(4)]
    public int PollSeconds { get; init; } = 300;

    /// <summary>Mastodon: the bearer token. Write-only at the API: never returned.</summary>
    [Id(5)]
    public string? Token { get; init; }

    /// <summary>Mastodon: <c>public</c>, <c>public:local</c> or <c>hashtag</c> (with <see cref="Hashtag"/>).</summary>
    [Id(6)]
    public string? Stream { get; init; }

    /// <summary>Mastodon: the tag of a <c>hashtag</c> stream, without '#'.</summary>
    [Id(7)]
    public string? Hashtag { get; init; }
}
