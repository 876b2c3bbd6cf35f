using Pulse.Grains.Ingest.Durable;
using Pulse.Grains.Mentions;
using Pulse.Grains.Stats;

namespace Pulse.Grains.Channels;

/// <summary>
/// One brand on one channel (key "brand/channel", see <see cref="ChannelKey"/>): rolling windows in memory, saved as a
/// checkpoint in grain storage when a durable ingest log asks (cluster mode).
/// </summary>
public interface IBrandChannelGrain : IGrainWithStringKey
{
    /// <summary>
    /// Records a batch; mentions already seen (same id within the retention horizon) count once. With an
    /// <paramref name="origin"/>, a batch at or before the last position applied from that partition is skipped whole
    /// (a replay). Returns that last applied position as it was before this call (null: nothing from that partition yet),
    /// and which of the mentions were skipped as seen before, so the archive keeps no more than the windows counted.
    /// </summary>
    Task<RecordOutcome> RecordAsync(ScoredMention[] mentions, IngestOrigin? origin = null);

    /// <summary>Saves the windows to grain storage (when changed) and returns the last position applied from <paramref name="partition"/>.</summary>
    Task<LogPosition?> SaveAsync(int partition);

    Task<WindowStats> GetStatsAsync(TimeSpan window);

    /// <summary>The last <paramref name="points"/> buckets at <paramref name="resolution"/>, ending now, and the first bucket's start.</summary>
    Task<(ChannelSeries Series, DateTimeOffset Start)> GetSeriesAsync(TimeSpan resolution, int points);

    /// <summary>The latest mentions, newest first.</summary>
    Task<MentionView[]> GetLatestAsync(int limit);
}
