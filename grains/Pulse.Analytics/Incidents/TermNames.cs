using System.IO.Hashing;
using System.Numerics;
using System.Text;

namespace Pulse.Analytics.Incidents;

/// <summary>
/// The names of <see cref="RisingTerms"/>' slots: per slot its key (the folded form, which counting goes by) and the form
/// most posts wrote it in (what an alert shows: "Stellwerksstörung", not "stellwerksstoerung"), as UTF-8, back to back in
/// one array, and an open-addressing index (linear probing) from key to slot number. Replaces a string per term and a
/// <c>Dictionary&lt;string, int&gt;</c> (≈ 110 bytes a term) with ≈ 12, plus the written form where it is not the key
/// (capitals, umlauts, apostrophes) once a second post carries the term: every (brand, channel) grain holds one of these.
/// </summary>
/// <remarks>
/// <para>An entry is a length prefix (the key's length, shifted, with a flag for "has a written form of its own"), the
/// key, then, if flagged, the written form's length and bytes. Most lower-case words are written as their key and store
/// no second copy. The votes are kept in the slot (<see cref="TermSlot.Votes"/>).</para>
/// <para>The written form is chosen by a majority vote (Boyer–Moore) over the posts carrying the term from its second on
/// (see <see cref="Add"/>): the form a post
/// wrote gains a vote if it is the kept one, otherwise takes one away, and replaces the kept one when no votes are left.
/// A form more than half the posts wrote is kept; with no majority, a recent frequent one. One byte per term instead of a
/// count per form seen: the text is untrusted and the forms unbounded. Votes saturate at 255, so a lasting change in how
/// people write a term shows after at most that many posts. "Stellwerksstörung" and "stellwerksstoerung" are one key.</para>
/// <para>The index stores slot + 1 in a byte (0 = empty), so it serves at most <see cref="MaximumSlots"/> slots, and is
/// kept at most half full: probes stay short, and with at most 255 entries even a run of colliding keys (the text is
/// untrusted) costs a bounded scan. Removal shifts the following entries back instead of leaving tombstones. Hashes are
/// not stored: removal and growth (at eviction and as slots grow) hash the few keys they move again.</para>
/// <para>Evicted names, and written forms replaced by one of another length, leave gaps in the bytes; when an entry does
/// not fit, the live ones are copied into a new array with half as much room again, so each byte is copied O(1) times
/// amortised. A replacement of the same length (a change of case, the common one) is written in place.</para>
/// </remarks>
internal sealed class TermNames
{
    public const int MaximumSlots = byte.MaxValue;

    /// <summary>The lead in votes from which a term's shown form is settled enough to be voted on by a sample of its posts.</summary>
    public const int SettledLead = 16;

    private byte[] _bytes = [];
    private int _used;
    private int _live;
    private byte[] _index = [];

    /// <summary>The hash <see cref="Find"/> and <see cref="Add"/> expect for <paramref name="key"/>.</summary>
    public static int Hash(ReadOnlySpan<byte> key) => (int)XxHash3.HashToUInt64(key);

    /// <summary>The slot holding <paramref name="key"/>; -1 if none does.</summary>
    public int Find(ReadOnlySpan<TermSlot> slots, ReadOnlySpan<byte> key, int hash)
    {
        if (_index.Length == 0)
        {
            return -1;
        }

        int mask = _index.Length - 1;
        for (int i = hash & mask; _index[i] != 0; i = (i + 1) & mask)
        {
            int slot = _index[i] - 1;
            if (KeyOf(slots[slot]).SequenceEqual(key))
            {
                return slot;
            }
        }

        return -1;
    }

