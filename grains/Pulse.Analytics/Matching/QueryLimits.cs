namespace Pulse.Analytics.Matching;

/// <summary>
/// Bounds on one brand query, checked before and while it is parsed. Each is far above any boolean query a person
/// writes and far below what costs anything: together they bound every walk over the parsed tree (its height is at
/// most <see cref="MaxTerms"/> + <see cref="MaxDepth"/>), so parsing, validation, compilation and matching never
/// recurse deeper than a few hundred frames, whatever the input.
/// </summary>
public static class QueryLimits
{
    /// <summary>4 KB: room for a long list of spelled-out names and phrases; more is data, not a query.</summary>
    public const int MaxLength = 4096;

    /// <summary>Each '(' and each NOT or '-' opens a level; people nest two or three, and the parser recurses per level.</summary>
    public const int MaxDepth = 32;

    /// <summary>Terms (words, phrases, tags, handles, prefixes) in one query; every term is an entry in the matcher's index.</summary>
    public const int MaxTerms = 256;
}
