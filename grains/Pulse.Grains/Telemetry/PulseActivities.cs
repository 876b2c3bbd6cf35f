using System.Diagnostics;

namespace Pulse.Grains.Telemetry;

/// <summary>
/// Pulse's spans, on the activity source <see cref="SourceName"/>. Without a listener (no tracing configured)
/// <see cref="ActivitySource.StartActivity(string, ActivityKind)"/> returns null at the cost of a flag check.
/// </summary>
public static class PulseActivities
{
    public const string SourceName = "Pulse";

    /// <summary>The span of one embedded-default delivery from a partition's inbox to its grain.</summary>
    public const string PartitionDelivery = "pulse.partition.deliver";

    private static readonly ActivitySource Source = new(SourceName);

    /// <summary>
    /// Starts the span of a partition delivery under <paramref name="parent"/>, the context of a request whose mentions
    /// it carries (a delivery coalesces several requests: the caller prefers a sampled one, see <see cref="Prefer"/>).
    /// </summary>
    public static Activity? StartPartitionDelivery(int partition, int mentions, ActivityContext parent)
    {
        var activity = Source.StartActivity(PartitionDelivery, ActivityKind.Internal, parent);
        if (activity is { IsAllDataRequested: true })
        {
            activity.SetTag("pulse.partition", partition);
            activity.SetTag("pulse.mentions", mentions);
        }

        return activity;
    }

    /// <summary>Of two request contexts, the one to parent a span on: a sampled one over one that is not, else the first.</summary>
    public static ActivityContext Prefer(ActivityContext current, ActivityContext candidate) =>
        current == default || (!current.TraceFlags.HasFlag(ActivityTraceFlags.Recorded) && candidate.TraceFlags.HasFlag(ActivityTraceFlags.Recorded))
            ? candidate
            : current;
}
