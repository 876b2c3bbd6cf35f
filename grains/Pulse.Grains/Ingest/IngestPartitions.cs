using System.IO.Hashing;
using System.Runtime.InteropServices;
using Pulse.Grains.Mentions;

namespace Pulse.Grains.Ingest;

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

    /// <summary>The mentions of one batch by partition, in arrival order; null where a partition got none.</summary>
    public static Mention[]?[] Split(IReadOnlyList<Mention> mentions, int partitions)
    {
        ArgumentNullException.ThrowIfNull(mentions);
        var groups = new List<Mention>?[partitions];
        foreach (var mention in mentions)
        {
            (groups[Of(mention.Id, partitions)] ??= []).Add(mention);
        }

        return [.. groups.Select(g => g?.ToArray())];
    }
}
