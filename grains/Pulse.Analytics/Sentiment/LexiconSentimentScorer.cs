using Pulse.Analytics.Language;
using Pulse.Analytics.Sentiment.Lexicons;

namespace Pulse.Analytics.Sentiment;

/// <summary>
/// Rule-and-lexicon sentiment for English and German social posts, in the manner of VADER: valences are summed
/// per clause with negation, boosters, shouting, stretching and "!" applied, clauses after "but"/"aber" count more,
/// and the sum is squashed into [-1, 1]. One pass tokenises, folds, looks every word up once in a bilingual table
/// and gathers language evidence; a second pass over the scanned tokens scores them in the detected language.
/// Thread-safe; <see cref="Score"/> does not allocate.
/// </summary>
public sealed class LexiconSentimentScorer : ISentimentScorer
{
    // Longer clauses are scored in parts; modifiers only reach three words anyway.
    private const int MaxClauseLength = 64;

    private static readonly Lazy<SentimentLexicon> BuiltIn = new(() => SentimentLexicon.Create(
        EnglishLexicon.Words(EnglishLexicon.Valences, LexiconFile.Read(LexiconFile.Afinn, Valence.AfinnScale), LexiconFile.Read(LexiconFile.Vader)),
        GermanLexicon.Words(GermanLexicon.Valences, LexiconFile.Read(LexiconFile.German)),
        SymbolLexicon.Words,
        new LexiconBorrowing(Valence.BorrowedScale, LexiconBorrowing.GermanFalseFriends)));

    // Each thread scans into its own buffer: no allocation per post, no sharing between ingest partitions.
    [ThreadStatic]
    private static ScannedToken[]? t_tokens;

    private readonly SentimentLexicon _lexicon;
    private readonly GermanCompounds _compounds;

    /// <summary>Uses the built-in lexicons: VADER, AFINN-165 and Pulse's own for English, Pulse's own for German.</summary>
    public LexiconSentimentScorer()
    {
        _lexicon = BuiltIn.Value;
        _compounds = new GermanCompounds(_lexicon);
    }

    /// <summary>
    /// Uses other valences (word → -4..+4) while keeping the negation, booster and contrast rules and the emoji.
    /// Words are matched case-insensitively, with umlauts and ß folded.
    /// </summary>
    public LexiconSentimentScorer(IReadOnlyDictionary<string, float> englishValences, IReadOnlyDictionary<string, float> germanValences)
    {
        ArgumentNullException.ThrowIfNull(englishValences);
        ArgumentNullException.ThrowIfNull(germanValences);
        _lexicon = SentimentLexicon.Create(
            EnglishLexicon.Words(englishValences), GermanLexicon.Words(germanValences), SymbolLexicon.Words, LexiconBorrowing.None);
        _compounds = new GermanCompounds(_lexicon);
    }

    public SentimentResult Score(ReadOnlySpan<char> text)
    {
        var tokens = t_tokens ??= new ScannedToken[256];
        var count = Scan(text, ref tokens, out var evidence, out var shoutingStandsOut, out var symbols);
        t_tokens = tokens;
        var language = evidence.Language;
        var total = Sum(text, tokens.AsSpan(0, count), language, shoutingStandsOut, out var exclamations);
        if (total != 0)
        {
            total += Math.Sign(total) * Math.Min(exclamations, Valence.MaxExclamations) * Valence.ExclamationBoost;
        }

        var score = (float)Math.Clamp(total / Math.Sqrt((total * total) + Valence.NormalisationAlpha), -1.0, 1.0);
        return new SentimentResult(score, LabelOf(score, language, symbols), language);
    }

