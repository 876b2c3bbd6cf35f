namespace Pulse.Grains.Mentions;

/// <summary>One post as ingested: validated, not yet matched or scored. Text is untrusted.</summary>
/// <remarks>
/// With <see cref="EngagementOf"/> set it is no post but engagement on one (a like, a repost, a quote or a reply that
/// arrived as its own event): its id is the engagement's own (so replays de-duplicate), its time is when it happened,
/// its likes, shares and comments are what it adds, and its text and author are the engaged post's, so brand matching
/// routes it to exactly the brands that post names. It adds to the windows' engagement and counts as no mention.
/// </remarks>
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
    [property: Id(11)] string? Brand = null,
    [property: Id(12)] string? EngagementOf = null);
