namespace Pulse.Analytics.Sentiment.Lexicons;

/// <summary>
/// The word lists of one language: valences (-4..+4) plus the small grammar that modifies them.
/// Valences are data and can be swapped for a bigger lexicon; the grammar words stay.
/// </summary>
internal sealed record LexiconWords(
    IReadOnlyDictionary<string, float> Valences,
    IReadOnlyList<string> Negators,
    IReadOnlyList<string> BackwardNegators,
    IReadOnlyDictionary<string, float> Boosters,
    IReadOnlyList<string> Contrasts,
    Morphology Morphology);
