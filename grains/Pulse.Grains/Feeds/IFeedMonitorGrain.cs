using Orleans.Concurrency;

namespace Pulse.Grains.Feeds;

/// <summary>
/// The cluster's one watch over the ingest feeds (key <see cref="Key"/>): every silo reports its mentions per channel each
/// bucket; a channel whose feed stops (<see cref="Pulse.Analytics.Feeds.FeedMonitor"/>) opens a <see cref="DataGap"/>, one
/// for every channel that stops while it is open. While a channel is in a data gap, brands' drop alerts on it are held back.
/// </summary>
public interface IFeedMonitorGrain : IGrainWithStringKey
{
    public const string Key = "feeds";

    Task ReportAsync(FeedCount[] counts);

    /// <summary>True while the channel is silent in an open data gap.</summary>
    [ReadOnly]
    Task<bool> IsSilentAsync(string channel);

    /// <summary>The open data gap, if any, and the recent ended ones; newest first.</summary>
    [ReadOnly]
    Task<DataGap[]> ListAsync();
}
