using Pulse.Grains.Alerts;
using Pulse.Grains.Feeds;

namespace Pulse.Grains.Notifications;

/// <summary>
/// Where grains leave live updates for the dashboards; one per silo, drained by <see cref="DashboardFlushService"/>.
/// A plain locked buffer rather than a notifier grain: 8 000 (brand, channel) grains publishing a few times a second
/// made the notifier calls a large share of the silo's message traffic, and a list append needs no message.
/// </summary>
internal sealed class DashboardOutbox
{
    private readonly Lock _gate = new();
    private List<ChannelSnapshot> _channels = [];
    private List<BrandSummary> _brands = [];
    private List<Alert> _alerts = [];
    private List<DataGap> _dataGaps = [];

    public void Publish(ChannelSnapshot snapshot)
    {
        lock (_gate)
        {
            _channels.Add(snapshot);
        }
    }

    public void Publish(BrandSummary summary)
    {
        lock (_gate)
        {
            _brands.Add(summary);
        }
    }

    public void Publish(Alert alert)
    {
        lock (_gate)
        {
            _alerts.Add(alert);
        }
    }

    public void Publish(DataGap gap)
    {
        lock (_gate)
        {
            _dataGaps.Add(gap);
        }
    }

    /// <summary>Everything published since the last drain, or null when nothing was.</summary>
    public DashboardUpdate? Drain()
    {
        lock (_gate)
        {
            if (_channels.Count == 0 && _brands.Count == 0 && _alerts.Count == 0 && _dataGaps.Count == 0)
            {
                return null;
            }

            var update = new DashboardUpdate([.. _channels], [.. _brands], [.. _alerts], [.. _dataGaps]);
            _channels = [];
            _brands = [];
            _alerts = [];
            _dataGaps = [];
            return update;
        }
    }
}
