using System.Numerics;

namespace Pulse.Analytics.Windows;

/// <summary>
/// A set of 64-bit id hashes in one array (open addressing, linear probing, at most three quarters full), for
/// <see cref="RecentMentionIds"/>: 8 bytes an id and no object of its own, where a <c>HashSet&lt;ulong&gt;</c> costs a
/// 64-byte object, 16-byte entries and a bucket array. Every (brand, channel) grain holds two.
/// </summary>
/// <remarks>
/// 0 marks an empty slot, so the hash 0 is stored as 1: two ids then share a value, which only adds one more 64-bit
/// collision pair to the 2^-64 odds (see <see cref="RecentMentionIds"/>). Removal shifts the rest of the probe run back
/// instead of leaving tombstones. A mutable struct: only ever used as a field, never copied.
/// </remarks>
internal struct IdHashSet
{
    private ulong[] _slots;
    private int _count;

    public IdHashSet()
    {
        _slots = [];
    }

    public readonly int Count => _count;

    /// <summary>Ids the array has room for before it grows.</summary>
    public readonly int Capacity => _slots.Length * 3 / 4;

    public bool Add(ulong hash)
    {
        hash = Stored(hash);
        if (Find(hash) >= 0)
        {
            return false;
        }

        if (_count + 1 > Capacity)
        {
            Resize(_count + 1);
        }

        Insert(_slots, hash);
        _count++;
        return true;
    }

    public bool Remove(ulong hash)
    {
        int i = Find(Stored(hash));
        if (i < 0)
        {
            return false;
        }

        int mask = _slots.Length - 1;
        for (int j = (i + 1) & mask; _slots[j] != 0; j = (j + 1) & mask)
        {
            int home = Home(_slots[j], mask);
            bool stays = i <= j ? i < home && home <= j : i < home || home <= j;
            if (!stays)
            {
                _slots[i] = _slots[j];
                i = j;
            }
        }

        _slots[i] = 0;
        _count--;
        return true;
    }

    public void UnionWith(ulong[] hashes)
    {
        foreach (var hash in hashes)
        {
            Add(hash);
        }
    }

    /// <summary>Shrinks the array to the smallest that holds the ids.</summary>
    public void TrimExcess()
    {
        if (_count == 0)
        {
            _slots = [];
        }
        else if (Size(_count) < _slots.Length)
        {
            Resize(_count);
        }
    }

    /// <summary>The hashes as stored (0 as 1), in no particular order; adding them to a set gives the same set.</summary>
    public readonly ulong[] ToArray()
    {
        var result = new ulong[_count];
        int n = 0;
        foreach (var hash in _slots)
        {
            if (hash != 0)
            {
                result[n++] = hash;
            }
        }

        return result;
    }

    private static ulong Stored(ulong hash) => hash == 0 ? 1 : hash;

    private static int Home(ulong hash, int mask) => (int)(hash ^ (hash >> 32)) & mask;

    // Smallest power of two (at least 4) with room for `count` at three quarters full.
    private static int Size(int count) => (int)BitOperations.RoundUpToPowerOf2((uint)Math.Max(4, ((count * 4) + 2) / 3));

    private readonly int Find(ulong hash)
    {
        if (_slots.Length == 0)
        {
            return -1;
        }

        int mask = _slots.Length - 1;
        for (int i = Home(hash, mask); _slots[i] != 0; i = (i + 1) & mask)
        {
            if (_slots[i] == hash)
            {
                return i;
            }
        }

        return -1;
    }

    private void Resize(int count)
    {
        var slots = new ulong[Size(count)];
        foreach (var hash in _slots)
        {
            if (hash != 0)
            {
                Insert(slots, hash);
            }
        }

        _slots = slots;
    }

    private static void Insert(ulong[] slots, ulong hash)
    {
        int mask = slots.Length - 1;
        int i = Home(hash, mask);
        while (slots[i] != 0)
        {
            i = (i + 1) & mask;
        }

        slots[i] = hash;
    }
}
