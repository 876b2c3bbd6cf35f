using System.Globalization;

namespace Pulse.Analytics.Matching;

/// <summary>
/// The one tokenisation and folding shared by brand terms and mention text, so both sides always agree.
/// Tokens are runs of letters, digits and '_'; a leading '#' or '@' stays on the token (hashtag, handle);
/// apostrophes inside a word are dropped ("McDonald's" → "mcdonalds"); links (http://, https://) are skipped.
/// Folding lower-cases, turns ä/ö/ü into ae/oe/ue and ß into ss, and strips other diacritics.
/// </summary>
public static class TextNormalizer
{
    private const char CombiningDiaeresis = '\u0308';

    /// <summary>Chars of scratch <see cref="Tokenize"/> may need: each token writes at most two forms of twice its length.</summary>
    public static int ScratchLength(int textLength) => checked(textLength * 4);

    /// <summary>Tokens a text can hold: every token needs one char and a separator before the next.</summary>
    public static int MaxTokenCount(int textLength) => (textLength + 1) / 2;

    /// <summary>
    /// The whole of <paramref name="text"/> folded as tokens are (lower case, ä → ae or, with
    /// <paramref name="dropUmlauts"/>, ä → a; ß → ss; other diacritics and apostrophes dropped), every other character
    /// kept: for indexes that split words themselves, such as the archive's full-text search, and their queries.
    /// </summary>
    public static string FoldText(ReadOnlySpan<char> text, bool dropUmlauts, out bool hadUmlaut)
    {
        var buffer = text.Length <= 512 ? stackalloc char[FoldedTextLength(text.Length)] : new char[FoldedTextLength(text.Length)];
        var length = Fold(text, buffer, dropUmlauts, out hadUmlaut);
        return new string(buffer[..length]);
    }

    /// <summary>
    /// <see cref="FoldText(ReadOnlySpan{char}, bool, out bool)"/> into <paramref name="destination"/> without allocating,
    /// for callers that split the folded text themselves on every text they see (the archive's text search).
    /// <paramref name="destination"/> needs <see cref="FoldedTextLength"/> chars. Returns the number of chars written.
    /// </summary>
    public static int FoldText(ReadOnlySpan<char> text, Span<char> destination, bool dropUmlauts, out bool hadUmlaut)
    {
        if (destination.Length < FoldedTextLength(text.Length))
        {
            throw new ArgumentException("Destination is shorter than FoldedTextLength(text.Length).", nameof(destination));
        }

        return Fold(text, destination, dropUmlauts, out hadUmlaut);
    }

    /// <summary>Chars the folding of a text of <paramref name="textLength"/> chars may need: no letter folds to more than two.</summary>
    public static int FoldedTextLength(int textLength) => checked(textLength * 2);

    /// <summary>
    /// Splits and folds <paramref name="text"/> without allocating. <paramref name="scratch"/> needs
    /// <see cref="ScratchLength"/> chars and <paramref name="tokens"/> <see cref="MaxTokenCount"/> slots.
    /// Returns the number of tokens written.
    /// </summary>
    public static int Tokenize(ReadOnlySpan<char> text, Span<char> scratch, Span<FoldedToken> tokens)
    {
        if (scratch.Length < ScratchLength(text.Length))
        {
            throw new ArgumentException("Scratch buffer is shorter than ScratchLength(text.Length).", nameof(scratch));
        }

        int count = 0;
        int written = 0;
        int i = 0;
        while (i < text.Length)
        {
            int start = i;
            char c = text[i];
            bool sigil = (c is '#' or '@')
                && (i == 0 || !IsWordChar(text[i - 1]))
                && i + 1 < text.Length && IsWordChar(text[i + 1]);

            if (!sigil)
            {
                if (!IsWordChar(c))
                {
                    i++;
                    continue;
                }

                if (IsLinkStart(text[i..]))
                {
                    while (i < text.Length && !char.IsWhiteSpace(text[i]))
                    {
                        i++;
                    }

                    continue;
                }
            }

            i = ScanToken(text, sigil ? i + 1 : i, isHandle: sigil && c == '@');

            ReadOnlySpan<char> raw = text[start..i];
            int length = Fold(raw, scratch[written..], dropUmlauts: false, out bool hadUmlaut);
            if (length == 0 || (sigil && length == 1))
            {
                continue; // only combining marks (or a bare sigil): nothing to match on
            }

            if (count == tokens.Length)
            {
                throw new ArgumentException("Token buffer is shorter than MaxTokenCount(text.Length).", nameof(tokens));
            }

            int alternateStart = written + length;
            int alternateLength = hadUmlaut ? Fold(raw, scratch[alternateStart..], dropUmlauts: true, out _) : 0;
            tokens[count++] = new FoldedToken(written, length, alternateStart, alternateLength, start, i - start);
            written = alternateStart + alternateLength;
        }

        return count;
    }

