using Pulse.Analytics.Language;
using Pulse.Analytics.Sentiment.Lexicons;

namespace Pulse.Analytics.Sentiment;

/// <summary>
/// Rule-and-lexicon sentiment for English and German social posts, in the manner of VADER: valences are summed
/// per clause with negation, boosters, shouting, stretching and "!" applied, clauses after "but"/"aber" count more,
/// and the sum is squashed into [-1, 1]. Thread-safe; <see cref="Score"/> does not allocate.
/// </summary>
public sealed class LexiconSentimentScorer : ISentimentScorer
{
    // Longer clauses are scored in parts; modifiers only reach three words anyway.
    private const int MaxClauseLength = 64;

    private readonly SentimentLexicon _english;
    private readonly SentimentLexicon _german;
    private readonly SentimentLexicon _undetermined;

    /// <summary>Uses the built-in English and German lexicons.</summary>
    public LexiconSentimentScorer()
        : this(EnglishLexicon.Valences, GermanLexicon.Valences)
    {
    }

    /// <summary>
    /// Uses other valences (word → -4..+4) while keeping the negation, booster and contrast rules and the emoji.
    /// Words are matched case-insensitively, with umlauts and ß folded.
    /// </summary>
    public LexiconSentimentScorer(IReadOnlyDictionary<string, float> englishValences, IReadOnlyDictionary<string, float> germanValences)
    {
        ArgumentNullException.ThrowIfNull(englishValences);
        ArgumentNullException.ThrowIfNull(germanValences);
        var english = EnglishLexicon.Words(englishValences);
        var german = GermanLexicon.Words(germanValences);
        _english = SentimentLexicon.Create(english, SymbolLexicon.Words);
        _german = SentimentLexicon.Create(german, SymbolLexicon.Words);
        _undetermined = SentimentLexicon.Create(english, german, SymbolLexicon.Words);
    }

    public SentimentResult Score(ReadOnlySpan<char> text)
    {
        var language = LanguageDetector.Detect(text);
        var lexicon = language switch
        {
            Languages.English => _english,
            Languages.German => _german,
            _ => _undetermined,
        };

        var shoutingStandsOut = HasMixedCase(text);
        Span<ClauseItem> clause = stackalloc ClauseItem[MaxClauseLength];
        Span<char> folded = stackalloc char[WordFolding.MaxFoldedLength];
        var length = 0;
        var total = 0.0;
        var weight = 1.0;
        var exclamations = 0;

        var tokenizer = new SocialTokenizer(text);
        while (tokenizer.Next(out var token))
        {
            if (token.Kind is TokenKind.ClauseBreak or TokenKind.Exclamation)
            {
                total += weight * ClauseScorer.Score(clause[..length]);
                length = 0;
                exclamations += token.Kind == TokenKind.Exclamation ? token.Length : 0;
                continue;
            }

            var item = Resolve(token.Of(text), lexicon, shoutingStandsOut, folded);
            if (item.Entry.Role == WordRole.Contrast)
            {
                total = (total + (weight * ClauseScorer.Score(clause[..length]))) * Valence.ContrastBefore;
                weight = Valence.ContrastAfter;
                length = 0;
                continue;
            }

            if (token.Kind == TokenKind.Symbol && item.Entry.Role == WordRole.None)
            {
                // Unknown pictographs and skin-tone modifiers are not words; they must not push modifiers out of reach.
                continue;
            }

            if (length == clause.Length)
            {
                total += weight * ClauseScorer.Score(clause);
                length = 0;
            }

            clause[length++] = item;
        }

        total += weight * ClauseScorer.Score(clause[..length]);
        if (total != 0)
        {
            total += Math.Sign(total) * Math.Min(exclamations, Valence.MaxExclamations) * Valence.ExclamationBoost;
        }

        var score = (float)Math.Clamp(total / Math.Sqrt((total * total) + Valence.NormalisationAlpha), -1.0, 1.0);
        return new SentimentResult(score, LabelOf(score), language);
    }

    private static ClauseItem Resolve(ReadOnlySpan<char> word, SentimentLexicon lexicon, bool shoutingStandsOut, Span<char> folded)
    {
        var length = WordFolding.Fold(word, folded, squeezedRun: 2);
        if (length == 0)
        {
            return default;
        }

        var entry = lexicon.Find(folded[..length]);
        var elongated = WordFolding.IsElongated(word);
        if (entry.Role == WordRole.None && elongated)
        {
            // "sooo" squeezes to "soo" first (keeping "good" intact), then to "so".
            length = WordFolding.Fold(word, folded, squeezedRun: 1);
            entry = lexicon.Find(folded[..length]);
        }

        return new ClauseItem(entry, shoutingStandsOut && WordFolding.IsShouted(word), elongated);
    }

    // Capitals only emphasise when the rest of the post is not shouted too.
    private static bool HasMixedCase(ReadOnlySpan<char> text)
    {
        var shouted = false;
        var spoken = false;
        var tokenizer = new SocialTokenizer(text);
        while (tokenizer.Next(out var token) && !(shouted && spoken))
        {
            if (token.Kind != TokenKind.Word)
            {
                continue;
            }

            if (WordFolding.IsShouted(token.Of(text)))
            {
                shouted = true;
            }
            else if (HasLowerLetter(token.Of(text)))
            {
                spoken = true;
            }
        }

        return shouted && spoken;
    }

    private static bool HasLowerLetter(ReadOnlySpan<char> word)
    {
        foreach (var c in word)
        {
            if (char.IsLower(c))
            {
                return true;
            }
        }

        return false;
    }

    private static SentimentLabel LabelOf(float score) => score switch
    {
        >= Valence.NeutralBand => SentimentLabel.Positive,
        <= -Valence.NeutralBand => SentimentLabel.Negative,
        _ => SentimentLabel.Neutral,
    };
}
