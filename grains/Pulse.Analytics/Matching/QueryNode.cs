namespace Pulse.Analytics.Matching;

/// <summary>
/// A parsed brand query. <see cref="object.ToString"/> renders it fully parenthesised,
/// which shows how precedence was applied ("a OR b c" → "(a OR (b AND c))").
/// </summary>
public abstract record QueryNode;
