using static Pulse.Silo.Tests.Demo.DemoFixture;

namespace Pulse.Silo.Tests.Demo;

public class DemoScenarioEngagementTests
{
    // Two quiet minutes before the first crisis: no viral post to skew the tail.
    private static readonly IReadOnlyList<Pulse.Grains.Mentions.Mention> Quiet =
        Scenario().Generate(Start - TimeSpan.FromMinutes(2), Start);

    [Fact]
    public void LikesAreHeavyTailed()
    {
        var median = Median(Quiet.Select(m => m.Likes));

        Assert.True(median >= 1, $"median {median}");
        Assert.True(Quiet.Max(m => m.Likes) > 100 * median, $"max {Quiet.Max(m => m.Likes)} vs median {median}");
    }

    [Fact]
    public void ReachIsHeavyTailed()
    {
        var median = Median(Quiet.Select(m => m.Reach));

        Assert.True(Quiet.Max(m => m.Reach) > 100 * median, $"max {Quiet.Max(m => m.Reach)} vs median {median}");
    }

    [Fact]
    public void SharesRunAtAboutAFifthAndCommentsAtAboutATenthOfLikes()
    {
        double likes = Quiet.Sum(m => m.Likes);

        Assert.InRange(Quiet.Sum(m => m.Shares) / likes, 0.12, 0.3);
        Assert.InRange(Quiet.Sum(m => m.Comments) / likes, 0.06, 0.15);
    }

    [Fact]
    public void EngagementIsNeverNegative()
    {
        Assert.All(Quiet, m => Assert.True(m.Likes >= 0 && m.Shares >= 0 && m.Comments >= 0 && m.Reach >= 0));
    }
}
