namespace Pulse.Synthetic;

/// <summary>
/// A channel as the demo sees it: its share of a brand's volume, how its posts read, and how
/// big its audiences and engagement typically are.
/// </summary>
public sealed record DemoChannel(string Name, double Share, DemoChannelStyle Style, double ReachMedian, double EngagementScale)
{
    /// <summary>Relative volumes: the short-post networks are loud, editorial channels are quiet. Shares sum to 1.</summary>
    public static IReadOnlyList<DemoChannel> All { get; } =
    [
        new("x", 0.30, DemoChannelStyle.Social, ReachMedian: 400, EngagementScale: 1.0),
        new("bluesky", 0.20, DemoChannelStyle.Social, ReachMedian: 250, EngagementScale: 0.8),
        new("mastodon", 0.10, DemoChannelStyle.Social, ReachMedian: 150, EngagementScale: 0.5),
        new("reddit", 0.14, DemoChannelStyle.Social, ReachMedian: 2_000, EngagementScale: 1.5),
        new("forums", 0.08, DemoChannelStyle.Social, ReachMedian: 300, EngagementScale: 0.3),
        new("news", 0.06, DemoChannelStyle.Article, ReachMedian: 50_000, EngagementScale: 2.0),
        new("blogs", 0.05, DemoChannelStyle.Article, ReachMedian: 1_500, EngagementScale: 0.4),
        new("reviews", 0.07, DemoChannelStyle.Review, ReachMedian: 100, EngagementScale: 0.2),
    ];
}
