namespace Pulse.Analytics.Matching;

/// <summary>The operand must not hold; written "NOT a" or "-a", and binds tightest.</summary>
public sealed record NotNode(QueryNode Operand) : QueryNode
{
    public override string ToString() => $"NOT {Operand}";
}
