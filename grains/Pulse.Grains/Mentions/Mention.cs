namespace Pulse.Grains.Mentions;

/// <summary>One post as ingested: validated, not yet matched or scored. Text is untrusted.</summary>
[GenerateSerializer, Immutable]
public sealed record Mention(
    [property: Id(0)] string Id,
    [property: Id(1)] string Channel,
    [property: Id(2)] string Text,
    [property: Id(3)] DateTimeOffset Timestamp,
    [property: Id(4)] string? Author = null,
    [property: Id(5)] string? Lang = null,
    [property: Id(6)] string? Url = null,
    [property: Id(7)] long Likes = 0,
    [property: Id(8)] long Shares = 0,
    [property: Id(9)] long Comments = 0,
    [property: Id(10)] long Reach = 0,
    [property: Id(11)] string? Brand = null);
