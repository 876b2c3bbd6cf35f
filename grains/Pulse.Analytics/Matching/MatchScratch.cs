namespace Pulse.Analytics.Matching;

/// <summary>
/// A thread's buffers for matching: a bitset over term ids and one over brand indices, both all-zero between matches,
/// and the lists of what one match set. Clearing only what was set makes a match cost what the mention hits, not what
/// the matcher holds: with 100 000 brands the bitsets are some 50 KB, which clearing per mention would cost more than
/// the rest of the match.
/// </summary>
internal sealed class MatchScratch
{
    [ThreadStatic]
    private static MatchScratch? t_free;

    private ulong[] _terms = [];
    private ulong[] _brands = [];

    public List<int> HitTerms { get; } = [];

    public List<int> Candidates { get; } = [];

    /// <summary>This thread's scratch, sized for a matcher of <paramref name="termCount"/> terms and <paramref name="brandCount"/> brands.</summary>
    public static MatchScratch Rent(int termCount, int brandCount)
    {
        // Taken out while in use: a collection's Add that matched again on this thread would get a scratch of its own.
        var scratch = t_free ?? new MatchScratch();
        t_free = null;
        scratch.Ensure(termCount, brandCount);
        return scratch;
    }

    /// <summary>Clears what the match set and keeps the scratch for this thread's next match.</summary>
    public static void Return(MatchScratch scratch)
    {
        scratch.Clear();
        t_free = scratch;
    }

    public Span<ulong> Terms(int termCount) => _terms.AsSpan(0, Words(termCount));

    public Span<ulong> Brands(int brandCount) => _brands.AsSpan(0, Words(brandCount));

    private void Ensure(int termCount, int brandCount)
    {
        if (_terms.Length < Words(termCount))
        {
            _terms = new ulong[Words(termCount)];
        }

        if (_brands.Length < Words(brandCount))
        {
            _brands = new ulong[Words(brandCount)];
        }
    }

    private void Clear()
    {
        foreach (int term in HitTerms)
        {
            _terms[term >> 6] = 0;
        }

        foreach (int brand in Candidates)
        {
            _brands[brand >> 6] = 0;
        }

        HitTerms.Clear();
        Candidates.Clear();
    }

    private static int Words(int bits) => (bits + 63) >> 6;
}
