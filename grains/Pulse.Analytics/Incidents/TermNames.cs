using System.IO.Hashing;
using System.Numerics;
using System.Text;

namespace Pulse.Analytics.Incidents;

/// <summary>
/// The names of <see cref="RisingTerms"/>' slots: each as a length and its UTF-8 bytes, back to back in one array, and
/// an open-addressing index (linear probing) from name to slot number. Replaces a string per term and a
/// <c>Dictionary&lt;string, int&gt;</c> (≈ 110 bytes a term) with ≈ 12: every (brand, channel) grain holds one of these.
/// </summary>
/// <remarks>
/// <para>The index stores slot + 1 in a byte (0 = empty), so it serves at most <see cref="MaximumSlots"/> slots, and is
/// kept at most half full: probes stay short, and with at most 255 entries even a run of colliding names (the text is
/// untrusted) costs a bounded scan. Removal shifts the following entries back instead of leaving tombstones. Hashes are
/// not stored: removal and growth (at eviction and as slots grow) hash the few names they move again.</para>
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
            if (NameOf(slots[slot]).SequenceEqual(name))
            {
                return slot;
            }
        }

        return -1;
    }

    /// <summary>Gives <paramref name="slot"/> (new, or freed by <see cref="Remove"/>) the name <paramref name="name"/>;
    /// <paramref name="slots"/> are the slots in use, that one included.</summary>
    public void Add(Span<TermSlot> slots, int slot, ReadOnlySpan<byte> name, int hash)
    {
        int length = LengthPrefix(name.Length) + name.Length;
        if (_used + length > _bytes.Length)
        {
            Compact(slots, slot, length);
        }

        slots[slot].Name = _used;
        _used += WritePrefix(_bytes.AsSpan(_used), name.Length);
        name.CopyTo(_bytes.AsSpan(_used));
        _used += name.Length;
        _live += length;
        Insert(_index, hash, slot);
    }

    /// <summary>Frees <paramref name="slot"/>'s name: it is no longer found, and its bytes are reclaimed by a later compaction.</summary>
    public void Remove(ReadOnlySpan<TermSlot> slots, int slot)
    {
        int mask = _index.Length - 1;
        int i = Hash(NameOf(slots[slot])) & mask;
        while (_index[i] != slot + 1)
        {
            i = (i + 1) & mask;
        }

        // Backward shift: move later entries of the probe run into the hole unless their home lies cyclically in (hole, entry].
        for (int j = (i + 1) & mask; _index[j] != 0; j = (j + 1) & mask)
        {
            int home = Hash(NameOf(slots[_index[j] - 1])) & mask;
            bool stays = i <= j ? i < home && home <= j : i < home || home <= j;
            if (!stays)
            {
                _index[i] = _index[j];
                i = j;
            }
        }

        _index[i] = 0;
        var name = NameOf(slots[slot]);
        _live -= LengthPrefix(name.Length) + name.Length;
    }

    /// <summary>Rebuilds the index for a slot array grown to <paramref name="slotCount"/>, of which <paramref name="slots"/>
    /// are in use.</summary>
    public void Resize(ReadOnlySpan<TermSlot> slots, int slotCount)
    {
        if (slotCount > MaximumSlots)
        {
            throw new ArgumentOutOfRangeException(nameof(slotCount), slotCount, $"The name index serves at most {MaximumSlots} slots.");
        }

        var index = new byte[(int)BitOperations.RoundUpToPowerOf2((uint)slotCount * 2)];
        for (int slot = 0; slot < slots.Length; slot++)
        {
            Insert(index, Hash(NameOf(slots[slot])), slot);
        }

        _index = index;
    }

    public string Name(in TermSlot slot) => Encoding.UTF8.GetString(NameOf(slot));

    private ReadOnlySpan<byte> NameOf(in TermSlot slot)
    {
        int at = slot.Name;
        int length = 0;
        for (int shift = 0; ; shift += 7)
        {
            byte b = _bytes[at++];
            length |= (b & 0x7F) << shift;
            if (b < 0x80)
            {
                break;
            }
        }

        return _bytes.AsSpan(at, length);
    }

    private static int LengthPrefix(int length) => length < 0x80 ? 1 : length < 0x4000 ? 2 : length < 0x200000 ? 3 : 5;

    private static int WritePrefix(Span<byte> destination, int length)
    {
        int i = 0;
        uint value = (uint)length;
        while (value >= 0x80)
        {
            destination[i++] = (byte)(value | 0x80);
            value >>= 7;
        }

        destination[i++] = (byte)value;
        return i;
    }

    private static void Insert(byte[] index, int hash, int slot)
    {
        int mask = index.Length - 1;
        int i = hash & mask;
        while (index[i] != 0)
        {
            i = (i + 1) & mask;
        }

        index[i] = (byte)(slot + 1);
    }

    // Copies the live names (every slot in use but `adding`) into a new array with room for `needed` more bytes and half
    // as much again.
    private void Compact(Span<TermSlot> slots, int adding, int needed)
    {
        var bytes = new byte[Math.Max(32, (_live + needed) * 3 / 2)];
        int used = 0;
        for (int slot = 0; slot < slots.Length; slot++)
        {
            if (slot == adding)
            {
                continue;
            }

            var name = NameOf(slots[slot]);
            int length = LengthPrefix(name.Length) + name.Length;
            _bytes.AsSpan(slots[slot].Name, length).CopyTo(bytes.AsSpan(used));
            slots[slot].Name = used;
            used += length;
        }

        _bytes = bytes;
        _used = used;
    }
}
