using Pulse.Analytics.Reports;

namespace Pulse.Analytics.Tests.Reports;

public sealed class RisingTermsBetweenTests
{
    [Fact]
    public void A_term_many_posts_took_up_rises_and_the_brand_name_in_every_post_does_not()
    {
        var terms = new RisingTermsBetween();
        for (var i = 0; i < 100; i++)
        {
            terms.Observe(i < 2 ? "Zugfix Stromausfall heute" : "Zugfix fährt pünktlich", baseline: true);
            terms.Observe(i < 50 ? (i % 2 == 0 ? "Zugfix #Stromausfall überall" : "Zugfix stromausfall schon wieder") : "Zugfix fährt pünktlich", baseline: false);
        }

        var top = terms.Top(10);

        Assert.Contains(top, t => t.Term == "#Stromausfall" || t.Term == "stromausfall");
        Assert.DoesNotContain(top, t => t.Term.Equals("Zugfix", StringComparison.OrdinalIgnoreCase));
        Assert.All(top, t => Assert.True(t.Z > 1.96 && t.Posts >= 3));
        Assert.Equal((100, 100), (terms.Posts, terms.BaselinePosts));
    }

    [Fact]
    public void A_few_posts_are_not_a_topic_and_a_big_rise_outranks_a_small_new_term()
    {
        var terms = new RisingTermsBetween();
        for (var i = 0; i < 1000; i++)
        {
            terms.Observe(i < 100 ? "rückruf angekündigt" : "alles ruhig hier", baseline: true);
            terms.Observe(i < 300 ? "rückruf angekündigt" : i < 310 ? "seltenwort ruhig" : i < 313 ? "dreimalwort ruhig" : i < 315 ? "zweimalwort ruhig" : "alles ruhig hier", baseline: false);
        }

        var top = terms.Top(10);

        Assert.Equal(["angekündigt", "rückruf"], top.Take(2).Select(t => t.Term).Order(StringComparer.Ordinal));
        Assert.Contains(top, t => t.Term == "seltenwort");
        // Three posts out of a thousand, from none, could be chance (z about 1.3); two are never a topic.
        Assert.DoesNotContain(top, t => t.Term == "dreimalwort");
        Assert.DoesNotContain(top, t => t.Term == "zweimalwort");
        Assert.True(top[0].Z > top.Single(t => t.Term == "seltenwort").Z);
    }

    [Fact]
    public void Each_term_counts_once_per_post_by_its_folded_form()
    {
        var terms = new RisingTermsBetween();
        for (var i = 0; i < 10; i++)
        {
            terms.Observe("Störung Stoerung STÖRUNG", baseline: false);
            terms.Observe("nothing", baseline: true);
        }

        var rise = Assert.Single(terms.Top(5));
        Assert.Equal(10, rise.Posts);
        Assert.Equal(0, rise.BaselinePosts);
    }
}
