using Pulse.Analytics.Windows;
using Pulse.Grains.Notifications;

namespace Pulse.Grains.Channels;

/// <summary>
/// When a (brand, channel) shows itself live, and what it shows: a snapshot of the last 10 s and minute with the mentions
/// new since the previous one, to the dashboards' outbox. Emitted on a cadence, never per event: after a record within
/// the <see cref="SnapshotBudget"/>, on the tick for what no record published. The latest waits to be reported to the brand.
/// </summary>
/// <remarks>A mutable struct held inline by the grain, like <see cref="SnapshotBudget"/> (a non-readonly field: a readonly
/// one would change a copy): every grain holds one.</remarks>
internal struct ChannelSnapshots(TimeSpan interval)
{
    /// <summary>While its last minute still holds mentions, a quiet channel's snapshot is refreshed this often, so rates
    /// visibly decay to zero; the grain ticks at least this often.</summary>
    public static readonly TimeSpan RefreshInterval = TimeSpan.FromSeconds(1);

    private static readonly TimeSpan RateSpan = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan MinuteSpan = TimeSpan.FromMinutes(1);

    private SnapshotBudget _budget = new(interval);
    private int _unpublished;
    private long _lastPerMinute;
    private DateTimeOffset _lastPublished;
    private ChannelSnapshot? _unreported;

    /// <summary>After a batch counted <paramref name="counted"/> mentions: publishes if mentions wait and the budget allows.</summary>
    public void AfterRecord(ChannelState state, int counted, DateTimeOffset now, DashboardOutbox outbox)
    {
        _unpublished += counted;
        if (_unpublished > 0 && _budget.TryTake(now))
        {
            Publish(state, now, outbox);
        }
    }

    /// <summary>On the tick: publishes the mentions no record published, or a refresh of a rate still decaying.</summary>
    public void OnTick(ChannelState state, DateTimeOffset now, DashboardOutbox outbox)
    {
        if (_unpublished > 0 || (_lastPerMinute > 0 && now - _lastPublished >= RefreshInterval))
        {
            Publish(state, now, outbox);
        }
    }

    /// <summary>The latest snapshot not reported to the brand yet (whose summary has the same one-second cadence).</summary>
    public ChannelSnapshot? TakeUnreported()
    {
        var snapshot = _unreported;
        _unreported = null;
        return snapshot;
    }

    private void Publish(ChannelState state, DateTimeOffset now, DashboardOutbox outbox)
    {
        var minute = state.Windows.Sum(now, MinuteSpan);
        var recent = state.Windows.Sum(now, RateSpan);
        var snapshot = new ChannelSnapshot(
            state.Key.BrandId, state.Key.Channel, now,
            recent.Count * (MinuteSpan / RateSpan),
            minute.Count,
            new WindowTotals(minute).SentimentMean,
            minute.Positive, minute.Neutral, minute.Negative,
            minute.Likes, minute.Shares, minute.Comments, minute.Reach,
            state.Latest.Newest(Math.Min(_unpublished, 10)));
        _unpublished = 0;
        _lastPublished = now;
        _lastPerMinute = minute.Count;
        _unreported = snapshot;
        outbox.Publish(snapshot);
    }
}
