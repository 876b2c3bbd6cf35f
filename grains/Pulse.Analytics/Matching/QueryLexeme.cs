namespace Pulse.Analytics.Matching;

internal enum QueryLexemeKind : byte
{
    Term,
    And,
    Or,
    Not,
    Minus,
    Open,
    Close,
}

/// <summary>One lexeme of a brand query; <see cref="Position"/> is 1-based, as in error messages.</summary>
internal readonly record struct QueryLexeme(QueryLexemeKind Kind, string Text, int Position);
