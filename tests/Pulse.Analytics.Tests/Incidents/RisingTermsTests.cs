using Pulse.Analytics.Incidents;
using Pulse.Analytics.Matching;

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
        Assert.Contains(top, r => r.Term == "Stellwerk");
        Assert.DoesNotContain(top, r => r.Term == "Nordtakt");
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
    public void Tokens_longer_than_any_term_are_not_terms()
    {
        var terms = new RisingTerms(128, TimeSpan.FromSeconds(30), TimeSpan.FromMinutes(15));
        terms.Observe($"{new string('a', RisingTerms.MaximumTermLength)} {new string('b', RisingTerms.MaximumTermLength + 1)}", Start);

        Assert.Equal(1, terms.Count);
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

        Assert.Superset(new HashSet<string> { "Störung", "Stellwerk", "#Großausfall", "東京駅前", "ΑΘΗΝΑ" }, top);
    }

    [Fact]
    public void A_term_is_shown_as_people_wrote_it_and_counted_with_its_folded_spellings()
    {
        var terms = Quiet();
        var t = Start.AddMinutes(10);
        for (var i = 0; i < 40; i++, t = t.AddMilliseconds(250))
        {
            // Three of four posts write it with the umlaut; the rest type it folded, as on a keyboard without one.
            terms.Observe(i % 4 == 3 ? "wieder stellwerksstoerung in Hamburg" : "Wieder Stellwerksstörung in Hamburg", t);
        }

        var rise = Assert.Single(terms.Top(10, t), r => TextNormalizer.Normalize(r.Term) == "stellwerksstoerung");

        Assert.Equal("Stellwerksstörung", rise.Term);
        Assert.InRange(rise.Recent, 30, 40); // one term carried by all 40 posts (decayed a little), not 30 and 10
        Assert.Contains(terms.Top(10, t), r => r.Term == "Hamburg");
    }

    [Fact]
    public void The_shown_form_follows_the_majority_of_posts_not_the_first()
    {
        var terms = Quiet();
        var t = Start.AddMinutes(10);
        terms.Observe("STELLWERKSSTÖRUNG!!! Bahn", t);
        for (var i = 0; i < 40; i++, t = t.AddMilliseconds(250))
        {
            terms.Observe(i % 3 == 0 ? "Stellwerksstörung again" : "stellwerksstörung again", t);
        }

        Assert.Contains(terms.Top(10, t), r => r.Term == "stellwerksstörung");
    }

    [Fact]
    public void A_settled_form_still_gives_way_when_people_write_the_term_differently_for_good()
    {
        // The first form leads by far more than the settled lead, so only a sample of posts votes for a while.
        var terms = Quiet();
        var t = Start.AddMinutes(10);
        for (var i = 0; i < 200; i++, t = t.AddMilliseconds(250))
        {
            terms.Observe("Stellwerk kaputt", t);
        }

        for (var i = 0; i < 300; i++, t = t.AddMilliseconds(250))
        {
            terms.Observe("STELLWERK kaputt", t);
        }

        Assert.Contains(terms.Top(10, t), r => r.Term == "STELLWERK");
    }

    [Fact]
    public void Written_forms_of_other_lengths_replace_each_other_without_losing_the_term()
    {
        // Forms of different byte lengths (ß, ss, SS) in random turns, among more filler words than slots: forms are
        // rewritten in place and as new entries while names are evicted and compacted. Then most posts write it one way.
        var terms = new RisingTerms(8, TimeSpan.FromSeconds(30), TimeSpan.FromMinutes(15));
        var random = new Random(5);
        var t = Start;
        for (var i = 0; i < 600; i++, t = t.AddSeconds(1))
        {
            terms.Observe("ordinary weather report", t);
        }

        string[] forms = ["Straße", "strasse", "STRASSE", "Strasse", "straße", "STRAẞE"];
        for (var i = 0; i < 300; i++, t = t.AddMilliseconds(100))
        {
            terms.Observe($"{forms[random.Next(forms.Length)]} filler{random.Next(30):D2} filler{random.Next(30):D2}", t);
        }

        for (var i = 0; i < 60; i++, t = t.AddMilliseconds(100))
        {
            terms.Observe($"STRASSE filler{random.Next(30):D2}", t);
        }

        Assert.True(terms.Count <= 8);
        var rise = Assert.Single(terms.Top(8, t), r => TextNormalizer.Normalize(r.Term) == "strasse");
        Assert.Equal("STRASSE", rise.Term);
    }

    // Ten minutes of steady talk, so that a burst afterwards rises.
    private static RisingTerms Quiet()
    {
        var terms = new RisingTerms(128, TimeSpan.FromSeconds(30), TimeSpan.FromMinutes(15));
        for (var i = 0; i < 600; i++)
        {
            terms.Observe("ordinary weather report", Start.AddSeconds(i));
        }

        return terms;
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
