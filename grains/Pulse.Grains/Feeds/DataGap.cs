namespace Pulse.Grains.Feeds;

/// <summary>
/// An ingestion outage: one or more channels' feeds stopped (no mentions at all, of any brand) while they were expected.
/// One signal for the whole outage, not a drop alert per brand. Open while <see cref="EndedAt"/> is null, that is until
/// every channel in it delivers again. Ids are "gap:" and the start in Unix milliseconds.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record DataGap(
    [property: Id(0)] string Id,
    [property: Id(1)] DataGapChannel[] Channels,
    [property: Id(2)] DateTimeOffset StartedAt,
    [property: Id(3)] DateTimeOffset UpdatedAt,
    [property: Id(4)] DateTimeOffset? EndedAt,
    [property: Id(5)] string Message);

/// <summary>One channel of a data gap: silent since when, the rate it had before (mentions a minute), and when it came back.</summary>
[GenerateSerializer, Immutable]
public sealed record DataGapChannel(
    [property: Id(0)] string Channel,
    [property: Id(1)] DateTimeOffset SilentSince,
    [property: Id(2)] double ExpectedPerMinute,
    [property: Id(3)] DateTimeOffset? ResumedAt);
