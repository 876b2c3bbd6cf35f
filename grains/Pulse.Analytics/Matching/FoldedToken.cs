namespace Pulse.Analytics.Matching;

/// <summary>
/// One token of a mention, as ranges into the scratch buffer <see cref="TextNormalizer.Tokenize"/> wrote.
/// <see cref="Length"/> covers the folded form (ä→ae); <see cref="AlternateLength"/> is 0 unless the token
/// had an umlaut, in which case the alternate form drops it (ä→a) so "muller" can still find "Müller".
/// <see cref="RawStart"/> and <see cref="RawLength"/> locate the token in the text as it was written, for display.
/// </summary>
public readonly record struct FoldedToken(int Start, int Length, int AlternateStart, int AlternateLength, int RawStart, int RawLength)
{
    public bool HasAlternate => AlternateLength > 0;

    public ReadOnlySpan<char> Text(ReadOnlySpan<char> scratch) => scratch.Slice(Start, Length);

    public ReadOnlySpan<char> Alternate(ReadOnlySpan<char> scratch) => scratch.Slice(AlternateStart, AlternateLength);

    /// <summary>The token as written ("Stellwerksstörung", "#NordtaktChaos"), from the text that was tokenized.</summary>
    public ReadOnlySpan<char> Raw(ReadOnlySpan<char> text) => text.Slice(RawStart, RawLength);
}
