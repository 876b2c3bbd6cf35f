using System.Diagnostics.CodeAnalysis;

namespace Pulse.Analytics.Matching;

/// <summary>
/// A keyword, phrase, prefix, hashtag or handle, tokenised and folded by <see cref="TextNormalizer"/>
/// exactly like mention text. A trailing '*' makes the last token a prefix ("bahn*" matches "bahnchaos").
/// </summary>
internal sealed class TermPattern
{
    /// <summary>Shorter prefixes ("a*") would match most of the language.</summary>
    public const int MinPrefixLength = 2;

    private const int StackTermLength = 64;

    private TermPattern(string[] tokens, string?[] alternates, bool isPrefix)
    {
        Tokens = tokens;
        Alternates = alternates;
        IsPrefix = isPrefix;
        Key = string.Join(' ', tokens) + "|" + string.Join(' ', alternates) + (isPrefix ? "*" : "");
    }

    /// <summary>Folded tokens (ä→ae).</summary>
    public string[] Tokens { get; }

    /// <summary>Per token, the umlaut-dropped form (ä→a), or null when the token had no umlaut.</summary>
    public string?[] Alternates { get; }

    /// <summary>Whether the last token matches any token it begins.</summary>
    public bool IsPrefix { get; }

    /// <summary>Identity of the pattern: equal keys match exactly the same tokens.</summary>
    public string Key { get; }

    public bool IsPhrase => Tokens.Length > 1;

    /// <summary>
    /// Parses <paramref name="text"/>; on failure <paramref name="problem"/> completes a sentence
    /// about the term, e.g. "Keyword 'x' " + problem.
    /// </summary>
    public static bool TryCreate(string text, [NotNullWhen(true)] out TermPattern? pattern, [NotNullWhen(false)] out string? problem)
    {
        pattern = null;
        ReadOnlySpan<char> body = text.AsSpan().Trim();
        bool isPrefix = body.EndsWith('*');
        if (isPrefix)
        {
            body = body[..^1];
        }

        if (body.Contains('*'))
        {
            problem = "may only use '*' at its end, as a prefix wildcard";
            return false;
        }

        if (isPrefix && (body.IsEmpty || !TextNormalizer.IsWordChar(body[^1])))
        {
            problem = "needs a word directly before '*'";
            return false;
        }

        // Terms are short: their scratch lives on the stack (a catalog of 100 000 brands parses some 300 000 of them).
        Span<char> scratch = body.Length <= StackTermLength ? stackalloc char[TextNormalizer.ScratchLength(StackTermLength)] : new char[TextNormalizer.ScratchLength(body.Length)];
        Span<FoldedToken> folded = body.Length <= StackTermLength ? stackalloc FoldedToken[TextNormalizer.MaxTokenCount(StackTermLength)] : new FoldedToken[TextNormalizer.MaxTokenCount(body.Length)];
        int count = TextNormalizer.Tokenize(body, scratch, folded);
        if (count == 0)
        {
            problem = "contains no letters or digits to match (links are ignored)";
            return false;
        }

        var tokens = new string[count];
        var alternates = new string?[count];
        for (int t = 0; t < count; t++)
        {
            tokens[t] = new string(folded[t].Text(scratch));
            alternates[t] = folded[t].HasAlternate ? new string(folded[t].Alternate(scratch)) : null;
        }

        if (isPrefix && tokens[^1].TrimStart("#@").Length < MinPrefixLength)
        {
            problem = $"needs at least {MinPrefixLength} letters before '*'";
            return false;
        }

        pattern = new TermPattern(tokens, alternates, isPrefix);
        problem = null;
        return true;
    }

    /// <summary>
    /// Whether the tokens after <paramref name="first"/> continue this phrase; the first token
    /// already matched through the index.
    /// </summary>
    public bool ContinuesAt(ReadOnlySpan<FoldedToken> tokens, int first, ReadOnlySpan<char> scratch)
    {
        if (first + Tokens.Length > tokens.Length)
        {
            return false;
        }

        for (int k = 1; k < Tokens.Length; k++)
        {
            FoldedToken token = tokens[first + k];
            bool prefix = IsPrefix && k == Tokens.Length - 1;
            ReadOnlySpan<char> alternate = token.HasAlternate ? token.Alternate(scratch) : default;
            if (!Matches(Tokens[k], token.Text(scratch), alternate, prefix)
                && !(Alternates[k] is { } termAlternate && Matches(termAlternate, token.Text(scratch), alternate, prefix)))
            {
                return false;
            }
        }

        return true;
    }

    private static bool Matches(string term, ReadOnlySpan<char> token, ReadOnlySpan<char> tokenAlternate, bool prefix) =>
        prefix
            ? token.StartsWith(term, StringComparison.Ordinal) || (!tokenAlternate.IsEmpty && tokenAlternate.StartsWith(term, StringComparison.Ordinal))
            : token.SequenceEqual(term) || (!tokenAlternate.IsEmpty && tokenAlternate.SequenceEqual(term));
}
