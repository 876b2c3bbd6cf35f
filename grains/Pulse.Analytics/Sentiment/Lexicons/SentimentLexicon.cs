using Pulse.Analytics.Language;

namespace Pulse.Analytics.Sentiment.Lexicons;

/// <summary>
/// Every folded word either language knows, in one <see cref="WordTable"/>, with its English and its German reading
/// side by side: a post is looked up once, while it is still being tokenised, before its language is known.
/// Inflected forms are generated when the lexicon is built (English "-s", German adjective endings), so a word
/// costs one probe whether it is listed, inflected or unknown. Built once, then only read: safe to share across threads.
/// </summary>
internal sealed class SentimentLexicon
{
    private static readonly string[] GermanEndings = ["e", "en", "er", "es", "em"];

    private readonly WordTable _table;
    private readonly LexiconEntry[] _english;
    private readonly LexiconEntry[] _german;
    private readonly WordFlags[] _flags;

    private SentimentLexicon(WordTable table, LexiconEntry[] english, LexiconEntry[] german, WordFlags[] flags)
    {
        _table = table;
        _english = english;
        _german = german;
        _flags = flags;
    }

    /// <summary>Words in the table, idioms and generated forms included.</summary>
    public int Count => _table.Count;

    /// <summary>The word's id, or -1 when neither language knows it.</summary>
    public int Find(ReadOnlySpan<char> folded) => _table.Find(folded);

    /// <summary>As <see cref="Find(ReadOnlySpan{char})"/>, with the hash the tokenizer computed while folding.</summary>
    public int Find(ReadOnlySpan<char> folded, uint hash) => _table.Find(folded, hash);

    /// <summary>The folded word with this id.</summary>
    public string Word(int id) => _table[id];

    public LexiconEntry English(int id) => _english[id];

    public LexiconEntry German(int id) => _german[id];

    public WordFlags Flags(int id) => _flags[id];

    public static SentimentLexicon Create(LexiconWords english, LexiconWords german, LexiconWords symbols, LexiconBorrowing borrowing)
    {
        var builder = new Builder();
        builder.AddLanguage(english, symbols, german: false);
        builder.AddLanguage(german, symbols, german: true);
        builder.Borrow(borrowing);
        foreach (var (word, language) in FunctionWords.Folded())
        {
            var flags = ((language & FunctionWordLanguage.English) != 0 ? WordFlags.EnglishFunctionWord : WordFlags.None)
                | ((language & FunctionWordLanguage.German) != 0 ? WordFlags.GermanFunctionWord : WordFlags.None);
            builder.Flag(word, flags);
        }

        foreach (var word in EnglishLexicon.LikingVerbs)
        {
            builder.Flag(Fold(word), WordFlags.NeedsSubject);
        }

        foreach (var word in EnglishLexicon.SubjectsOfLiking)
        {
            builder.Flag(Fold(word), WordFlags.Subject);
        }

        return builder.Build();
    }

    internal static string Fold(string word, int squeezedRun = 2)
    {
        Span<char> buffer = stackalloc char[WordFolding.MaxFoldedLength];
        var length = WordFolding.Fold(word, buffer, squeezedRun);
        return length == 0 ? string.Empty : new string(buffer[..length]);
    }

    private sealed class Builder
    {
        private readonly Dictionary<string, int> _ids = new(StringComparer.Ordinal);
        private readonly List<string> _words = [];
        private readonly List<LexiconEntry> _english = [];
        private readonly List<LexiconEntry> _german = [];
        private readonly List<WordFlags> _flags = [];

        public void AddLanguage(LexiconWords words, LexiconWords symbols, bool german)
        {
            // Grammar first: where a word is both ("no", "kein"), it negates rather than scores.
            foreach (var word in words.Negators)
            {
                Set(word, new LexiconEntry(WordRole.Negator, 0f), german);
            }

            foreach (var word in words.BackwardNegators)
            {
                Set(word, new LexiconEntry(WordRole.Negator, 0f, NegatesBackward: true), german);
            }

            foreach (var (word, step) in words.Boosters)
            {
                Set(word, new LexiconEntry(WordRole.Booster, step), german);
            }

            foreach (var word in words.Contrasts)
            {
                Set(word, new LexiconEntry(WordRole.Contrast, 0f), german);
            }

            foreach (var valences in words.Valences)
            {
                foreach (var (word, valence) in valences)
                {
                    AddValence(word, valence, german);
                }
            }

            foreach (var valences in symbols.Valences)
            {
                foreach (var (symbol, valence) in valences)
                {
                    // Emoticons fold with runs squeezed to one, the way the scorer folds symbol tokens (":)))" is ":)").
                    Set(Fold(symbol, squeezedRun: 1), new LexiconEntry(WordRole.Sentiment, valence), german, folded: true);
                }
            }

            // Inflections last, so a listed form always wins over a generated one.
            foreach (var valences in words.Valences)
            {
                foreach (var (word, valence) in valences)
                {
                    if (!word.Contains(' ', StringComparison.Ordinal) && IsWord(word) && Math.Abs(valence) >= MinimumValence)
                    {
                        Inflect(Fold(word), new LexiconEntry(WordRole.Sentiment, valence), words.Morphology, german);
                    }
                }
            }
        }

