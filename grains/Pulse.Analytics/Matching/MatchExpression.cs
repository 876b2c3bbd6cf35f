namespace Pulse.Analytics.Matching;

/// <summary>A <see cref="QueryNode"/> compiled to term ids, evaluated against the bitset of terms a mention hit.</summary>
internal abstract class MatchExpression
{
    public abstract bool Evaluate(ReadOnlySpan<ulong> hits);

    /// <summary>
    /// Terms at least one of which a mention hits whenever this expression holds (<paramref name="holds"/>) or fails
    /// (otherwise): the terms that make its brand worth evaluating. Where either side of an AND would do (either side of
    /// an OR, when failing), the side whose terms fewer brands use: "zorblatphone AND (battery OR camera)" needs only
    /// zorblatphone, so a mention of a battery does not make every phone brand a candidate. Null when the expression
    /// can hold (or fail) with none of its terms hit.
    /// </summary>
    /// <param name="usage">Per term id, how many brands use the term.</param>
    public abstract int[]? Triggers(bool holds, IReadOnlyList<int> usage);

    /// <summary>Adds every term of the expression to <paramref name="into"/>.</summary>
    public abstract void AddTerms(List<int> into);

    public static bool IsHit(ReadOnlySpan<ulong> hits, int termId) => (hits[termId >> 6] & (1UL << termId)) != 0;

    /// <summary>Both, when either side alone would not do.</summary>
    private static int[]? Union(int[]? left, int[]? right) => left is null || right is null ? null : [.. left, .. right];

    /// <summary>Either, when either side alone does: the rarer.</summary>
    private static int[]? Rarer(int[]? left, int[]? right, IReadOnlyList<int> usage)
    {
        if (left is null || right is null)
        {
            return left ?? right;
        }

        long leftUse = 0, rightUse = 0;
        foreach (int term in left)
        {
            leftUse += usage[term];
        }

        foreach (int term in right)
        {
            rightUse += usage[term];
        }

        return rightUse < leftUse || (rightUse == leftUse && right.Length < left.Length) ? right : left;
    }

    public sealed class Term(int termId) : MatchExpression
    {
        public override bool Evaluate(ReadOnlySpan<ulong> hits) => IsHit(hits, termId);

        public override int[]? Triggers(bool holds, IReadOnlyList<int> usage) => holds ? [termId] : null;

        public override void AddTerms(List<int> into) => into.Add(termId);
    }

    public sealed class And(MatchExpression left, MatchExpression right) : MatchExpression
    {
        public override bool Evaluate(ReadOnlySpan<ulong> hits) => left.Evaluate(hits) && right.Evaluate(hits);

        public override int[]? Triggers(bool holds, IReadOnlyList<int> usage) => holds
            ? Rarer(left.Triggers(true, usage), right.Triggers(true, usage), usage)
            : Union(left.Triggers(false, usage), right.Triggers(false, usage));

        public override void AddTerms(List<int> into)
        {
            left.AddTerms(into);
            right.AddTerms(into);
        }
    }

    public sealed class Or(MatchExpression left, MatchExpression right) : MatchExpression
    {
        public override bool Evaluate(ReadOnlySpan<ulong> hits) => left.Evaluate(hits) || right.Evaluate(hits);

        public override int[]? Triggers(bool holds, IReadOnlyList<int> usage) => holds
            ? Union(left.Triggers(true, usage), right.Triggers(true, usage))
            : Rarer(left.Triggers(false, usage), right.Triggers(false, usage), usage);

        public override void AddTerms(List<int> into)
        {
            left.AddTerms(into);
            right.AddTerms(into);
        }
    }

    public sealed class Not(MatchExpression operand) : MatchExpression
    {
        public override bool Evaluate(ReadOnlySpan<ulong> hits) => !operand.Evaluate(hits);

        public override int[]? Triggers(bool holds, IReadOnlyList<int> usage) => operand.Triggers(!holds, usage);

        public override void AddTerms(List<int> into) => operand.AddTerms(into);
    }
}
