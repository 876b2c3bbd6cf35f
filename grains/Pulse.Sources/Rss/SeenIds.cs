using System.Buffers.Binary;

namespace Pulse.Sources.Rss;

/// <summary>
/// The hashes of item ids already accepted (or skipped for good) from one feed, oldest first, bounded. Immutable: a poll
/// builds the next set and it becomes current only once the sink has taken that poll's items, so a failed hand-over
/// offers the same items again.
/// </summary>
internal sealed class SeenIds
{
    public static readonly SeenIds Empty = new([]);

    private readonly ulong[] _order;
    private readonly HashSet<ulong> _set;

    private SeenIds(ulong[] order)
    {
        _order = order;
        _set = [.. order];
    }

    public int Count => _order.Length;

    public bool Contains(ulong id) => _set.Contains(id);

    /// <summary>
    /// This set with <paramref name="inDocument"/> (every id of the current document, in document order) moved to the
    /// newest end, then trimmed from the oldest end to <paramref name="capacity"/>. Ids still in the feed are thus the
    /// last to go, and a document larger than the capacity keeps all of its own ids.
    /// </summary>
    public SeenIds Advance(IReadOnlyList<ulong> inDocument, int capacity)
    {
        var current = new HashSet<ulong>(inDocument);
        var order = new List<ulong>(_order.Length + current.Count);
        order.AddRange(_order.Where(id => !current.Contains(id)));
        var added = new HashSet<ulong>();
        order.AddRange(inDocument.Where(added.Add));
        var keep = Math.Max(capacity, added.Count);
        return new SeenIds(order.Count > keep ? [.. order.Skip(order.Count - keep)] : [.. order]);
    }

    public byte[] ToBytes()
    {
        var bytes = new byte[_order.Length * sizeof(ulong)];
        for (var i = 0; i < _order.Length; i++)
        {
            BinaryPrimitives.WriteUInt64LittleEndian(bytes.AsSpan(i * sizeof(ulong)), _order[i]);
        }

        return bytes;
    }

    /// <summary>The set <see cref="ToBytes"/> wrote; null when the length is not a whole number of hashes.</summary>
    public static SeenIds? FromBytes(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length % sizeof(ulong) != 0)
        {
            return null;
        }

        var order = new ulong[bytes.Length / sizeof(ulong)];
        for (var i = 0; i < order.Length; i++)
        {
            order[i] = BinaryPrimitives.ReadUInt64LittleEndian(bytes[(i * sizeof(ulong))..]);
        }

        return new SeenIds(order);
    }
}