        // German posts borrow English words ("nice", "fail", "love"), except false friends and German function words.
        public void Borrow(LexiconBorrowing borrowing)
        {
            if (borrowing.Scale == 0f)
            {
                return;
            }

            var falseFriends = new HashSet<string>(borrowing.FalseFriends.Select(w => Fold(w)), StringComparer.Ordinal);
            var germanFunctionWords = new HashSet<string>(FunctionWords.German.Select(w => Fold(w)), StringComparer.Ordinal);
            for (var id = 0; id < _words.Count; id++)
            {
                var english = _english[id];
                if (_german[id].Role != WordRole.None || english.Role != WordRole.Sentiment
                    || falseFriends.Contains(_words[id]) || germanFunctionWords.Contains(_words[id]))
                {
                    continue;
                }

                _german[id] = english with { Value = english.Value * borrowing.Scale };
            }
        }

        public void Flag(string folded, WordFlags flags)
        {
            var id = IdOf(folded);
            _flags[id] |= flags;
        }

        public SentimentLexicon Build() =>
            new(new WordTable(_words), [.. _english], [.. _german], [.. _flags]);

        // Entries this faint carry no opinion; listing them would only hide a more useful source's reading.
        private const float MinimumValence = 0.05f;

        private void AddValence(string word, float valence, bool german)
        {
            if (Math.Abs(valence) < MinimumValence)
            {
                return;
            }

            var parts = word.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length == 2 && IsWord(parts[0]) && IsWord(parts[1]))
            {
                var first = Fold(parts[0]);
                Flag(first, WordFlags.StartsIdiom);
                Set(first + " " + Fold(parts[1]), new LexiconEntry(WordRole.Sentiment, valence), german, folded: true);
                return;
            }

            if (parts.Length == 1 && IsWord(word))
            {
                Set(word, new LexiconEntry(WordRole.Sentiment, valence), german);
            }
        }

        private void Inflect(string folded, LexiconEntry entry, Morphology morphology, bool german)
        {
            if ((morphology & Morphology.English) != 0 && folded.Length > 2 && folded[^1] != 's')
            {
                Set(folded + "s", entry, german, folded: true);
            }

            if ((morphology & Morphology.German) != 0 && folded.Length > 2)
            {
                // Adjective endings, then superlatives and comparatives: base + st/er + ending ("schönste", "schöneren").
                var stem = folded[^1] == 'e' ? folded[..^1] : folded;
                foreach (var ending in GermanEndings)
                {
                    Set(stem + ending, entry, german, folded: true);
                    if (folded.Length > 3)
                    {
                        // Superlatives and inflected comparatives: "schönste", "schöneren".
                        Set(folded + "st" + ending, entry, german, folded: true);
                        Set(stem + "er" + ending, entry, german, folded: true);
                    }
                }
            }
        }

        // The first source to list a word wins: sources come in order of trust.
        private void Set(string word, LexiconEntry entry, bool german, bool folded = false)
        {
            var key = folded ? word : Fold(word);
            if (key.Length == 0)
            {
                return;
            }

            var id = IdOf(key);
            var entries = german ? _german : _english;
            if (entries[id].Role == WordRole.None)
            {
                entries[id] = entry;
                if (german && entry.Role == WordRole.Sentiment)
                {
                    _flags[id] |= WordFlags.GermanWord;
                }
            }
        }

        private int IdOf(string folded)
        {
            if (_ids.TryGetValue(folded, out var id))
            {
                return id;
            }

            id = _words.Count;
            _ids.Add(folded, id);
            _words.Add(folded);
            _english.Add(default);
            _german.Add(default);
            _flags.Add(WordFlags.None);
            return id;
        }

        // The tokenizer's words are letters, digits and inner apostrophes; anything else could never be looked up.
        private static bool IsWord(string word)
        {
            if (word.Length == 0 || word.Length > WordFolding.MaxWordLength || !char.IsLetterOrDigit(word[0]))
            {
                return false;
            }

            foreach (var c in word)
            {
                if (!char.IsLetterOrDigit(c) && c is not ('\'' or '’'))
                {
                    return false;
                }
            }

            return true;
        }
    }
}
