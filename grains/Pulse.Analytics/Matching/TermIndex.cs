using System.Buffers;
using System.Collections.Frozen;

namespace Pulse.Analytics.Matching;

/// <summary>
/// All brands' terms in one dictionary keyed by folded token, so a mention is tokenised once and each
/// token costs one lookup (plus one per distinct prefix length, and one per phrase pair it may start)
/// however many brands there are. Every distinct term gets an id; brands refer to terms by id.
/// </summary>
internal sealed class TermIndex
{
    private const int StackPairLength = 128;

    private readonly FrozenDictionary<string, TokenEntry>.AlternateLookup<ReadOnlySpan<char>> _lookup;
    private readonly int[] _prefixLengths;

    private TermIndex(FrozenDictionary<string, TokenEntry> entries, int[] prefixLengths, int termCount)
    {
        _lookup = entries.GetAlternateLookup<ReadOnlySpan<char>>();
        _prefixLengths = prefixLengths;
        TermCount = termCount;
    }

    public int TermCount { get; }

    /// <summary>
    /// Reports to <paramref name="hits"/> each term matching at token <paramref name="index"/> through
    /// its folded form <paramref name="form"/> (the token's text or its umlaut-dropped alternate).
    /// </summary>
    public void Visit<THits>(ReadOnlySpan<char> form, ReadOnlySpan<FoldedToken> tokens, int index, ReadOnlySpan<char> scratch, ref THits hits)
        where THits : ITermHitSink, allows ref struct
    {
        if (_lookup.TryGetValue(form, out TokenEntry? entry))
        {
            foreach (int term in entry.Exact)
            {
                hits.Hit(term);
            }

            foreach (int term in entry.Prefixes)
            {
                hits.Hit(term);
            }

            VerifyPhrases(entry, tokens, index, scratch, ref hits);
            if (entry.StartsPhrasePairs && index + 1 < tokens.Length)
            {
                FoldedToken next = tokens[index + 1];
                VisitPair(form, next.Text(scratch), tokens, index, scratch, ref hits);
                if (next.HasAlternate)
                {
                    VisitPair(form, next.Alternate(scratch), tokens, index, scratch, ref hits);
                }
            }
        }

        foreach (int length in _prefixLengths)
        {
            if (length >= form.Length)
            {
                break; // sorted; the full-length case was the lookup above
            }

            if (_lookup.TryGetValue(form[..length], out TokenEntry? prefixEntry))
            {
                foreach (int term in prefixEntry.Prefixes)
                {
                    hits.Hit(term);
                }
            }
        }
    }

    private void VisitPair<THits>(ReadOnlySpan<char> first, ReadOnlySpan<char> second, ReadOnlySpan<FoldedToken> tokens, int index, ReadOnlySpan<char> scratch, ref THits hits)
        where THits : ITermHitSink, allows ref struct
    {
        int length = first.Length + 1 + second.Length;
        char[]? rented = null;
        Span<char> key = length <= StackPairLength ? stackalloc char[StackPairLength] : (rented = ArrayPool<char>.Shared.Rent(length));
        first.CopyTo(key);
        key[first.Length] = ' ';
        second.CopyTo(key[(first.Length + 1)..]);
        if (_lookup.TryGetValue(key[..length], out TokenEntry? entry))
        {
            VerifyPhrases(entry, tokens, index, scratch, ref hits);
        }

        if (rented is not null)
        {
            ArrayPool<char>.Shared.Return(rented);
        }
    }

    private static void VerifyPhrases<THits>(TokenEntry entry, ReadOnlySpan<FoldedToken> tokens, int index, ReadOnlySpan<char> scratch, ref THits hits)
        where THits : ITermHitSink, allows ref struct
    {
        foreach (IndexedPhrase phrase in entry.Phrases)
        {
            if (!hits.IsHit(phrase.TermId) && phrase.Pattern.ContinuesAt(tokens, index, scratch))
            {
                hits.Hit(phrase.TermId);
            }
        }
    }

    /// <summary>Collects terms, deduplicating equal patterns, then freezes them into a <see cref="TermIndex"/>.</summary>
    public sealed class Builder
    {
        private readonly Dictionary<string, int> _idsByKey = new(StringComparer.Ordinal);
        private readonly Dictionary<string, EntryBuilder> _entries = new(StringComparer.Ordinal);
        private readonly SortedSet<int> _prefixLengths = [];

        public int Add(TermPattern pattern)
        {
            if (_idsByKey.TryGetValue(pattern.Key, out int existing))
            {
                return existing;
            }

            int id = _idsByKey.Count;
            _idsByKey.Add(pattern.Key, id);
            for (int f = 0; f < FormCount(pattern, 0); f++)
            {
                string first = Form(pattern, 0, f);
                EntryBuilder entry = EntryFor(first);
                if (!pattern.IsPhrase)
                {
                    (pattern.IsPrefix ? entry.Prefixes ??= [] : entry.Exact ??= []).Add(id);
                    if (pattern.IsPrefix)
                    {
                        _prefixLengths.Add(first.Length);
                    }
                }
                else if (pattern.IsPrefix && pattern.Tokens.Length == 2)
                {
                    (entry.Phrases ??= []).Add(new IndexedPhrase(id, pattern)); // second token is a prefix: no exact pair key
                }
                else
                {
                    entry.StartsPhrasePairs = true;
                    for (int g = 0; g < FormCount(pattern, 1); g++)
                    {
                        (EntryFor(first + " " + Form(pattern, 1, g)).Phrases ??= []).Add(new IndexedPhrase(id, pattern));
                    }
                }
            }

            return id;
        }

        public TermIndex Build()
        {
            var entries = _entries.ToFrozenDictionary(
                pair => pair.Key,
                pair => new TokenEntry(
                    pair.Value.Exact is { } exact ? [.. exact] : [],
                    pair.Value.Prefixes is { } prefixes ? [.. prefixes] : [],
                    pair.Value.Phrases is { } phrases ? [.. phrases] : [],
                    pair.Value.StartsPhrasePairs),
                StringComparer.Ordinal);
            return new TermIndex(entries, [.. _prefixLengths], _idsByKey.Count);
        }

        /// <summary>Forms of token <paramref name="k"/>: its folded form and, if it had an umlaut, its alternate.</summary>
        private static int FormCount(TermPattern pattern, int k) => pattern.Alternates[k] is null ? 1 : 2;

        private static string Form(TermPattern pattern, int k, int form) => form == 0 ? pattern.Tokens[k] : pattern.Alternates[k]!;

        private EntryBuilder EntryFor(string key)
        {
            if (!_entries.TryGetValue(key, out EntryBuilder? entry))
            {
                entry = new EntryBuilder();
                _entries.Add(key, entry);
            }

            return entry;
        }

        /// <summary>Lists made on first use: with 100 000 brands most keys hold one exact term and nothing else.</summary>
        private sealed class EntryBuilder
        {
            public List<int>? Exact { get; set; }

            public List<int>? Prefixes { get; set; }

            public List<IndexedPhrase>? Phrases { get; set; }

            public bool StartsPhrasePairs { get; set; }
        }
    }
}
