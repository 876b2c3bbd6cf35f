namespace Pulse.Analytics.Matching;

/// <summary>Either side holds; binds loosest, so "a OR b c" is "a OR (b AND c)".</summary>
public sealed record OrNode(QueryNode Left, QueryNode Right) : QueryNode
{
    public override string ToString() => $"({Left} OR {Right})";
}
