using static Pulse.Silo.Tests.Demo.DemoFixture;

namespace Pulse.Silo.Tests.Demo;

public class DemoScenarioVolumeTests
{
    [Fact]
    public void DefaultVolumeOverAFullCrisisCycleIsBetween50And150PerSecond()
    {
        var cycle = TimeSpan.FromMinutes(4);

        var mentions = Scenario().Generate(Start, Start + cycle);

        Assert.InRange(mentions.Count / cycle.TotalSeconds, 50, 150);
    }

    [Fact]
    public void RateMultiplierScalesTheVolume()
    {
        // Before the first crisis: baseline traffic only.
        var to = Start + TimeSpan.FromSeconds(20);

        var normal = Scenario().Generate(Start, to).Count;
        var doubled = Scenario(configure: o => o.RateMultiplier = 2).Generate(Start, to).Count;

        Assert.InRange(doubled / (double)normal, 1.8, 2.2);
    }

    [Fact]
    public void ShortPostNetworksAreLouderThanEditorialChannels()
    {
        var perChannel = Scenario().Generate(Start - TimeSpan.FromMinutes(2), Start)
            .GroupBy(m => m.Channel)
            .ToDictionary(g => g.Key, g => g.Count());

        Assert.Equal(["blogs", "bluesky", "forums", "mastodon", "news", "reddit", "reviews", "x"], perChannel.Keys.Order());
        foreach (var loud in new[] { "x", "bluesky" })
        {
            foreach (var quiet in new[] { "news", "blogs", "reviews" })
            {
                Assert.True(perChannel[loud] > 2 * perChannel[quiet], $"{loud} {perChannel[loud]} vs {quiet} {perChannel[quiet]}");
            }
        }
    }

    [Fact]
    public void VolumeDriftsOverTheDay()
    {
        // A brand's busiest and quietest minute over a compressed day differ clearly, without a crisis.
        var scenario = Scenario(configure: o => o.FirstCrisisDelay = TimeSpan.FromHours(1));
        var perMinute = Enumerable.Range(0, 10)
            .Select(i => scenario.GenerateTagged(Start + TimeSpan.FromMinutes(i), Start + TimeSpan.FromMinutes(i + 1)).Count(m => m.BrandId == "nordtakt"))
            .ToArray();

        Assert.True(perMinute.Max() > 1.3 * perMinute.Min(), string.Join(", ", perMinute));
    }
}
