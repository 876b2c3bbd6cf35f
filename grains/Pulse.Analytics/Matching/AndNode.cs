namespace Pulse.Analytics.Matching;

/// <summary>Both sides must hold; written "a AND b" or just "a b".</summary>
public sealed record AndNode(QueryNode Left, QueryNode Right) : QueryNode
{
    public override string ToString() => $"({Left} AND {Right})";
}
