using Pulse.Grains.Channels;
using Pulse.Grains.Ingest.Durable;
using Pulse.Grains.Mentions;

namespace Pulse.Grains.Tests.Channels;

/// <summary>
/// <see cref="ChannelCheckpoint"/> as Pulse wrote it before the checkpoint carried the live detection: the same field ids,
/// without <see cref="ChannelCheckpoint.Detection"/>. Only for reading its bytes in ChannelDetectionFailoverTests.
/// </summary>
[GenerateSerializer]
internal sealed record LegacyChannelCheckpoint(
    [property: Id(0)] WindowCheckpoint[] Windows,
    [property: Id(1)] SeenIdsCheckpoint Seen,
    [property: Id(2)] ScoredMention[] Latest,
    [property: Id(3)] Dictionary<int, LogPosition> Applied)
{
    public static LegacyChannelCheckpoint Of(ChannelCheckpoint checkpoint)
    {
        ArgumentNullException.ThrowIfNull(checkpoint);
        return new(checkpoint.Windows, checkpoint.Seen, checkpoint.Latest, checkpoint.Applied);
    }
}
