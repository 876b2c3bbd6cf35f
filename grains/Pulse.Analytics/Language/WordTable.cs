namespace Pulse.Analytics.Language;

/// <summary>
/// A frozen set of folded words, each given a dense id (0, 1, 2, ...) so callers keep what they know about a word
/// in plain arrays. Open addressing over a power-of-two table with FNV-1a hashes: one probe sequence per lookup,
/// span keys, no allocation. Built once, then only read: safe to share across threads.
/// </summary>
internal sealed class WordTable
{
    // A slot packs 12 bits of the hash above the id (20 bits), so a probe that misses rarely leaves the slot array
    // and the whole array (4 bytes a slot, at most half full) stays in the L2 cache; the words' letters sit in one
    // pool, so a hit reads one more cache line rather than chasing a string object.
    private const int IdBits = 20;
    private const uint IdMask = (1u << IdBits) - 1;
    private const uint TagMask = ~IdMask;

    private readonly uint[] _slots;
    private readonly char[] _letters;
    private readonly int[] _starts;
    private readonly string[] _words;
    private readonly int _mask;

    /// <param name="words">Distinct folded words; a word's id is its index here.</param>
    public WordTable(IReadOnlyList<string> words)
    {
        ArgumentNullException.ThrowIfNull(words);
        if (words.Count >= IdMask)
        {
            throw new ArgumentException($"At most {IdMask - 1} words fit a table.", nameof(words));
        }

        var size = 16;
        while (size < words.Count * 2)
        {
            size <<= 1;
        }

        _slots = new uint[size];
        _mask = size - 1;
        _words = new string[words.Count];
        _starts = new int[words.Count + 1];
        var letters = 0;
        for (var id = 0; id < words.Count; id++)
        {
            letters += words[id].Length;
        }

        _letters = new char[letters];
        letters = 0;
        for (var id = 0; id < words.Count; id++)
        {
            var word = words[id];
            if (Find(word) >= 0)
            {
                throw new ArgumentException($"Duplicate word '{word}'.", nameof(words));
            }

            var hash = Hash(word);
            var slot = (int)(hash & (uint)_mask);
            while (_slots[slot] != 0)
            {
                slot = (slot + 1) & _mask;
            }

            _words[id] = word;
            word.CopyTo(_letters.AsSpan(letters));
            _starts[id] = letters;
            letters += word.Length;
            _starts[id + 1] = letters;
            _slots[slot] = (hash & TagMask) | (uint)(id + 1);
        }
    }

    public int Count => _words.Length;

    public string this[int id] => _words[id];

    /// <summary>The FNV-1a offset basis: a hash built with <see cref="HashStep"/> starts here.</summary>
    public const uint HashSeed = 2166136261u;

    /// <summary>Feeds one character into a hash, so a caller can hash a word while producing it.</summary>
    public static uint HashStep(uint hash, char c) => (hash ^ c) * 16777619u;

    /// <summary>The word's id, or -1 when it is not in the table.</summary>
    public int Find(ReadOnlySpan<char> folded) => Find(folded, RawHash(folded));

    /// <summary>The word's id given its hash from <see cref="HashSeed"/> and <see cref="HashStep"/>; -1 when absent.</summary>
    public int Find(ReadOnlySpan<char> folded, uint rawHash)
    {
        var hash = Mix(rawHash);
        var slots = _slots;
        var slot = (int)(hash & (uint)_mask);
        while (true)
        {
            var entry = slots[slot];
            if (entry == 0)
            {
                return -1;
            }

            if ((entry & TagMask) == (hash & TagMask))
            {
                var id = (int)(entry & IdMask) - 1;
                var start = _starts[id];
                if (folded.SequenceEqual(_letters.AsSpan(start, _starts[id + 1] - start)))
                {
                    return id;
                }
            }

            slot = (slot + 1) & _mask;
        }
    }

    private static uint Hash(ReadOnlySpan<char> word) => Mix(RawHash(word));

    private static uint RawHash(ReadOnlySpan<char> word)
    {
        var hash = HashSeed;
        foreach (var c in word)
        {
            hash = HashStep(hash, c);
        }

        return hash;
    }

    // Mix the high bits down: the table masks the low ones.
    private static uint Mix(uint hash) => hash ^ (hash >> 15);
}
