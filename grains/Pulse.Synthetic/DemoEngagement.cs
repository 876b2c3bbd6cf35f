namespace Pulse.Synthetic;

/// <summary>Heavy-tailed engagement: most posts get a handful of likes, a few get thousands.</summary>
public readonly record struct DemoEngagement(long Likes, long Shares, long Comments, long Reach)
{
    private const double LikesTailIndex = 1.2;
    private const long Cap = 50_000_000;

    /// <summary>
    /// Organic posts stay below the viral-alert floor: in the demo, going viral is the scripted crisis post's
    /// job, so a quiet hour stays quiet (an uncapped Pareto tail yields a 50k-like post every hour or so).
    /// </summary>
    private const long OrganicLikesCap = 10_000;

    public static DemoEngagement Sample(ref DemoRandom random, DemoChannel channel)
    {
        var likes = Math.Min(OrganicLikesCap, Clamp(random.Pareto(3 * channel.EngagementScale, LikesTailIndex) - 2));
        var shares = Clamp(likes / 5.0 * random.LogNormal(1, 0.5));
        var comments = Clamp(likes / 10.0 * random.LogNormal(1, 0.5));
        // Audience size is log-normal; a post that takes off is seen beyond the author's followers.
        var reach = Clamp(random.LogNormal(channel.ReachMedian, 1.5) + likes * 20);
        return new DemoEngagement(likes, shares, comments, reach);
    }

    /// <summary>The post everyone quotes during a crisis.</summary>
    public static DemoEngagement SampleViral(ref DemoRandom random)
    {
        var likes = Clamp(random.Pareto(150_000, 2.5));
        return new DemoEngagement(
            likes,
            Clamp(likes / 3.0 * random.LogNormal(1, 0.2)),
            Clamp(likes / 8.0 * random.LogNormal(1, 0.2)),
            Clamp(random.LogNormal(8_000_000, 0.5)));
    }

    private static long Clamp(double value) => (long)Math.Clamp(Math.Round(value), 0, Cap);
}
