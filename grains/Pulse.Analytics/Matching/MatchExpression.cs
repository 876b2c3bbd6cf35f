namespace Pulse.Analytics.Matching;

/// <summary>A <see cref="QueryNode"/> compiled to term ids, evaluated against the bitset of terms a mention hit.</summary>
internal abstract class MatchExpression
{
    public abstract bool Evaluate(ReadOnlySpan<ulong> hits);

    public static bool IsHit(ReadOnlySpan<ulong> hits, int termId) => (hits[termId >> 6] & (1UL << termId)) != 0;

    public sealed class Term(int termId) : MatchExpression
    {
        public override bool Evaluate(ReadOnlySpan<ulong> hits) => IsHit(hits, termId);
    }

    public sealed class And(MatchExpression left, MatchExpression right) : MatchExpression
    {
        public override bool Evaluate(ReadOnlySpan<ulong> hits) => left.Evaluate(hits) && right.Evaluate(hits);
    }

    public sealed class Or(MatchExpression left, MatchExpression right) : MatchExpression
    {
        public override bool Evaluate(ReadOnlySpan<ulong> hits) => left.Evaluate(hits) || right.Evaluate(hits);
    }

    public sealed class Not(MatchExpression operand) : MatchExpression
    {
        public override bool Evaluate(ReadOnlySpan<ulong> hits) => !operand.Evaluate(hits);
    }
}
