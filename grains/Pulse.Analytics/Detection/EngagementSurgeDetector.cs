using Pulse.Analytics.Windows;

namespace Pulse.Analytics.Detection;

/// <summary>
/// Viral-post detector: the share-plus-comment velocity of a series (engagement per bucket), judged by the
/// same robust seasonal baseline and thresholds as mention volume. Only surges count; quiet engagement is no news.
/// </summary>
public sealed class EngagementSurgeDetector
{
    private readonly VolumeAnomalyDetector _velocity;

    public EngagementSurgeDetector(DetectorSettings settings)
    {
        _velocity = new VolumeAnomalyDetector(settings, AnomalyKind.Viral, detectDrops: false);
    }

    /// <summary>Observes one bucket's new shares and comments; buckets in time order.</summary>
    public DetectorResult Observe(DateTimeOffset bucketStart, long shares, long comments)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(shares);
        ArgumentOutOfRangeException.ThrowIfNegative(comments);
        return _velocity.Observe(bucketStart, Saturating.Add(shares, comments));
    }

    /// <summary>Writes the detector's state (see <see cref="DetectorState"/>).</summary>
    public void WriteState(BinaryWriter writer) => _velocity.WriteState(writer);

    /// <summary>Reads a state written by <see cref="WriteState"/> (see <see cref="VolumeAnomalyDetector.ReadState"/>).</summary>
    public void ReadState(BinaryReader reader) => _velocity.ReadState(reader);
}
