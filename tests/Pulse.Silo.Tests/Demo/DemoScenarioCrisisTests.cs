using Pulse.Silo.Demo;
using static Pulse.Silo.Tests.Demo.DemoFixture;

namespace Pulse.Silo.Tests.Demo;

public class DemoScenarioCrisisTests
{
    // Test-side cues, independent of the templates' tone labels.
    private static readonly string[] NegativeCues =
    [
        "disaster", "furious", "unacceptable", "worst", "under fire", "anger",
        "katastrophe", "wütend", "inakzeptabel", "unzumutbar", "kritik", "ärger",
    ];

    [Fact]
    public void CrisesStartEveryIntervalAfterTheFirstDelayAndRotateThroughAllBrands()
    {
        var scenario = Scenario(configure: o => o.CrisisInterval = TimeSpan.FromMinutes(2));

        var crises = scenario.CrisesStartingIn(Start, Start + TimeSpan.FromMinutes(12));

        Assert.Equal(6, crises.Count);
        Assert.Equal(Enumerable.Range(0, 6).Select(i => Start + TimeSpan.FromSeconds(20) + TimeSpan.FromMinutes(2 * i)), crises.Select(c => c.Start));
        Assert.Equal(DemoFixture.Brands.Select(b => b.Id).Order(), crises.Select(c => c.BrandId).Order());
        Assert.All(crises, c => Assert.Equal(TimeSpan.FromSeconds(90), c.End - c.Start));
    }

    [Fact]
    public void CrisesStartingInARangeExcludeItsEnd()
    {
        var scenario = Scenario();
        var firstStart = Start + TimeSpan.FromSeconds(20);

        Assert.Empty(scenario.CrisesStartingIn(Start, firstStart));
        Assert.Single(scenario.CrisesStartingIn(firstStart, firstStart + TimeSpan.FromTicks(1)));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    public void CrisisBrandVolumeIsAtLeastFiveTimesItsQuietBaseline(int number)
    {
        var scenario = Scenario();
        var crisis = NthCrisis(scenario, number);
        var length = crisis.End - crisis.Start;
        var quietEnd = crisis.Start - TimeSpan.FromSeconds(30); // clear of the previous crisis' tail

        var during = scenario.GenerateTagged(crisis.Start, crisis.End).Count(m => m.BrandId == crisis.BrandId);
        var quiet = scenario.GenerateTagged(quietEnd - length, quietEnd).Count(m => m.BrandId == crisis.BrandId);

        Assert.True(during >= 5 * quiet, $"{crisis.BrandId}: {during} during vs {quiet} quiet");
    }

    [Fact]
    public void CrisisReachesFullVolumeWithinTenSeconds()
    {
        var scenario = Scenario();
        var crisis = NthCrisis(scenario, 0);
        int CountIn(TimeSpan from, TimeSpan to) =>
            scenario.GenerateTagged(crisis.Start + from, crisis.Start + to).Count(m => m.BrandId == crisis.BrandId);

        var firstSeconds = CountIn(TimeSpan.Zero, TimeSpan.FromSeconds(3));
        var afterRamp = CountIn(TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(13));
        var quiet = CountIn(TimeSpan.FromSeconds(-13), TimeSpan.FromSeconds(-10));

        Assert.True(afterRamp > 2 * firstSeconds, $"ramp {firstSeconds} -> {afterRamp}");
        Assert.True(afterRamp > 5 * quiet, $"quiet {quiet} -> {afterRamp}");
    }

    [Fact]
    public void CrisisPostsCarryTheCrisisHashtagOrACrisisTerm()
    {
        var scenario = Scenario();
        var crisis = NthCrisis(scenario, 2);
        var profile = DemoBrandProfiles.For(Brand(crisis.BrandId));
        var terms = profile.CrisisTermsEn.Concat(profile.CrisisTermsDe).Append(crisis.Hashtag).ToArray();

        var posts = CrisisPosts(scenario, crisis);

        Assert.True(posts.Count > 1_000, $"only {posts.Count} crisis posts");
        Assert.All(posts, m => Assert.Contains(terms, t => m.Mention.Text.Contains(t, StringComparison.OrdinalIgnoreCase)));
        Assert.True(posts.Count(m => m.Mention.Text.Contains(crisis.Hashtag, StringComparison.OrdinalIgnoreCase)) > posts.Count / 2);
    }

    [Fact]
    public void CrisisPostsAreMostlyNegativeWorded()
    {
        var scenario = Scenario();
        var crisis = NthCrisis(scenario, 1);

        var posts = CrisisPosts(scenario, crisis);
        var negative = posts.Count(m => NegativeCues.Any(c => m.Mention.Text.Contains(c, StringComparison.OrdinalIgnoreCase)));

        Assert.InRange(negative / (double)posts.Count, 0.6, 0.95);
    }

    [Fact]
    public void EachCrisisHasOneViralPostWithOutsizedEngagement()
    {
        var scenario = Scenario();
        var crisis = NthCrisis(scenario, 0);

        var mentions = scenario.GenerateTagged(crisis.Start, crisis.End);
        var viral = Assert.Single(mentions, m => m.Mention.Likes >= 100_000);
        var typical = Median(mentions.Where(m => m.BrandId == crisis.BrandId).Select(m => m.Mention.Likes));

        Assert.Equal(crisis.BrandId, viral.BrandId);
        Assert.Contains(crisis.Hashtag, viral.Mention.Text, StringComparison.OrdinalIgnoreCase);
        Assert.True(viral.Mention.Likes > 1_000 * Math.Max(1, typical), $"viral {viral.Mention.Likes} vs median {typical}");
        Assert.True(viral.Mention.Reach > 1_000_000);
    }

    [Fact]
    public void OtherBrandsStayNearTheirBaselineDuringACrisis()
    {
        var scenario = Scenario();
        var crisis = NthCrisis(scenario, 0);
        var other = DemoFixture.Brands.First(b => b.Id != crisis.BrandId).Id;
        var length = crisis.End - crisis.Start;

        var during = scenario.GenerateTagged(crisis.Start, crisis.End).Count(m => m.BrandId == other);
        var before = scenario.GenerateTagged(crisis.Start - length, crisis.Start).Count(m => m.BrandId == other);

        Assert.InRange(during / (double)before, 0.6, 1.6);
    }

    private static DemoCrisis NthCrisis(DemoScenario scenario, int number) =>
        scenario.CrisesStartingIn(Start, Start + TimeSpan.FromHours(1))[number];

    private static List<DemoGeneratedMention> CrisisPosts(DemoScenario scenario, DemoCrisis crisis) =>
        scenario.GenerateTagged(crisis.Start, crisis.End).Where(m => m.Kind == DemoMentionKind.Crisis).ToList();
}
