using System.Numerics;

namespace Pulse.Analytics.Matching;

/// <summary>
/// The terms one mention hit (a bitset over term ids) and the brands worth evaluating: only brands
/// with a positive term among the hits can match, so the rest are never looked at.
/// </summary>
internal ref struct TermHits : ITermHitSink
{
    private readonly Span<ulong> _terms;
    private readonly Span<ulong> _candidates;
    private readonly int[][] _brandsByTerm;

    /// <param name="terms">Cleared bitset with a bit per term id.</param>
    /// <param name="candidates">Cleared bitset with a bit per brand index.</param>
    /// <param name="brandsByTerm">Per term id, the brands in which it occurs positively.</param>
    public TermHits(Span<ulong> terms, Span<ulong> candidates, int[][] brandsByTerm)
    {
        _terms = terms;
        _candidates = candidates;
        _brandsByTerm = brandsByTerm;
    }

    public readonly ReadOnlySpan<ulong> Terms => _terms;

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
        foreach (int brand in _brandsByTerm[termId])
        {
            _candidates[brand >> 6] |= 1UL << brand;
        }
    }

    /// <summary>Moves <paramref name="cursor"/> to the next candidate brand; start with -1.</summary>
    public readonly bool NextCandidate(ref int cursor)
    {
        int next = cursor + 1;
        for (int w = next >> 6; w < _candidates.Length; w++)
        {
            ulong bits = _candidates[w];
            if (w == next >> 6)
            {
                bits &= ulong.MaxValue << (next & 63);
            }

            if (bits != 0)
            {
                cursor = (w << 6) + BitOperations.TrailingZeroCount(bits);
                return true;
            }
        }

        return false;
    }
}
