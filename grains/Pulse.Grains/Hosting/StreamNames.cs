namespace Pulse.Grains;

public static class StreamNames
{
    /// <summary>The stream provider carrying ingested mentions (memory on the embedded default).</summary>
    public const string Provider = "pulse-streams";

    /// <summary>Namespace of the ingest partitions' streams; the key is the partition number.</summary>
    public const string IngestNamespace = "pulse-ingest";
}
