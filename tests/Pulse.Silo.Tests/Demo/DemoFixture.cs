using Pulse.Silo.Demo;

namespace Pulse.Silo.Tests.Demo;

/// <summary>The shipped brand file and a scenario on a fixed clock, shared by the demo specifications.</summary>
internal static class DemoFixture
{
    public static readonly DateTimeOffset Start = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    public static readonly string[] GermanBrandIds = ["nordtakt", "alpenhof-milch", "kaffeehaus-berg"];

    public static IReadOnlyList<DemoBrand> Brands { get; } = DemoBrands.Load(BrandFilePath());

    public static DemoScenario Scenario(int seed = 7, Action<DemoOptions>? configure = null)
    {
        // Crisis timing in these specifications assumes a 20 s first delay (the shipped default waits out live detection's warm-up).
        var options = new DemoOptions { Seed = seed, FirstCrisisDelay = TimeSpan.FromSeconds(20) };
        configure?.Invoke(options);
        return new DemoScenario(Brands, options, Start);
    }

    public static DemoBrand Brand(string id) => Brands.Single(b => b.Id == id);

    /// <summary>What a post must contain for the matcher to find the brand: keyword (prefix without '*'), hashtag or handle.</summary>
    public static IEnumerable<string> Terms(DemoBrand brand) =>
        brand.Keywords.Select(k => k.TrimEnd('*')).Concat(brand.Hashtags).Concat(brand.Handles);

    public static bool ContainsWord(string text, string word) =>
        Tokens(text).Contains(word, StringComparer.OrdinalIgnoreCase);

    public static IEnumerable<string> Tokens(string text) =>
        text.Split([' ', ',', '.', ':', ';', '!', '?', '(', ')', '–', '"'], StringSplitOptions.RemoveEmptyEntries);

    public static double Median(IEnumerable<long> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[sorted.Length / 2 - 1] + sorted[sorted.Length / 2]) / 2.0;
    }

    // The build copies the file next to the silo; fall back to the source tree when run from elsewhere.
    private static string BrandFilePath()
    {
        if (File.Exists(DemoBrands.DefaultFilePath))
        {
            return DemoBrands.DefaultFilePath;
        }

        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "silo", "Demo", "demo-brands.json");
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new FileNotFoundException("demo-brands.json not found.");
    }
}