    /// <summary>The folded tokens of <paramref name="text"/> joined by single spaces; for diagnostics and tests.</summary>
    public static string Normalize(ReadOnlySpan<char> text)
    {
        var scratch = new char[ScratchLength(text.Length)];
        var tokens = new FoldedToken[MaxTokenCount(text.Length)];
        int count = Tokenize(text, scratch, tokens);
        var parts = new string[count];
        for (int t = 0; t < count; t++)
        {
            parts[t] = new string(tokens[t].Text(scratch));
        }

        return string.Join(' ', parts);
    }

    /// <summary>Letters, digits, '_' and combining marks (so decomposed "u\u0308" stays one token).</summary>
    internal static bool IsWordChar(char c)
    {
        if (char.IsAscii(c))
        {
            return char.IsAsciiLetterOrDigit(c) || c == '_';
        }

        if (char.IsLetterOrDigit(c))
        {
            return true;
        }

        UnicodeCategory category = char.GetUnicodeCategory(c);
        return category is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark;
    }

    private static bool IsApostrophe(char c) => c is '\'' or '\u2019' or '\u02BC';

    private static bool IsLinkStart(ReadOnlySpan<char> rest) =>
        rest.StartsWith("http://", StringComparison.OrdinalIgnoreCase)
        || rest.StartsWith("https://", StringComparison.OrdinalIgnoreCase);

    /// <summary>Returns the end of the token whose body starts at <paramref name="i"/>.</summary>
    private static int ScanToken(ReadOnlySpan<char> text, int i, bool isHandle)
    {
        while (i < text.Length)
        {
            char c = text[i];
            if (IsWordChar(c))
            {
                i++;
                continue;
            }

            // Joiners count only between word chars: "don't", and handles like "@db.bsky.social" or "@user@mastodon.social".
            bool joiner = IsApostrophe(c) || (isHandle && c is '.' or '-' or '@');
            if (joiner && i > 0 && IsWordChar(text[i - 1]) && i + 1 < text.Length && IsWordChar(text[i + 1]))
            {
                i += 2;
                continue;
            }

            break;
        }

        return i;
    }

    /// <summary>Folds one raw token into <paramref name="destination"/>; returns the chars written.</summary>
    private static int Fold(ReadOnlySpan<char> raw, Span<char> destination, bool dropUmlauts, out bool hadUmlaut)
    {
        hadUmlaut = false;
        int w = 0;
        foreach (char c in raw)
        {
            if (char.IsAscii(c))
            {
                if (c != '\'')
                {
                    destination[w++] = char.IsAsciiLetterUpper(c) ? (char)(c | 0x20) : c;
                }

                continue;
            }

            if (c is >= LatinFolding.First and <= LatinFolding.Last)
            {
                string folded = LatinFolding.Fold(c);
                if (LatinFolding.IsUmlaut(c))
                {
                    hadUmlaut = true;
                    if (dropUmlauts)
                    {
                        destination[w++] = folded[0]; // "ae" → "a"
                        continue;
                    }
                }

                folded.CopyTo(destination[w..]);
                w += folded.Length;
                continue;
            }

            if (c == CombiningDiaeresis)
            {
                // Decomposed umlaut: "u\u0308" must fold exactly like "ü".
                if (w > 0 && destination[w - 1] is 'a' or 'o' or 'u')
                {
                    hadUmlaut = true;
                    if (!dropUmlauts)
                    {
                        destination[w++] = 'e';
                    }
                }

                continue;
            }

            if (c == '\u1E9E')
            {
                destination[w++] = 's'; // capital ẞ
                destination[w++] = 's';
                continue;
            }

            if (IsApostrophe(c) || char.GetUnicodeCategory(c) is UnicodeCategory.NonSpacingMark
                or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark)
            {
                continue;
            }

            destination[w++] = char.ToLowerInvariant(c);
        }

        return w;
    }
}
