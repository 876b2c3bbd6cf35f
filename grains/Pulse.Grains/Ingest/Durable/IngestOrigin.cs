namespace Pulse.Grains.Ingest.Durable;

/// <summary>Where a delivery to a (brand, channel) grain came from: its partition and the batch's log position.</summary>
/// <param name="Previous">
/// The last position this partition delivered to the same grain since its last commit, which the grain must already
/// hold: if it does not (it lost state in a crash), it refuses the batch rather than apply it after a hole, and the
/// partition replays from its commit. On a replay, the previous batch of the same pass sent to that grain
/// (<see cref="PartitionReplay"/>); null when the grain must hold nothing newer than the commit.
/// </param>
[GenerateSerializer, Immutable]
public sealed record IngestOrigin([property: Id(0)] int Partition, [property: Id(1)] LogPosition Position, [property: Id(2)] LogPosition? Previous = null);
