namespace Pulse.Analytics.TextSearch;

/// <summary>
/// One search term of a text at its word position (0 for the first word). Stop words leave their position empty, and a
/// word with umlauts may put two terms at one position ("Müller": the stems of "mueller" and "muller").
/// </summary>
public readonly record struct SearchToken(int Position, string Term);
