namespace Pulse.Analytics.Sentiment.Lexicons;

/// <summary>
/// The word lists of one language: valence sources (-4..+4, the first to list a word wins) plus the small grammar
/// that modifies them. Valences are data and can be swapped for a bigger lexicon; the grammar words stay.
/// A valence key with one space is a two-word idiom ("fed up").
/// </summary>
internal sealed record LexiconWords(
    IReadOnlyList<IReadOnlyDictionary<string, float>> Valences,
    IReadOnlyList<string> Negators,
    IReadOnlyList<string> BackwardNegators,
    IReadOnlyDictionary<string, float> Boosters,
    IReadOnlyList<string> Contrasts,
    Morphology Morphology);
