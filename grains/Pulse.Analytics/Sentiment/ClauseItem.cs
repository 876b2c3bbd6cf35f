using Pulse.Analytics.Sentiment.Lexicons;

namespace Pulse.Analytics.Sentiment;

/// <summary>One word or symbol of a clause, resolved against the lexicon, with the emphasis it was written with.</summary>
internal readonly record struct ClauseItem(LexiconEntry Entry, bool Shouted, bool Elongated);
