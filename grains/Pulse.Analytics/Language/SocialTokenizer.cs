using System.Globalization;

namespace Pulse.Analytics.Language;

/// <summary>
/// Splits a post into words, emoticons/emoji and clause punctuation, skipping @handles and URLs
/// (they name things, they do not judge them). A ref struct over the caller's span: no allocations.
/// Given a buffer, it also folds each word as it scans it (<see cref="WordFolding"/>, runs squeezed to two letters)
/// and hashes the folded form for <see cref="WordTable"/>, so a word's letters are read once.
/// </summary>
internal ref struct SocialTokenizer
{
    // Longest first, so ":-)" wins over ":)" at the same position.
    private static readonly string[] Emoticons =
    [
        ":'-(", ":'(", ":-)", ":-(", ":-D", ":-P", ":-p", ":-/", ";-)", ";-P", ";-p", ":-*", ":-o", ":-O", ":-|",
        "^_^", "</3", "-.-", "-_-", ":'D",
        ":)", ":(", ":D", ":P", ":p", ":/", ":|", ":*", ":]", ":[", ";)", ";P", ";p", ":o", ":O", "=)", "=(", "=D",
        "(:", "<3", "^^",
    ];

    private readonly ReadOnlySpan<char> _text;
    private readonly Span<char> _folded;
    private int _position;

    public SocialTokenizer(ReadOnlySpan<char> text)
    {
        _text = text;
        _folded = default;
        _position = 0;
    }

    /// <param name="text">The post.</param>
    /// <param name="folded">At least <see cref="WordFolding.MaxFoldedLength"/> characters to fold each word into.</param>
    public SocialTokenizer(ReadOnlySpan<char> text, Span<char> folded)
    {
        if (folded.Length < WordFolding.MaxFoldedLength)
        {
            throw new ArgumentException($"The fold buffer needs {WordFolding.MaxFoldedLength} characters.", nameof(folded));
        }

        _text = text;
        _folded = folded;
        _position = 0;
    }

    /// <summary>The last word's folded length in the fold buffer; 0 for other tokens, or words too long to look up.</summary>
    public int FoldedLength { get; private set; }

    /// <summary>The <see cref="WordTable"/> hash of the last word's folded form.</summary>
    public uint FoldedHash { get; private set; }

    /// <summary>How the last word was written.</summary>
    public WordShape Shape { get; private set; }

    public bool Next(out Token token)
    {
        FoldedLength = 0;
        Shape = WordShape.None;
        var text = _text;
        while (_position < text.Length)
        {
            var start = _position;
            var c = text[start];

            // Fast paths for what most of a post is: spaces and plain ASCII words.
            if (c == ' ')
            {
                _position++;
                continue;
            }

            if (char.IsAsciiLetterOrDigit(c) && !((c | 0x20) is 'h' or 'w' && IsUrlStart(text[start..])))
            {
                token = ScanWord(start);
                return true;
            }

            if (c == '\n')
            {
                _position++;
                token = new Token(start, 1, TokenKind.ClauseBreak);
                return true;
            }

            if (char.IsWhiteSpace(c))
            {
                _position++;
                continue;
            }

            if ((c | 0x20) is 'h' or 'w' && IsUrlStart(text[start..]))
            {
                _position = EndOfRun(text, start);
                continue;
            }

            if (c == '@' && start + 1 < text.Length && IsHandleChar(text[start + 1]))
            {
                _position = start + 1;
                while (_position < text.Length && IsHandleChar(text[_position]))
                {
                    _position++;
                }

                continue;
            }

            if (c == '#' && start + 1 < text.Length && char.IsLetterOrDigit(text[start + 1]))
            {
                // The hashtag's word carries the sentiment: #fail, #love.
                token = ScanWord(start + 1);
                return true;
            }

            if (char.IsLetterOrDigit(c))
            {
                token = ScanWord(start);
                return true;
            }

            var emoticon = MatchEmoticon(text[start..]);
            if (emoticon > 0)
            {
                _position = start + emoticon;
                token = new Token(start, emoticon, TokenKind.Symbol);
                return true;
            }

            if (c == '!')
            {
                _position = EndOfSame(text, start, '!');
                token = new Token(start, _position - start, TokenKind.Exclamation);
                return true;
            }

            if (c is '.' or ',' or ';' or ':' or '?' or '…')
            {
                _position = start + 1;
                token = new Token(start, 1, TokenKind.ClauseBreak);
                return true;
            }

            if (char.IsHighSurrogate(c) && start + 1 < text.Length && char.IsLowSurrogate(text[start + 1]))
            {
                _position = start + 2;
                token = new Token(start, 2, TokenKind.Symbol);
                return true;
            }

            _position = start + 1;
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.OtherSymbol)
            {
                // BMP emoji such as ❤ ☺ ☹ ✨; a trailing variation selector is skipped as noise.
                token = new Token(start, 1, TokenKind.Symbol);
                return true;
            }
        }

        token = default;
        return false;
    }

    // Finds the word's end and, given a buffer, folds and hashes it in the same loop: WordFolding.Fold with
    // squeezedRun 2 (kept in step by the tests: umlaut and elongated spellings score alike), each letter read once.
    private Token ScanWord(int start)
    {
        var text = _text;
        var folded = _folded;
        var fold = folded.Length != 0;
        var end = start;
        var length = 0;
        var upper = 0;
        var hash = WordTable.HashSeed;
        var last = '\0';
        var run = 0;
        var shape = WordShape.None;
        while (end < text.Length)
        {
            var original = text[end];
            char c;
            if (char.IsAsciiLetterLower(original))
            {
                c = original;
                shape |= WordShape.Spoken;
            }
            else if (char.IsAsciiDigit(original))
            {
                c = original;
            }
            else if (char.IsAsciiLetterUpper(original))
            {
                c = (char)(original | 0x20);
                upper++;
            }
            else if (original >= 128 && char.IsLetterOrDigit(original))
            {
                c = WordFolding.Lower(original);
                if (c != original)
                {
                    upper++;
                }
                else if (char.IsLower(original))
                {
                    shape |= WordShape.Spoken;
                }
            }
            else if (original is '\'' or '’' && end + 1 < text.Length && char.IsLetter(text[end + 1]))
            {
                // Inner apostrophes keep "don't" and "geht's" whole.
                c = '\'';
            }
            else
            {
                break;
            }

            end++;
            if (!fold || end - start > WordFolding.MaxWordLength)
            {
                continue;
            }

            run = c == last ? run + 1 : 1;
            last = c;
            if (run >= 3)
            {
                // "gooood" folds to "good"; the scorer retries "so" for "sooo" itself.
                shape |= char.IsLetter(c) ? WordShape.Elongated : WordShape.None;
                continue;
            }

            if (c < 128)
            {
                folded[length++] = c;
                hash = WordTable.HashStep(hash, c);
                continue;
            }

            var before = length;
            length = WordFolding.Append(c, folded, length, ref shape);
            for (var k = before; k < length; k++)
            {
                hash = WordTable.HashStep(hash, folded[k]);
            }
        }

        _position = end;
        if (fold && end - start <= WordFolding.MaxWordLength)
        {
            if (upper >= 2 && (shape & WordShape.Spoken) == 0)
            {
                shape |= WordShape.Shouted;
            }

            if (length > 3 && folded[length - 1] == 't' && folded[length - 2] == '\'' && folded[length - 3] == 'n')
            {
                shape |= WordShape.NegatedContraction;
            }

            Shape = shape;
            FoldedLength = length;
            FoldedHash = hash;
        }

        return new Token(start, end - start, TokenKind.Word);
    }

    private static int MatchEmoticon(ReadOnlySpan<char> rest)
    {
        if (rest[0] is not (':' or ';' or '=' or '<' or '^' or '-' or '('))
        {
            return 0;
        }

        foreach (var emoticon in Emoticons)
        {
            if (!rest.StartsWith(emoticon, StringComparison.Ordinal))
            {
                continue;
            }

            // ":)))" is one emoticon; "12:30" and "<30" are not emoticons at all.
            var length = EndOfSame(rest, emoticon.Length, emoticon[^1]);
            if (length < rest.Length && char.IsLetterOrDigit(rest[length]))
            {
                return 0;
            }

            return length;
        }

        return 0;
    }

    private static bool IsUrlStart(ReadOnlySpan<char> rest) =>
        rest.StartsWith("http://", StringComparison.OrdinalIgnoreCase)
        || rest.StartsWith("https://", StringComparison.OrdinalIgnoreCase)
        || rest.StartsWith("www.", StringComparison.OrdinalIgnoreCase);

    private static bool IsHandleChar(char c) => char.IsLetterOrDigit(c) || c == '_';

    private static int EndOfRun(ReadOnlySpan<char> text, int start)
    {
        var end = start;
        while (end < text.Length && !char.IsWhiteSpace(text[end]))
        {
            end++;
        }

        return end;
    }

    private static int EndOfSame(ReadOnlySpan<char> text, int start, char c)
    {
        var end = start;
        while (end < text.Length && text[end] == c)
        {
            end++;
        }

        return end;
    }
}
