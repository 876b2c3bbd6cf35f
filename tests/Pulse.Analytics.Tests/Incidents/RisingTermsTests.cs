using Pulse.Analytics.Incidents;

namespace Pulse.Analytics.Tests.Incidents;

public sealed class RisingTermsTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 23, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void A_hashtag_that_arrives_with_a_burst_is_the_top_rising_term_and_the_brand_name_is_not()
    {
        var terms = new RisingTerms(128, TimeSpan.FromSeconds(30), TimeSpan.FromMinutes(15));
        var t = Start;
        for (var i = 0; i < 600; i++, t = t.AddSeconds(1))
        {
            terms.Observe("Nordtakt train on time, lovely weather", t);
        }

        for (var i = 0; i < 60; i++, t = t.AddMilliseconds(250))
        {
            terms.Observe("Nordtakt Stellwerk down again #nordtaktchaos", t);
        }

        var top = terms.Top(5, t);

        Assert.Contains(top, r => r.Term == "#nordtaktchaos");
        Assert.Contains(top, r => r.Term == "stellwerk");
        Assert.DoesNotContain(top, r => r.Term == "nordtakt");
        Assert.True(top[0].Lift > 3, $"lift {top[0].Lift}");
    }

    [Fact]
    public void A_burst_on_a_fresh_channel_still_shows_its_terms()
    {
        var terms = new RisingTerms(128, TimeSpan.FromSeconds(30), TimeSpan.FromMinutes(15));
        var t = Start;
        for (var i = 0; i < 45 * 4; i++, t = t.AddMilliseconds(250))
        {
            terms.Observe("crisisbrand ordinary day", t);
        }

        for (var i = 0; i < 5 * 40; i++, t = t.AddMilliseconds(25))
        {
            terms.Observe("crisisbrand outage again #crisisbrandfail", t);
        }

        Assert.Equal("#crisisbrandfail", terms.Top(3, t).Select(r => r.Term).FirstOrDefault(r => r.StartsWith('#')));
    }

    [Fact]
    public void Nothing_rises_while_talk_stays_the_same()
    {
        var terms = new RisingTerms(128, TimeSpan.FromSeconds(30), TimeSpan.FromMinutes(15));
        var t = Start;
        for (var i = 0; i < 1200; i++, t = t.AddSeconds(1))
        {
            terms.Observe(i % 2 == 0 ? "coffee tastes great here" : "queue was slow today", t);
        }

        Assert.Empty(terms.Top(5, t));
    }

    [Fact]
    public void Stop_words_short_words_and_handles_are_not_terms()
    {
        var terms = new RisingTerms(128, TimeSpan.FromSeconds(30), TimeSpan.FromMinutes(15));
        for (var i = 0; i < 20; i++)
        {
            terms.Observe("this is not @someone but ok", Start.AddSeconds(i));
        }

        Assert.Equal(0, terms.Count);
    }

    [Fact]
    public void Memory_stays_bounded_by_the_capacity()
    {
        var terms = new RisingTerms(16, TimeSpan.FromSeconds(30), TimeSpan.FromMinutes(15));
        for (var i = 0; i < 500; i++)
        {
            terms.Observe($"word{i:D4}", Start.AddSeconds(i));
        }

        Assert.True(terms.Count <= 16);
    }

    [Fact]
    public void A_burst_after_a_day_of_steady_talk_still_rises_with_finite_counts()
    {
        // Long past the point where undamped forward-decay weights (2^(age / 30 s)) would overflow a double.
        var terms = new RisingTerms(128, TimeSpan.FromSeconds(30), TimeSpan.FromMinutes(15));
        var t = Start;
        for (var i = 0; i < 24 * 60; i++, t = t.AddMinutes(1))
        {
            terms.Observe("Nordtakt train on time, lovely weather", t);
        }

        for (var i = 0; i < 60; i++, t = t.AddMilliseconds(250))
        {
            terms.Observe("Nordtakt Stellwerk down again #nordtaktchaos", t);
        }

        var top = terms.Top(5, t);

        Assert.Contains(top, r => r.Term == "#nordtaktchaos");
        Assert.All(top, r => Assert.True(double.IsFinite(r.Recent) && double.IsFinite(r.Lift) && r.Recent <= 60, $"{r.Term}: {r.Recent} / {r.Lift}"));
    }

    [Fact]
    public void Terms_with_umlauts_and_other_scripts_come_back_exactly()
    {
        var terms = new RisingTerms(128, TimeSpan.FromSeconds(30), TimeSpan.FromMinutes(15));
        var t = Start;
        for (var i = 0; i < 300; i++, t = t.AddSeconds(2))
        {
            terms.Observe("ordinary weather report", t);
        }

        for (var i = 0; i < 40; i++, t = t.AddMilliseconds(250))
        {
            terms.Observe("Störung am Stellwerk #Großausfall 東京駅前 ΑΘΗΝΑ", t);
        }

        var top = terms.Top(10, t).Select(r => r.Term).ToHashSet();

        Assert.Superset(new HashSet<string> { "stoerung", "stellwerk", "#grossausfall", "東京駅前", "αθηνα" }, top);
    }

    [Fact]
    public void Evicted_terms_are_forgotten_and_new_ones_found_at_capacity()
    {
        // Far more distinct terms than slots, so names are evicted, their bytes compacted away and index entries shifted.
        var terms = new RisingTerms(8, TimeSpan.FromSeconds(30), TimeSpan.FromMinutes(15));
        var t = Start;
        for (var i = 0; i < 5_000; i++, t = t.AddMilliseconds(100))
        {
            terms.Observe($"term{i % 997:D4} steady", t);
        }

        for (var i = 0; i < 50; i++, t = t.AddMilliseconds(100))
        {
            terms.Observe("#latecomer steady", t);
        }

        Assert.Equal(8, terms.Count);
        Assert.Contains(terms.Top(8, t), r => r.Term == "#latecomer");
    }

    [Fact]
    public void A_capacity_beyond_the_name_index_is_refused() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new RisingTerms(TermNames.MaximumSlots + 1, TimeSpan.FromSeconds(30), TimeSpan.FromMinutes(15)));
}
