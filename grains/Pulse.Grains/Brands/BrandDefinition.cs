using Pulse.Analytics.Matching;

namespace Pulse.Grains.Brands;

/// <summary>
/// A monitored brand and its query: any keyword, hashtag, handle or the boolean <see cref="Query"/>
/// matches, unless an exclusion term occurs or the author is excluded.
/// </summary>
[GenerateSerializer, Immutable]
public sealed record BrandDefinition(
    [property: Id(0)] string Id,
    [property: Id(1)] string Name,
    [property: Id(2)] string[] Keywords,
    [property: Id(3)] string[] Hashtags,
    [property: Id(4)] string[] Handles,
    [property: Id(5)] string? Query = null,
    [property: Id(6)] string[]? Exclude = null,
    [property: Id(7)] string[]? ExcludeAuthors = null)
{
    public BrandQuery ToQuery() =>
        new(Id, Keywords, Hashtags, Handles, Query, Exclude ?? [], ExcludeAuthors ?? []);
}
