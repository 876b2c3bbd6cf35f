namespace Pulse.Grains.Ingest;

/// <summary>Consumes one ingest partition's stream (key = partition number).</summary>
public interface IIngestPartitionGrain : IGrainWithStringKey;
