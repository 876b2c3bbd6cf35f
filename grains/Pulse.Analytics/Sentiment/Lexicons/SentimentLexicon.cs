using Pulse.Analytics.Language;

namespace Pulse.Analytics.Sentiment.Lexicons;

/// <summary>
/// Folded word → <see cref="LexiconEntry"/>, looked up by span so scoring never allocates.
/// Built once, then only read: safe to share across threads.
/// </summary>
internal sealed class SentimentLexicon
{
    private static readonly string[] GermanEndings = ["em", "en", "er", "es", "e"];

    private readonly Dictionary<string, LexiconEntry>.AlternateLookup<ReadOnlySpan<char>> _entries;
    private readonly Morphology _morphology;

    private SentimentLexicon(Dictionary<string, LexiconEntry> entries, Morphology morphology)
    {
        _entries = entries.GetAlternateLookup<ReadOnlySpan<char>>();
        _morphology = morphology;
    }

    /// <summary>
    /// Merges word lists; where two sources list the same word the earlier one wins, and within a source
    /// grammar words win over valences ("no" negates rather than scoring).
    /// </summary>
    public static SentimentLexicon Create(params ReadOnlySpan<LexiconWords> sources)
    {
        var entries = new Dictionary<string, LexiconEntry>(StringComparer.Ordinal);
        var morphology = Morphology.None;
        foreach (var source in sources)
        {
            var own = new Dictionary<string, LexiconEntry>(StringComparer.Ordinal);
            foreach (var (word, valence) in source.Valences)
            {
                own[Fold(word)] = new LexiconEntry(WordRole.Sentiment, valence);
            }

            foreach (var (word, step) in source.Boosters)
            {
                own[Fold(word)] = new LexiconEntry(WordRole.Booster, step);
            }

            foreach (var word in source.Negators)
            {
                own[Fold(word)] = new LexiconEntry(WordRole.Negator, 0f);
            }

            foreach (var word in source.BackwardNegators)
            {
                own[Fold(word)] = new LexiconEntry(WordRole.Negator, 0f, NegatesBackward: true);
            }

            foreach (var word in source.Contrasts)
            {
                own[Fold(word)] = new LexiconEntry(WordRole.Contrast, 0f);
            }

            foreach (var (word, entry) in own)
            {
                entries.TryAdd(word, entry);
            }

            morphology |= source.Morphology;
        }

        return new SentimentLexicon(entries, morphology);
    }

    /// <summary>Finds a folded word, falling back to its stem by the lexicon's suffix rules; a miss has role None.</summary>
    public LexiconEntry Find(ReadOnlySpan<char> folded)
    {
        if (_entries.TryGetValue(folded, out var entry))
        {
            return entry;
        }

        if ((_morphology & Morphology.English) != 0 && TryEnglish(folded, out entry))
        {
            return entry;
        }

        if ((_morphology & Morphology.German) != 0 && TryGerman(folded, out entry))
        {
            return entry;
        }

        return default;
    }

    private bool TryEnglish(ReadOnlySpan<char> folded, out LexiconEntry entry)
    {
        if (folded.EndsWith("n't", StringComparison.Ordinal))
        {
            entry = new LexiconEntry(WordRole.Negator, 0f);
            return true;
        }

        if (folded.Length > 3 && folded[^1] == 's' && folded[^2] != 's')
        {
            return _entries.TryGetValue(folded[..^1], out entry);
        }

        entry = default;
        return false;
    }

    private bool TryGerman(ReadOnlySpan<char> folded, out LexiconEntry entry)
    {
        foreach (var ending in GermanEndings)
        {
            if (!folded.EndsWith(ending, StringComparison.Ordinal) || folded.Length - ending.Length < 3)
            {
                continue;
            }

            var stem = folded[..^ending.Length];
            if (_entries.TryGetValue(stem, out entry))
            {
                return true;
            }

            // Superlatives: "schönste" → "schönst" → "schön".
            return stem.Length > 4 && stem.EndsWith("st", StringComparison.Ordinal) && _entries.TryGetValue(stem[..^2], out entry);
        }

        entry = default;
        return false;
    }

    private static string Fold(string word)
    {
        Span<char> buffer = stackalloc char[WordFolding.MaxFoldedLength];
        var length = WordFolding.Fold(word, buffer, squeezedRun: 2);
        if (length == 0)
        {
            throw new ArgumentException($"Lexicon word '{word}' is empty or longer than {WordFolding.MaxWordLength} characters.", nameof(word));
        }

        return new string(buffer[..length]);
    }
}
