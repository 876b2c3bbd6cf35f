using System.IO.Hashing;
using System.Runtime.InteropServices;

namespace Pulse.Grains.Ingest;

/// <summary>
/// Which ingest partition a mention belongs to. A function of its id only, so a re-sent mention lands on the same
/// partition whoever writes it (the HTTP ingest, or a producer appending to the ingest log directly).
/// </summary>
public static class IngestPartitions
{
    public static int Of(string mentionId, int partitions)
    {
        ArgumentNullException.ThrowIfNull(mentionId);
        return Of(mentionId.AsSpan(), partitions);
    }

    public static int Of(ReadOnlySpan<char> mentionId, int partitions)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(partitions, 1);
        return (int)(XxHash3.HashToUInt64(MemoryMarshal.AsBytes(mentionId)) % (ulong)partitions);
    }
}
