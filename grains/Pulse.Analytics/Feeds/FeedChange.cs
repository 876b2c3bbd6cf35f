namespace Pulse.Analytics.Feeds;

/// <summary>What one bucket did to a feed's state.</summary>
public enum FeedChange
{
    None,

    /// <summary>This bucket made the feed's silence a stopped feed: a data gap, not a quiet moment.</summary>
    Stopped,

    /// <summary>The first mention after a stopped feed.</summary>
    Resumed,
}
