using System.IO.Hashing;
using System.Runtime.InteropServices;

namespace Pulse.Ingest.Contracts;

/// <summary>
/// Which ingest partition a mention goes to. Pulse routes by brand (<see cref="OfBrand"/>), so that a partition feeds only
/// its own brands' grains; <see cref="Of(string, int)"/> routes by mention id, for producers that do not know the brand.
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

    /// <summary>The partition that owns a brand: both ingestors route each mention to the partitions of the brands it names.</summary>
    public static int OfBrand(string brandId, int partitions)
    {
        ArgumentNullException.ThrowIfNull(brandId);
        return Of(brandId.AsSpan(), partitions);
    }
}