    /// <summary>
    /// Gives <paramref name="slot"/> (new, or freed by <see cref="Remove"/>) the key <paramref name="key"/>, shown as the
    /// key until a vote (<see cref="Vote"/>) says otherwise; <paramref name="slots"/> are the slots in use, that one included.
    /// </summary>
    /// <remarks>The first post's form is not stored: most terms of a channel are seen once and never shown (an alert shows
    /// terms of at least three recent posts), so the vote begins with the second post.</remarks>
    public void Add(Span<TermSlot> slots, int slot, ReadOnlySpan<byte> key, int hash)
    {
        int length = EntryLength(key.Length, 0);
        if (_used + length > _bytes.Length)
        {
            Compact(slots, slot, length);
        }

        slots[slot].Name = Append(key, []);
        slots[slot].Votes = 0;
        Insert(_index, hash, slot);
    }

    /// <summary>
    /// Whether post number <paramref name="post"/>, which carries <paramref name="slot"/>'s term, votes on its form. Once a
    /// form leads by <see cref="SettledLead"/> votes, every eighth post does (post numbers do not depend on the form, so
    /// the sample votes as all would) and the others skip the comparison: a busy term is in most posts.
    /// </summary>
    public static bool Votes(in TermSlot slot, int post) => slot.Votes < SettledLead || (post & 7) == 0;

    /// <summary>A post carrying <paramref name="slot"/>'s term wrote it as <paramref name="written"/> (empty: as its key).</summary>
    public void Vote(Span<TermSlot> slots, int slot, ReadOnlySpan<byte> written)
    {
        ref var term = ref slots[slot];
        var entry = Entry.At(_bytes, term.Name);
        if (written.SequenceEqual(_bytes.AsSpan(entry.WrittenStart, entry.WrittenLength)))
        {
            term.Votes = (byte)Math.Min(term.Votes + 1, byte.MaxValue);
        }
        else if (term.Votes > 0)
        {
            term.Votes--;
        }
        else
        {
            term.Votes = 1;
            Replace(slots, slot, entry, written);
        }
    }

    /// <summary>Frees <paramref name="slot"/>'s name: it is no longer found, and its bytes are reclaimed by a later compaction.</summary>
    public void Remove(ReadOnlySpan<TermSlot> slots, int slot)
    {
        int mask = _index.Length - 1;
        int i = Hash(KeyOf(slots[slot])) & mask;
        while (_index[i] != slot + 1)
        {
            i = (i + 1) & mask;
        }

        // Backward shift: move later entries of the probe run into the hole unless their home lies cyclically in (hole, entry].
        for (int j = (i + 1) & mask; _index[j] != 0; j = (j + 1) & mask)
        {
            int home = Hash(KeyOf(slots[_index[j] - 1])) & mask;
            bool stays = i <= j ? i < home && home <= j : i < home || home <= j;
            if (!stays)
            {
                _index[i] = _index[j];
                i = j;
            }
        }

        _index[i] = 0;
        _live -= Entry.At(_bytes, slots[slot].Name).Length;
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
            Insert(index, Hash(KeyOf(slots[slot])), slot);
        }

