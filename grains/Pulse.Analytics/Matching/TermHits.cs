namespace Pulse.Analytics.Matching;

/// <summary>
/// The terms one mention hit (a bitset over term ids) and the brands worth evaluating: only brands
/// with a candidate term among the hits can match, so the rest are never looked at.
/// </summary>
internal ref struct TermHits : ITermHitSink
{
    private readonly Span<ulong> _terms;
    private readonly Span<ulong> _candidateBits;
    private readonly List<int> _hitTerms;
    private readonly List<int> _candidates;
    private readonly int[][] _brandsByTerm;

    /// <param name="scratch">Rented for this matcher's term and brand counts; records what is set so it can be cleared.</param>
    /// <param name="brandsByTerm">Per term id, the brands it makes candidates.</param>
    public TermHits(MatchScratch scratch, int[][] brandsByTerm, int brandCount)
    {
        _terms = scratch.Terms(brandsByTerm.Length);
        _candidateBits = scratch.Brands(brandCount);
        _hitTerms = scratch.HitTerms;
        _candidates = scratch.Candidates;
        _brandsByTerm = brandsByTerm;
    }

    public readonly ReadOnlySpan<ulong> Terms => _terms;

    /// <summary>The brands some hit term points at, in the order they were first hit (sort for brand order).</summary>
    public readonly List<int> Candidates => _candidates;

    public readonly bool IsHit(int termId) => MatchExpression.IsHit(_terms, termId);

    public readonly void Hit(int termId)
    {
        ref ulong word = ref _terms[termId >> 6];
        ulong bit = 1UL << termId;
        if ((word & bit) != 0)
        {
            return;
        }

        word |= bit;
        _hitTerms.Add(termId);
        foreach (int brand in _brandsByTerm[termId])
        {
            ref ulong brandWord = ref _candidateBits[brand >> 6];
            ulong brandBit = 1UL << brand;
            if ((brandWord & brandBit) == 0)
            {
                brandWord |= brandBit;
                _candidates.Add(brand);
            }
        }
    }
}
