namespace Pulse.Silo.Demo;

/// <summary>
/// One entry of <c>demo-brands.json</c>: how the matcher recognises a brand.
/// Keywords are whole-token phrases, a trailing <c>*</c> makes a prefix.
/// </summary>
public sealed record DemoBrand(
    string Id,
    string Name,
    IReadOnlyList<string> Keywords,
    IReadOnlyList<string> Hashtags,
    IReadOnlyList<string> Handles,
    string? Query,
    IReadOnlyList<string> Exclude,
    IReadOnlyList<string> ExcludeAuthors);
