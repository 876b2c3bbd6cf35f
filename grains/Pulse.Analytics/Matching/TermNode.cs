using System.Buffers;

namespace Pulse.Analytics.Matching;

/// <summary>
/// One term as the user wrote it, without quotes: a word ("bahn"), phrase ("deutsche bahn"),
/// prefix ("bahn*"), hashtag ("#bahn") or handle ("@db"). It means exactly what the same text means as a keyword.
/// </summary>
public sealed record TermNode(string Text) : QueryNode
{
    private static readonly SearchValues<char> QuoteWorthy = SearchValues.Create(" \t\r\n()\"");

    public override string ToString() => NeedsQuotes(Text) ? $"\"{Text}\"" : Text;

    private static bool NeedsQuotes(string text) =>
        text.Length == 0
        || text.AsSpan().ContainsAny(QuoteWorthy)
        || text[0] == '-'
        || text is "AND" or "OR" or "NOT";
}