    // Pass one: tokens, lexicon ids, idioms and language evidence.
    private int Scan(ReadOnlySpan<char> text, ref ScannedToken[] tokens, out LanguageEvidence evidence, out bool shoutingStandsOut, out bool symbols)
    {
        symbols = false;
        evidence = default;
        var shouted = false;
        var spoken = false;
        var count = 0;
        var previousLength = 0;
        Span<char> folded = stackalloc char[WordFolding.MaxFoldedLength];
        Span<char> pair = stackalloc char[(WordFolding.MaxFoldedLength * 2) + 1];

        var tokenizer = new SocialTokenizer(text, folded);
        while (tokenizer.Next(out var token))
        {
            if (count == tokens.Length)
            {
                // A post longer than any seen on this thread so far: grow once, keep the bigger buffer.
                Array.Resize(ref tokens, tokens.Length * 2);
            }

            var word = token.Of(text);
            switch (token.Kind)
            {
                case TokenKind.Word:
                {
                    var length = tokenizer.FoldedLength;
                    var shape = tokenizer.Shape;
                    var id = length == 0 ? -1 : _lexicon.Find(folded[..length], tokenizer.FoldedHash);
                    if (id < 0 && (shape & WordShape.Elongated) != 0)
                    {
                        // "sooo" squeezes to "soo" first (keeping "good" intact), then to "so".
                        length = WordFolding.Fold(word, folded, squeezedRun: 1);
                        id = _lexicon.Find(folded[..length]);
                    }

                    var idiom = -1;
                    if (previousLength > 0 && length > 0)
                    {
                        pair[previousLength] = ' ';
                        folded[..length].CopyTo(pair[(previousLength + 1)..]);
                        idiom = _lexicon.Find(pair[..(previousLength + 1 + length)]);
                    }

                    previousLength = 0;
                    var flags = id < 0 ? WordFlags.None : _lexicon.Flags(id);
                    if ((flags & WordFlags.StartsIdiom) != 0)
                    {
                        folded[..length].CopyTo(pair);
                        previousLength = length;
                    }

                    evidence.Add(FunctionWordLanguageOf(flags), shape);
                    if ((flags & (WordFlags.EnglishFunctionWord | WordFlags.GermanFunctionWord)) == 0)
                    {
                        evidence.AddSpelling(folded[..length]);
                    }
                    shouted |= (shape & WordShape.Shouted) != 0;
                    spoken |= (shape & WordShape.Spoken) != 0;
                    tokens[count++] = new ScannedToken(token.Start, id, idiom, (short)token.Length, TokenKind.Word, shape);
                    break;
                }

                case TokenKind.Symbol:
                {
                    previousLength = 0;
                    var length = WordFolding.Fold(word, folded, squeezedRun: 1);
                    var id = length == 0 ? -1 : _lexicon.Find(folded[..length]);
                    if (id >= 0)
                    {
                        // Unknown pictographs and skin-tone modifiers are not words; they must not push modifiers out of reach.
                        tokens[count++] = new ScannedToken(token.Start, id, -1, (short)token.Length, TokenKind.Symbol, WordShape.None);
                        symbols = true;
                    }

                    break;
                }

                default:
                    previousLength = 0;
                    tokens[count++] = new ScannedToken(token.Start, -1, -1, (short)Math.Min(token.Length, short.MaxValue), token.Kind, WordShape.None);
                    break;
            }
        }

        // Capitals only emphasise when the rest of the post is not shouted too.
        shoutingStandsOut = shouted && spoken;
        return count;
    }

