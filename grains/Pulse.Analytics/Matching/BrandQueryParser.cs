namespace Pulse.Analytics.Matching;

/// <summary>
/// Parses and validates brand queries. Query language: terms, "quoted phrases", #hashtags, @handles,
/// prefix*, AND, OR, NOT (upper-case; "-term" also means NOT) and parentheses; terms side by side mean AND;
/// precedence NOT &gt; AND &gt; OR.
/// </summary>
public static class BrandQueryParser
{
    /// <exception cref="BrandQuerySyntaxException">The query is malformed; the message names the problem and position.</exception>
    public static QueryNode Parse(string query)
    {
        ArgumentNullException.ThrowIfNull(query);
        return QueryParser.Parse(query);
    }

    /// <summary>
    /// Every problem that stops <paramref name="brand"/> from being matched as intended, as sentences
    /// for the user; empty when the brand is valid. <see cref="BrandMatcher"/> refuses brands with problems.
    /// </summary>
    public static IReadOnlyList<string> Validate(BrandQuery brand)
    {
        ArgumentNullException.ThrowIfNull(brand);
        return BrandQueryValidator.Validate(brand);
    }
}
