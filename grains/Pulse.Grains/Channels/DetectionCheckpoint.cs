using Pulse.Analytics.Detection;

namespace Pulse.Grains.Channels;

/// <summary>
/// A (brand, channel)'s live detection as its <see cref="ChannelCheckpoint"/> carries it, so that after a failover the
/// detectors continue instead of warming up again: their state (Pulse.Analytics' plain binary, see
/// <see cref="DetectorState"/>), the next detection bucket they would observe, and what the state only fits: the
/// sensitivity and bucket size it was built for.
/// </summary>
[GenerateSerializer, Immutable]
internal sealed record DetectionCheckpoint(
    [property: Id(0)] Sensitivity Sensitivity,
    [property: Id(1)] TimeSpan Bucket,
    [property: Id(2)] DateTimeOffset NextBucketStart,
    [property: Id(3)] byte[] State);
