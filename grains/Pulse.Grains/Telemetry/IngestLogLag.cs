namespace Pulse.Grains.Telemetry;

/// <summary>
/// How far one partition's saved state trails its ingest log (cluster mode): the age of the oldest entry after its last
/// commit, and the entries the log still holds.
/// </summary>
public readonly record struct IngestLogLag(int Partition, TimeSpan OldestPendingAge, long Entries);
