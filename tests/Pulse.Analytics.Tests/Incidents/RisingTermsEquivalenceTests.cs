using Pulse.Analytics.Incidents;
using Pulse.Analytics.Matching;

namespace Pulse.Analytics.Tests.Incidents;

/// <summary>
/// The compact RisingTerms (UTF-8 names, one array of slots, its own index) against the implementation it replaced
/// (<see cref="ReferenceRisingTerms"/>): the same posts must give exactly the same terms, counts and lifts, evictions included.
/// The reference names terms by their folded form; the compact one as people wrote them, so terms are compared folded,
/// and words come capitalised or in capitals now and then (written forms replaced in place and as new entries).
/// </summary>
public sealed class RisingTermsEquivalenceTests
{
    private static readonly string[] Words =
    [
        "outage", "delivery", "refund", "lieferung", "kundenservice", "störung", "größe", "übel", "café", "naïve",
        "straße", "#ausfall", "#störung", "#refundnow", "@support", "😀", "emoji😀word", "東京駅", "привет", "support",
        "account", "battery", "screen", "ordinary", "weather", "stellwerk", "#nordtaktchaos", "this", "that", "ok",
    ];

    [Trait("Category", "Slow")]
    [Theory]
    [InlineData(16, 1)]
    [InlineData(16, 2)]
    [InlineData(128, 3)]
    [InlineData(128, 4)]
    public void Gives_exactly_the_results_of_the_implementation_it_replaced(int capacity, int seed)
    {
        var random = new Random(seed);
        var compact = new RisingTerms(capacity, TimeSpan.FromSeconds(30), TimeSpan.FromMinutes(15));
        var reference = new ReferenceRisingTerms(capacity, TimeSpan.FromSeconds(30), TimeSpan.FromMinutes(15));
        var t = new DateTimeOffset(2026, 11, 23, 12, 0, 0, TimeSpan.Zero);
        var compared = 0;
        var rising = 0;
        for (var post = 0; post < 20_000; post++)
        {
            // Mostly steady talk, bursts of new words, now and then a gap long enough to re-base the weights.
            t += random.Next(1000) == 0 ? TimeSpan.FromHours(1 + random.Next(30)) : TimeSpan.FromMilliseconds(random.Next(3000));
            var text = Text(random, burst: post % 3000 > 2700);
            compact.Observe(text, t);
            reference.Observe(text, t);
            if (post % 97 == 0)
            {
                var at = t + TimeSpan.FromSeconds(random.Next(120));
                var expected = reference.Top(50, at);
                Assert.Equal(expected, [.. compact.Top(50, at).Select(r => r with { Term = TextNormalizer.Normalize(r.Term) })]);
                rising += expected.Count > 0 ? 1 : 0;
                Assert.Equal(reference.Count, compact.Count);
                compared++;
            }
        }

        // Not vacuous: many comparisons, a good share of them with terms rising.
        Assert.True(compared > 200 && rising > 10, $"{compared} compared, {rising} with rising terms");
    }

    private static string Text(Random random, bool burst)
    {
        var words = new List<string>();
        for (var i = 2 + random.Next(25); i > 0; i--)
        {
            var word = burst && random.Next(3) == 0 ? "#crisis" + random.Next(3)
                : random.Next(4) == 0 ? $"word{random.Next(400)}"
                : Words[random.Next(Words.Length)];
            words.Add(random.Next(6) switch
            {
                0 => word.ToUpperInvariant(),
                1 => string.Concat(word[..1].ToUpperInvariant(), word[1..]),
                _ => word,
            });
        }

        return string.Join(' ', words);
    }
}
