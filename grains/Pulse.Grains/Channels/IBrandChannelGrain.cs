using Pulse.Grains.Mentions;
using Pulse.Grains.Stats;

namespace Pulse.Grains.Channels;

/// <summary>One brand on one channel (key "brand/channel", see <see cref="ChannelKey"/>): rolling windows in memory.</summary>
public interface IBrandChannelGrain : IGrainWithStringKey
{
    /// <summary>Records a batch; mentions already seen (same id within the retention horizon) count once.</summary>
    Task RecordAsync(ScoredMention[] mentions);

    Task<WindowStats> GetStatsAsync(TimeSpan window);

    /// <summary>The last <paramref name="points"/> buckets at <paramref name="resolution"/>, ending now, and the first bucket's start.</summary>
    Task<(ChannelSeries Series, DateTimeOffset Start)> GetSeriesAsync(TimeSpan resolution, int points);

    /// <summary>The latest mentions, newest first.</summary>
    Task<MentionView[]> GetLatestAsync(int limit);
}
