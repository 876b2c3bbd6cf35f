namespace Pulse.Synthetic;

/// <summary>Plausible, made-up author handles and outlets.</summary>
public static class DemoAuthors
{
    private static readonly string[] GermanNames = ["jana", "tobi", "lena", "max", "sophie", "jonas", "marie", "lukas", "anke", "fritz", "mia", "paul"];
    private static readonly string[] EnglishNames = ["sarah", "mike", "emma", "josh", "olivia", "liam", "chloe", "dan", "ava", "noah", "kate", "sam"];
    private static readonly string[] Suffixes = ["", "_", ".", "_the_", "x"];
    private static readonly string[] Words = ["writes", "travels", "codes", "reviews", "daily", "online", "tech", "berlin", "hh", "london", "nyc"];
    private static readonly string[] GermanOutlets = ["Tagesblick", "Wirtschaftsecho", "Marktlupe", "Stadtfunk Online"];
    private static readonly string[] EnglishOutlets = ["Morning Ledger", "Daily Circuit", "Metro Wire", "The Commuter Post"];
    private static readonly string[] GermanInfluencers = ["pendlerpeter", "der_verbraucherblog", "techtante"];
    private static readonly string[] EnglishInfluencers = ["gadget_guru", "consumer_watchdog", "thebigscoop"];

    /// <summary>News posts come from outlets, blogs now and then; everything else from people.</summary>
    public static string Sample(ref DemoRandom random, string language, DemoChannel channel)
    {
        var german = language == DemoLanguages.German;
        var outletShare = channel.Style != DemoChannelStyle.Article ? 0 : channel.Name == "news" ? 1 : 0.3;
        if (random.Chance(outletShare))
        {
            return random.Pick(german ? GermanOutlets : EnglishOutlets);
        }

        var name = random.Pick(german ? GermanNames : EnglishNames);
        return random.Next(3) switch
        {
            0 => name + random.Next(100).ToString("00", System.Globalization.CultureInfo.InvariantCulture),
            1 => name + random.Pick(Suffixes) + random.Pick(Words),
            _ => name + "_" + (char)('a' + random.Next(26)),
        };
    }

    public static string SampleInfluencer(ref DemoRandom random, string language) =>
        random.Pick(language == DemoLanguages.German ? GermanInfluencers : EnglishInfluencers);
}
