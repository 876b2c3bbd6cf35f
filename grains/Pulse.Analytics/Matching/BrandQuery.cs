namespace Pulse.Analytics.Matching;

/// <summary>
/// What counts as a mention of one brand: any keyword, hashtag or handle, or the boolean
/// <see cref="Query"/>, as long as no <see cref="Exclude"/> term occurs and the author is not excluded
/// (exclusions are how "Apple" stays clear of "apple pie").
/// Keywords match whole tokens; a keyword with several words is a phrase; a trailing '*' makes a prefix.
/// Hashtags and handles may be given with or without their '#' / '@'.
/// </summary>
public sealed record BrandQuery(
    string BrandId,
    IReadOnlyList<string> Keywords,
    IReadOnlyList<string> Hashtags,
    IReadOnlyList<string> Handles,
    string? Query = null,
    IReadOnlyList<string>? Exclude = null,
    IReadOnlyList<string>? ExcludeAuthors = null);
