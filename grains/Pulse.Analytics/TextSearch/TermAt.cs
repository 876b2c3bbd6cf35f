namespace Pulse.Analytics.TextSearch;

/// <summary>
/// A stored token: a word position and the id of its term in the batch's term dictionary, as the archive keeps a
/// mention's <see cref="SearchToken"/>s without their strings.
/// </summary>
public readonly record struct TermAt(int Position, int Term);
