namespace Pulse.Analytics.Matching;

/// <summary>A phrase term filed under its first token.</summary>
internal readonly record struct IndexedPhrase(int TermId, TermPattern Pattern);
