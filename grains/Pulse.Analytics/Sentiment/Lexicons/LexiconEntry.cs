namespace Pulse.Analytics.Sentiment.Lexicons;

/// <summary>
/// What the lexicon knows about one folded word: its role and value (a valence in -4..+4 or a booster step).
/// <paramref name="NegatesBackward"/> marks German sentence-final negation: "Das gefällt mir nicht".
/// </summary>
internal readonly record struct LexiconEntry(WordRole Role, float Value, bool NegatesBackward = false);
