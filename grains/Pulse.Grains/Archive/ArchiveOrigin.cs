using Pulse.Grains.Ingest.Durable;

namespace Pulse.Grains.Archive;

/// <summary>
/// Where a cluster delivery came from: its ingest partition and log position, the partition's last commit, and whether
/// it is a replay (after a silo's death or a grain's lost state), whose mentions the archive may already hold.
/// The embedded default has no log and passes none.
/// </summary>
public readonly record struct ArchiveOrigin(int Partition, LogPosition Position, LogPosition Committed, bool Replayed);