        _index = index;
    }

    /// <summary>The term as most posts carrying it wrote it.</summary>
    public string Name(in TermSlot slot)
    {
        var entry = Entry.At(_bytes, slot.Name);
        return entry.WrittenLength > 0
            ? Encoding.UTF8.GetString(_bytes, entry.WrittenStart, entry.WrittenLength)
            : Encoding.UTF8.GetString(_bytes, entry.KeyStart, entry.KeyLength);
    }

    // Every probe of a lookup reads a key: only its prefix is parsed.
    private ReadOnlySpan<byte> KeyOf(in TermSlot slot)
    {
        int at = slot.Name;
        int keyLength = ReadPrefix(_bytes, ref at) >> 1;
        return _bytes.AsSpan(at, keyLength);
    }

    // The vote ran out: `written` becomes the slot's form, in place where it fits exactly, else as a new entry.
    private void Replace(Span<TermSlot> slots, int slot, Entry entry, ReadOnlySpan<byte> written)
    {
        if (written.Length > 0 && written.Length == entry.WrittenLength)
        {
            written.CopyTo(_bytes.AsSpan(entry.WrittenStart));
            return;
        }

        if (written.IsEmpty)
        {
            // Now written as its key: the flag goes (the prefix keeps its size) and the old form's bytes become a gap.
            WritePrefix(_bytes.AsSpan(entry.Start), entry.KeyLength << 1);
            _live -= entry.Length - EntryLength(entry.KeyLength, 0);
            return;
        }

        int length = EntryLength(entry.KeyLength, written.Length);
        if (_used + length > _bytes.Length)
        {
            Compact(slots, -1, length);
            entry = Entry.At(_bytes, slots[slot].Name);
        }

        _live -= entry.Length;
        slots[slot].Name = Append(_bytes.AsSpan(entry.KeyStart, entry.KeyLength), written);
    }

    // Writes an entry at the end of the used bytes (room is made by the caller); returns where it starts.
    private int Append(ReadOnlySpan<byte> key, ReadOnlySpan<byte> written)
    {
        int start = _used;
        int at = start + WritePrefix(_bytes.AsSpan(start), (key.Length << 1) | (written.IsEmpty ? 0 : 1));
        key.CopyTo(_bytes.AsSpan(at));
        at += key.Length;
        if (!written.IsEmpty)
        {
            at += WritePrefix(_bytes.AsSpan(at), written.Length);
            written.CopyTo(_bytes.AsSpan(at));
            at += written.Length;
        }

        _live += at - start;
        _used = at;
        return start;
    }

    private static int EntryLength(int keyLength, int writtenLength) =>
        PrefixLength((keyLength << 1) | 1) + keyLength + (writtenLength == 0 ? 0 : PrefixLength(writtenLength) + writtenLength);

    private static int PrefixLength(int value) => value < 0x80 ? 1 : value < 0x4000 ? 2 : value < 0x200000 ? 3 : value < 0x10000000 ? 4 : 5;

    private static int WritePrefix(Span<byte> destination, int value)
    {
        int i = 0;
        uint rest = (uint)value;
        while (rest >= 0x80)
        {
            destination[i++] = (byte)(rest | 0x80);
            rest >>= 7;
        }

        destination[i++] = (byte)rest;
        return i;
    }

    private static int ReadPrefix(byte[] bytes, ref int at)
    {
        int value = 0;
        for (int shift = 0; ; shift += 7)
        {
            byte b = bytes[at++];
            value |= (b & 0x7F) << shift;
            if (b < 0x80)
            {
                return value;
            }
        }
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

    // Copies the live entries (of every slot in use but `skip`, -1 for none) into a new array with room for `needed`
    // more bytes and half as much again.
    private void Compact(Span<TermSlot> slots, int skip, int needed)
    {
        var bytes = new byte[Math.Max(32, (_live + needed) * 3 / 2)];
        int used = 0;
        for (int slot = 0; slot < slots.Length; slot++)
        {
            if (slot == skip)
            {
                continue;
            }

            var entry = Entry.At(_bytes, slots[slot].Name);
            _bytes.AsSpan(entry.Start, entry.Length).CopyTo(bytes.AsSpan(used));
            slots[slot].Name = used;
            used += entry.Length;
        }

        _bytes = bytes;
        _used = used;
    }

    /// <summary>Where the parts of the entry starting at <see cref="Start"/> lie; a written length of 0 means "as the key".</summary>
    private readonly record struct Entry(int Start, int KeyStart, int KeyLength, int WrittenStart, int WrittenLength, int End)
    {
        public int Length => End - Start;

        public static Entry At(byte[] bytes, int start)
        {
            int at = start;
            int prefix = ReadPrefix(bytes, ref at);
            int keyStart = at;
            int keyLength = prefix >> 1;
            at = keyStart + keyLength;
            if ((prefix & 1) == 0)
            {
                return new Entry(start, keyStart, keyLength, at, 0, at);
            }

            int writtenLength = ReadPrefix(bytes, ref at);
            return new Entry(start, keyStart, keyLength, at, writtenLength, at + writtenLength);
        }
    }
}
