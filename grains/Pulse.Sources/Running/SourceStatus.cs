using Pulse.Sources.Connecting;

namespace Pulse.Sources.Running;

/// <summary>
/// A source's live status, as the API and the dashboard show it. <see cref="Lag"/> is now minus the newest event's own
/// time; <see cref="Silent"/> says the source has been quiet for far longer than its own rhythm (see <see cref="SilenceWatch"/>).
/// </summary>
[GenerateSerializer, Immutable]
public sealed record SourceStatus(
    [property: Id(0)] SourceState State,
    [property: Id(1)] long Received,
    [property: Id(2)] long Accepted,
    [property: Id(3)] long Skipped,
    [property: Id(4)] DateTimeOffset? LastEventAt,
    [property: Id(5)] TimeSpan? Lag,
    [property: Id(6)] string? Cursor,
    [property: Id(7)] string? LastError,
    [property: Id(8)] DateTimeOffset? LastErrorAt,
    [property: Id(9)] bool Silent,
    [property: Id(10)] DateTimeOffset? LastPollAt)
{
    /// <summary>A source that is not running (deleted, or not yet started by the supervisor).</summary>
    public static SourceStatus Paused { get; } = new(SourceState.Paused, 0, 0, 0, null, null, null, null, null, false, null);
}
