using System.IO.Hashing;
using System.Numerics;
using System.Text;

namespace Pulse.Analytics.Incidents;

/// <summary>
/// The names of <see cref="RisingTerms"/>' slots: their UTF-8 bytes back to back in one array, and an open-addressing
/// index (linear probing) from name to slot number. Replaces a string per term and a <c>Dictionary&lt;string, int&gt;</c>
/// (≈ 110 bytes a term) with ≈ 12: every (brand, channel) grain holds one of these.
/// </summary>
/// <remarks>
/// <para>The index stores slot + 1 in a byte (0 = empty), so it serves at most <see cref="MaximumSlots"/> slots, and is
/// kept at most half full: probes stay short, and with at most 255 entries even a run of colliding names (the text is
/// untrusted) costs a bounded scan. Removal shifts the following entries back instead of leaving tombstones.</para>
/// <para>Evicted names leave gaps in the bytes; when a name does not fit, the live ones are copied into a new array with
/// half as much room again, so each byte is copied O(1) times amortised.</para>
/// </remarks>
internal sealed class TermNames
{
    public const int MaximumSlots = byte.MaxValue;

    private byte[] _bytes = [];
    private int _used;
    private int _live;
    private byte[] _index = [];

    /// <summary>The hash <see cref="Find"/> and <see cref="Add"/> expect for <paramref name="name"/>.</summary>
    public static int Hash(ReadOnlySpan<byte> name) => (int)XxHash3.HashToUInt64(name);

    /// <summary>The slot holding <paramref name="name"/>; -1 if none does.</summary>
    public int Find(ReadOnlySpan<TermSlot> slots, ReadOnlySpan<byte> name, int hash)
    {
        if (_index.Length == 0)
        {
            return -1;
        }

        int mask = _index.Length - 1;
        for (int i = hash & mask; _index[i] != 0; i = (i + 1) & mask)
        {
            int slot = _index[i] - 1;
            ref readonly var s = ref slots[slot];
            if (s.Hash == hash && _bytes.AsSpan(s.NameStart, s.NameLength).SequenceEqual(name))
            {
                return slot;
            }
        }

        return -1;
    }

    /// <summary>Gives the free <paramref name="slot"/> (see <see cref="Remove"/>) the name <paramref name="name"/>.</summary>
    public void Add(Span<TermSlot> slots, int slot, ReadOnlySpan<byte> name, int hash)
    {
        if (_used + name.Length > _bytes.Length)
        {
            Compact(slots, name.Length);
        }

        name.CopyTo(_bytes.AsSpan(_used));
        ref var s = ref slots[slot];
        s.Hash = hash;
        s.NameStart = _used;
        s.NameLength = name.Length;
        _used += name.Length;
        _live += name.Length;

        int mask = _index.Length - 1;
        int i = hash & mask;
        while (_index[i] != 0)
        {
            i = (i + 1) & mask;
        }

        _index[i] = (byte)(slot + 1);
    }

    /// <summary>Frees <paramref name="slot"/>'s name: it is no longer found, and its bytes are reclaimed by a later compaction.</summary>
    public void Remove(Span<TermSlot> slots, int slot)
    {
        int mask = _index.Length - 1;
        int i = slots[slot].Hash & mask;
        while (_index[i] != slot + 1)
        {
            i = (i + 1) & mask;
        }

        // Backward shift: move later entries of the probe run into the hole unless their home lies cyclically in (hole, entry].
        for (int j = (i + 1) & mask; _index[j] != 0; j = (j + 1) & mask)
        {
            int home = slots[_index[j] - 1].Hash & mask;
            bool stays = i <= j ? i < home && home <= j : i < home || home <= j;
            if (!stays)
            {
                _index[i] = _index[j];
                i = j;
            }
        }

        _index[i] = 0;
        _live -= slots[slot].NameLength;
        slots[slot].NameLength = 0;
    }

    /// <summary>Rebuilds the index for a slot array of <paramref name="slots"/>.Length (grown), of which the first
    /// <paramref name="count"/> are in use.</summary>
    public void Resize(ReadOnlySpan<TermSlot> slots, int count)
    {
        if (slots.Length > MaximumSlots)
        {
            throw new ArgumentOutOfRangeException(nameof(slots), slots.Length, $"The name index serves at most {MaximumSlots} slots.");
        }

        _index = new byte[(int)BitOperations.RoundUpToPowerOf2((uint)slots.Length * 2)];
        int mask = _index.Length - 1;
        for (int slot = 0; slot < count; slot++)
        {
            if (slots[slot].NameLength == 0)
            {
                continue;
            }

            int i = slots[slot].Hash & mask;
            while (_index[i] != 0)
            {
                i = (i + 1) & mask;
            }

            _index[i] = (byte)(slot + 1);
        }
    }

    public string Name(in TermSlot slot) => Encoding.UTF8.GetString(_bytes, slot.NameStart, slot.NameLength);

    // Copies the live names into a new array with room for `needed` more bytes and a third of that again.
    private void Compact(Span<TermSlot> slots, int needed)
    {
        var bytes = new byte[Math.Max(32, (_live + needed) * 3 / 2)];
        int used = 0;
        foreach (ref var s in slots)
        {
            if (s.NameLength != 0)
            {
                _bytes.AsSpan(s.NameStart, s.NameLength).CopyTo(bytes.AsSpan(used));
                s.NameStart = used;
                used += s.NameLength;
            }
        }

        _bytes = bytes;
        _used = used;
    }
}
