using Pulse.Analytics.Matching;

namespace Pulse.Analytics.Tests.Matching;

/// <summary>Terse brand construction and matching for specifications.</summary>
internal static class Brands
{
    public static BrandQuery WithKeywords(string id, params string[] keywords) => new(id, keywords, [], []);

    public static BrandQuery WithQuery(string id, string query) => new(id, [], [], [], query);

    public static List<string> Match(this BrandMatcher matcher, string text, string? author = null)
    {
        var matched = new List<string>();
        matcher.Match(text, author, matched);
        return matched;
    }

    public static bool Matches(BrandQuery brand, string text, string? author = null) =>
        new BrandMatcher([brand]).Match(text, author).Contains(brand.BrandId);
}