    // Pass two: clause by clause, in the detected language.
    private double Sum(ReadOnlySpan<char> text, ReadOnlySpan<ScannedToken> tokens, string language, bool shoutingStandsOut, out int exclamations)
    {
        Span<ClauseItem> clause = stackalloc ClauseItem[MaxClauseLength];
        var length = 0;
        var total = 0.0;
        var weight = 1.0;
        exclamations = 0;
        for (var i = 0; i < tokens.Length; i++)
        {
            var token = tokens[i];
            if (token.Kind is TokenKind.ClauseBreak or TokenKind.Exclamation)
            {
                total += weight * ClauseScorer.Score(clause[..length]);
                length = 0;
                exclamations += token.Kind == TokenKind.Exclamation ? token.Length : 0;
                continue;
            }

            var entry = EntryOf(token, language);
            if (entry.Role == WordRole.None && token.Kind == TokenKind.Word && ReferenceEquals(language, Languages.German))
            {
                entry = _compounds.Find(text.Slice(token.Start, token.Length));
            }

            if (entry.Role == WordRole.Sentiment && token.Id >= 0 && (_lexicon.Flags(token.Id) & WordFlags.NeedsSubject) != 0
                && !ReferenceEquals(language, Languages.German) && !FollowsSubject(tokens, i))
            {
                entry = default;
            }

            if (token.Kind == TokenKind.Symbol)
            {
                // An emoji is the writer's own verdict: no word negates or boosts it, and none reaches past it
                // ("still no cheque :( damn").
                total += weight * ClauseScorer.Score(clause[..length]);
                total += weight * entry.Value;
                length = 0;
                continue;
            }

            if (i + 1 < tokens.Length && tokens[i + 1].IdiomId >= 0 && EntryOf(tokens[i + 1].IdiomId, language).Role != WordRole.None)
            {
                // The first word of an idiom says nothing alone: "fed" in "fed up", "nicht" in "nicht schlecht".
                entry = default;
            }

            if (entry.Role == WordRole.Contrast)
            {
                total = (total + (weight * ClauseScorer.Score(clause[..length]))) * Valence.ContrastBefore;
                weight = Valence.ContrastAfter;
                length = 0;
                continue;
            }

            if (length == clause.Length)
            {
                total += weight * ClauseScorer.Score(clause);
                length = 0;
            }

            var shape = token.Shape;
            clause[length++] = new ClauseItem(
                entry,
                shoutingStandsOut && (shape & WordShape.Shouted) != 0,
                (shape & WordShape.Elongated) != 0);
        }

        return total + (weight * ClauseScorer.Score(clause[..length]));
    }

    private bool FollowsSubject(ReadOnlySpan<ScannedToken> tokens, int index) =>
        index > 0 && tokens[index - 1].Kind == TokenKind.Word && tokens[index - 1].Id >= 0
        && (_lexicon.Flags(tokens[index - 1].Id) & WordFlags.Subject) != 0;

    private LexiconEntry EntryOf(ScannedToken token, string language)
    {
        if (token.IdiomId >= 0)
        {
            var idiom = EntryOf(token.IdiomId, language);
            if (idiom.Role != WordRole.None)
            {
                return idiom;
            }
        }

        var entry = token.Id < 0 ? default : EntryOf(token.Id, language);
        if (entry.Role == WordRole.None && (token.Shape & WordShape.NegatedContraction) != 0 && !ReferenceEquals(language, Languages.German))
        {
            // "doesn't", "isn’t": English negation whether or not the contraction is listed.
            return new LexiconEntry(WordRole.Negator, 0f);
        }

        return entry;
    }

    private LexiconEntry EntryOf(int id, string language)
    {
        if (ReferenceEquals(language, Languages.English))
        {
            return _lexicon.English(id);
        }

        if (ReferenceEquals(language, Languages.German))
        {
            return _lexicon.German(id);
        }

        var english = _lexicon.English(id);
        return english.Role != WordRole.None ? english : _lexicon.German(id);
    }

    private static FunctionWordLanguage FunctionWordLanguageOf(WordFlags flags) =>
        ((flags & WordFlags.EnglishFunctionWord) != 0 ? FunctionWordLanguage.English : FunctionWordLanguage.None)
        | ((flags & WordFlags.GermanFunctionWord) != 0 ? FunctionWordLanguage.German : FunctionWordLanguage.None);

    // Emoji and emoticons are the writer's own label, so a post with one needs no more than VADER's narrow band.
    private static SentimentLabel LabelOf(float score, string language, bool hasSymbol)
    {
        var english = !ReferenceEquals(language, Languages.German) && !hasSymbol;
        var positive = english ? Valence.EnglishPositiveThreshold : Valence.NeutralBand;
        var negative = english ? Valence.EnglishNegativeThreshold : Valence.NeutralBand;
        return score >= positive ? SentimentLabel.Positive
            : score <= -negative && score < 0 ? SentimentLabel.Negative
            : SentimentLabel.Neutral;
    }
}
