using Orleans.Concurrency;
using Pulse.Grains.Mentions;
using Pulse.Grains.Notifications;
using Pulse.Grains.Stats;

namespace Pulse.Grains.Brands;

/// <summary>A brand across its channels (key = brand id): aggregates the (brand, channel) grains.</summary>
public interface IBrandGrain : IGrainWithStringKey
{
    Task<BrandStats> GetStatsAsync(TimeSpan window, string windowName);

    Task<BrandSeries> GetSeriesAsync(TimeSpan resolution, string resolutionName, int points);

    Task<MentionView[]> GetLatestAsync(int limit);

    /// <summary>A channel grain's latest live snapshot; the brand folds them into its summary for the overview.</summary>
    [OneWay]
    Task ReportAsync(ChannelSnapshot snapshot);
}
