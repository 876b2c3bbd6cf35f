namespace Pulse.Analytics.TextSearch;

/// <summary>
/// The words of a folded text: runs of letters and digits. Everything else separates words, so "#tag" is "tag",
/// "@user" is "user", "e-mail" is "e" and "mail" and a link is the words in it, much as PostgreSQL's parser splits.
/// </summary>
internal static class FoldedWords
{
    /// <summary>Finds the next word at or after <paramref name="at"/> and moves past it; false at the end of the text.</summary>
    public static bool Next(ReadOnlySpan<char> folded, scoped ref int at, out ReadOnlySpan<char> word)
    {
        int i = at;
        while (i < folded.Length && !IsWordChar(folded[i]))
        {
            i++;
        }

        int start = i;
        while (i < folded.Length && IsWordChar(folded[i]))
        {
            i++;
        }

        at = i;
        word = folded[start..i];
        return i > start;
    }

    private static bool IsWordChar(char c) => char.IsAsciiLetterOrDigit(c) || (c > '\u007F' && char.IsLetterOrDigit(c));
}
