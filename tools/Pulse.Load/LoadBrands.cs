using System.Globalization;
using Pulse.Synthetic;

namespace Pulse.Load;

/// <summary>
/// Generates fictional brands: coined names ("Velamora", "Quaristrin") that no template word, author or other brand
/// contains, so every generated mention matches exactly one brand and counts once in the overview.
/// </summary>
internal static class LoadBrands
{
    /// <summary>Brands the probes mention and nothing else does, so a probe is never crowded out of a snapshot's latest list.</summary>
    public const int ProbeBrandCount = 3;

    private static readonly string[] Onsets = ["vel", "quar", "zen", "brix", "tor", "lum", "kav", "dra", "syl", "mor", "fen", "ost", "vir", "jal", "nox", "pra", "ruv", "tesk"];
    private static readonly string[] Middles = ["a", "o", "i", "e", "u", "ya", "eo", "ai"];
    private static readonly string[] Codas = ["mora", "strin", "lix", "vant", "dex", "nova", "quil", "thar", "zen", "brook", "wynn", "rion", "tek", "mund", "vara", "lund"];
    private static readonly string[] Suffixes = ["", "", "", " Motors", " Bank", " Mobile", " Energie", " Foods", " Air", " Versicherung", " Labs", " Reisen"];

    private static readonly string[] ProductsEn = ["the app", "the new subscription", "their delivery service", "the latest update", "customer support", "the premium plan", "the starter kit", "their online shop"];
    private static readonly string[] ProductsDe = ["die App", "das neue Abo", "den Lieferservice", "das letzte Update", "den Kundenservice", "den Premium-Tarif", "das Starterset", "den Onlineshop"];

    /// <summary>The traffic brands: deterministic for a seed, ids <c>load-0000</c>, <c>load-0001</c>, …</summary>
    public static LoadBrand[] Generate(int count, ulong seed)
    {
        var random = DemoRandom.For(seed, 0xB4A2D);
        var names = CoinedNames(ref random);
        var brands = new LoadBrand[count];
        for (var i = 0; i < count; i++)
        {
            // Past the coined names, a number keeps keywords unique (it is part of the one word).
            var keyword = i < names.Length ? names[i] : names[i % names.Length] + (i / names.Length).ToString(CultureInfo.InvariantCulture);
            var name = char.ToUpperInvariant(keyword[0]) + keyword[1..] + random.Pick(Suffixes);
            var language = random.Chance(0.35) ? DemoLanguages.German : DemoLanguages.English;
            brands[i] = new LoadBrand(string.Create(CultureInfo.InvariantCulture, $"load-{i:0000}"), name, keyword, language, random.Next(ProductsEn.Length));
        }

        return brands;
    }

    /// <summary>The probe brands; their keywords cannot collide with coined names (those never start with "pulse").</summary>
    public static LoadBrand[] Probes() =>
        [.. Enumerable.Range(0, ProbeBrandCount).Select(i => new LoadBrand(
            $"load-probe-{i}", $"Pulseprobe{i}", $"pulseprobe{i}", DemoLanguages.English, i))];

    public static string ProductName(LoadBrand brand, string language) =>
        (language == DemoLanguages.German ? ProductsDe : ProductsEn)[brand.Product];

    private static string[] CoinedNames(ref DemoRandom random)
    {
        var names = (from onset in Onsets from middle in Middles from coda in Codas select onset + middle + coda).ToArray();
        for (var i = names.Length - 1; i > 0; i--)
        {
            var j = random.Next(i + 1);
            (names[i], names[j]) = (names[j], names[i]);
        }

        return names;
    }
}
