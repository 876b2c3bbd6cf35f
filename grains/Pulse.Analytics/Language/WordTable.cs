namespace Pulse.Analytics.Language;

/// <summary>
/// A frozen set of folded words, each given a dense id (0, 1, 2, ...) so callers keep what they know about a word
/// in plain arrays. Open addressing over a power-of-two table with FNV-1a hashes: one probe sequence per lookup,
/// span keys, no allocation. Built once, then only read: safe to share across threads.
/// </summary>
internal sealed class WordTable
{
    private readonly int[] _slots;
    private readonly uint[] _hashes;
    private readonly string[] _words;
    private readonly int _mask;

    /// <param name="words">Distinct folded words; a word's id is its index here.</param>
    public WordTable(IReadOnlyList<string> words)
    {
        ArgumentNullException.ThrowIfNull(words);
        var size = 16;
        while (size < words.Count * 3)
        {
            size <<= 1;
        }

        _slots = new int[size];
        _mask = size - 1;
        _words = new string[words.Count];
        _hashes = new uint[words.Count];
        for (var id = 0; id < words.Count; id++)
        {
            var word = words[id];
            var hash = Hash(word);
            var slot = (int)(hash & (uint)_mask);
            while (_slots[slot] != 0)
            {
                if (_hashes[_slots[slot] - 1] == hash && _words[_slots[slot] - 1] == word)
                {
                    throw new ArgumentException($"Duplicate word '{word}'.", nameof(words));
                }

                slot = (slot + 1) & _mask;
            }

            _slots[slot] = id + 1;
            _words[id] = word;
            _hashes[id] = hash;
        }
    }

    public int Count => _words.Length;

    public string this[int id] => _words[id];

    /// <summary>The word's id, or -1 when it is not in the table.</summary>
    public int Find(ReadOnlySpan<char> folded)
    {
        var hash = Hash(folded);
        var slots = _slots;
        var slot = (int)(hash & (uint)_mask);
        while (true)
        {
            var entry = slots[slot];
            if (entry == 0)
            {
                return -1;
            }

            var id = entry - 1;
            if (_hashes[id] == hash && folded.SequenceEqual(_words[id]))
            {
                return id;
            }

            slot = (slot + 1) & _mask;
        }
    }

    private static uint Hash(ReadOnlySpan<char> word)
    {
        var hash = 2166136261u;
        foreach (var c in word)
        {
            hash = (hash ^ c) * 16777619u;
        }

        // Mix the high bits down: the table masks the low ones.
        return hash ^ (hash >> 15);
    }
}
