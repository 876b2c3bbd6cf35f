using System.Buffers;
using Pulse.Analytics.Matching;

namespace Pulse.Analytics.TextSearch;

/// <summary>
/// Turns a mention's text, or a query's words, into search terms, identically for the archive's index and its queries.
/// The text is folded as brand matching folds it (<see cref="TextNormalizer.FoldText(ReadOnlySpan{char}, bool, out bool)"/>:
/// lower case, ä → ae, ß → ss, other diacritics dropped) and split into runs of letters and digits. German and English
/// words then lose their stop words and are stemmed with Snowball; other languages keep the folded words
/// (PostgreSQL's german, english and simple configurations). A word with umlauts also gets the stem of its folding
/// without them, at the same position, so "Müller" is found by "Müller", "Mueller" and "Muller".
/// Thread-safe: one instance is meant to be shared. Stems are cached per language (bounded), so a warm analysis
/// allocates nothing but what <c>into</c> grows by, and equal terms are one string.
/// </summary>
public sealed class SearchAnalyzer
{
    /// <summary>
    /// Words cached per language, and distinct terms interned, by default. Filled with random words, one language's cache
    /// and the terms took about 33 MB, so all three languages full would be some 75 MB.
    /// </summary>
    public const int DefaultCacheCapacity = 200_000;

    /// <summary>
    /// Longer words are skipped (still taking a position): no real word is this long, and hostile text must not put
    /// huge terms into the index.
    /// </summary>
    public const int MaxWordLength = 64;

    // What a cached word maps to when it is a stop word: no stem is empty.
    private const string StopWord = "";

    private readonly BoundedStringMap[] _words;
    private readonly BoundedStringMap _terms;

    /// <summary>
    /// An analyzer caching up to <paramref name="cacheCapacity"/> words per language, and as many distinct terms; once a
    /// cache is full, words not in it are stemmed every time they are seen.
    /// </summary>
    public SearchAnalyzer(int cacheCapacity = DefaultCacheCapacity)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(cacheCapacity);
        _words = new BoundedStringMap[SearchLanguage.Count];
        for (int i = 0; i < _words.Length; i++)
        {
            _words[i] = new BoundedStringMap(cacheCapacity);
        }

        _terms = new BoundedStringMap(cacheCapacity);
    }

    /// <summary>
    /// Appends the terms of <paramref name="text"/> in a mention of language <paramref name="lang"/> ("de", "en";
    /// anything else is analysed as "simple") to <paramref name="into"/>, in position order, positions counting words
    /// from 0 in this text. Stop words and words over <see cref="MaxWordLength"/> take a position but give no term;
    /// a word with umlauts may give two terms at its position.
    /// </summary>
    public void Analyze(ReadOnlySpan<char> text, string? lang, List<SearchToken> into) =>
        Analyze(text, SearchLanguage.Of(lang), into, umlautAlternatives: true);

    /// <summary>Words cached for <paramref name="lang"/>; for tests of the bound.</summary>
    internal int CachedWords(string? lang) => _words[SearchLanguage.Of(lang).Index].Count;

    /// <summary>Distinct terms interned; for tests of the bound.</summary>
    internal int CachedTerms => _terms.Count;

    /// <summary>
    /// As <see cref="Analyze(ReadOnlySpan{char}, string?, List{SearchToken})"/>; queries pass false for
    /// <paramref name="umlautAlternatives"/>, as a query is folded with ä → ae only and the index holds both forms.
    /// </summary>
    internal void Analyze(ReadOnlySpan<char> text, SearchLanguage language, List<SearchToken> into, bool umlautAlternatives)
    {
        ArgumentNullException.ThrowIfNull(into);
        if (text.IsEmpty)
        {
            return;
        }

        int foldedLength = TextNormalizer.FoldedTextLength(text.Length);
        char[] buffer = ArrayPool<char>.Shared.Rent(checked(foldedLength * 2));
        try
        {
            Span<char> folded = buffer.AsSpan(0, foldedLength);
            folded = folded[..TextNormalizer.FoldText(text, folded, dropUmlauts: false, out bool hadUmlaut)];

            // Folding keeps every separator and maps letters to letters, so both foldings have the same words in the
            // same order: the plain one is walked alongside.
            Span<char> plain = default;
            if (umlautAlternatives && hadUmlaut)
            {
                plain = buffer.AsSpan(foldedLength, foldedLength);
                plain = plain[..TextNormalizer.FoldText(text, plain, dropUmlauts: true, out _)];
            }

            var words = _words[language.Index];
            int position = 0, at = 0, plainAt = 0;
            while (FoldedWords.Next(folded, ref at, out var word))
            {
                ReadOnlySpan<char> plainWord = default;
                bool hasPlain = !plain.IsEmpty && FoldedWords.Next(plain, ref plainAt, out plainWord);
                if (word.Length <= MaxWordLength)
                {
                    string? term = Term(language, words, word);
                    if (term is not null)
                    {
                        into.Add(new SearchToken(position, term));
                    }

                    if (hasPlain && !plainWord.SequenceEqual(word)
                        && Term(language, words, plainWord) is { } plainTerm && !string.Equals(plainTerm, term, StringComparison.Ordinal))
                    {
                        into.Add(new SearchToken(position, plainTerm));
                    }
                }

                position++;
            }
        }
        finally
        {
            ArrayPool<char>.Shared.Return(buffer);
        }
    }

    /// <summary>The term of a folded word, or null for a stop word.</summary>
    private string? Term(SearchLanguage language, BoundedStringMap words, ReadOnlySpan<char> word)
    {
        if (!words.TryGetValue(word, out var term))
        {
            term = FirstSeen(language, words, word);
        }

        return term.Length == 0 ? null : term;
    }

    /// <summary>Stems a word that is not cached (yet, or any more once the cache is full) and caches it if there is room.</summary>
    private string FirstSeen(SearchLanguage language, BoundedStringMap words, ReadOnlySpan<char> word)
    {
        string key = word.ToString();
        if (language.StopWords.Contains(key))
        {
            words.TryAdd(key, StopWord);
            return StopWord;
        }

        ReadOnlySpan<char> stem = language.Stem(key);
        if (stem.SequenceEqual(key))
        {
            string term = Intern(key);
            words.TryAdd(term, term);
            return term;
        }

        string stemmed = Intern(stem);
        words.TryAdd(key, stemmed);
        return stemmed;
    }

    /// <summary>One string for equal terms, as far as the term cache holds them.</summary>
    private string Intern(ReadOnlySpan<char> term) =>
        _terms.TryGetValue(term, out var interned) ? interned : Add(term.ToString());

    private string Intern(string term) =>
        _terms.TryGetValue(term, out var interned) ? interned : Add(term);

    private string Add(string term)
    {
        _terms.TryAdd(term, term);
        return term;
    }
}
