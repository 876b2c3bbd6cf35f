using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;

namespace Pulse.Analytics.TextSearch;

/// <summary>
/// A thread-safe string-to-string map that is read with a span, so a word found in it costs no allocation, and that
/// stops taking entries at <see cref="Capacity"/>: text from outside (any number of distinct words) cannot make it
/// grow without end. Entries are never removed; what is not cached is simply computed again.
/// </summary>
internal sealed class BoundedStringMap
{
    private readonly ConcurrentDictionary<string, string> _entries = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> _bySpan;
    private int _count;

    public BoundedStringMap(int capacity)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(capacity);
        Capacity = capacity;
        _bySpan = _entries.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    public int Capacity { get; }

    /// <summary>Entries held; never more than <see cref="Capacity"/>.</summary>
    public int Count => Volatile.Read(ref _count);

    public bool TryGetValue(ReadOnlySpan<char> key, [MaybeNullWhen(false)] out string value) => _bySpan.TryGetValue(key, out value);

    /// <summary>Adds the entry unless the map is full or already has the key.</summary>
    public void TryAdd(string key, string value)
    {
        // A slot is claimed before adding (the dictionary's own Count takes every lock), and given back if not used.
        if (Interlocked.Increment(ref _count) > Capacity || !_entries.TryAdd(key, value))
        {
            Interlocked.Decrement(ref _count);
        }
    }
}
