using Orleans;
using Pulse.Grains.Alerts;

namespace Pulse.Silo.Tests.Functional;

/// <summary>Alerts made for tests without waiting for detection.</summary>
public static class TestAlerts
{
    /// <summary>A spike alert on channel x, severity 6, signalled straight to the brand's alerts grain.</summary>
    public static Task SignalSpikeAsync(IGrainFactory grains, string brand)
    {
        ArgumentNullException.ThrowIfNull(grains);
        var why = new AlertWhy([new TermLift("recall", 40, 12)], [], new SentimentSplit(1, 2, 30), [new ChannelCount("x", 33)]);
        return grains.GetGrain<IBrandAlertsGrain>(brand).SignalAsync(new AlertSignal(brand, "x", AlertKind.Spike, 6, DateTimeOffset.UtcNow, 50, 10, why));
    }
}
