using System.Globalization;

namespace Pulse.Analytics.Language;

/// <summary>
/// Splits a post into words, emoticons/emoji and clause punctuation, skipping @handles and URLs
/// (they name things, they do not judge them). A ref struct over the caller's span: no allocations.
/// </summary>
internal ref struct SocialTokenizer
{
    // Longest first, so ":-)" wins over ":)" at the same position.
    private static readonly string[] Emoticons =
    [
        ":'-(", ":'(", ":-)", ":-(", ":-D", ":-P", ":-p", ":-/", ";-)", "^_^", "</3",
        ":)", ":(", ":D", ":P", ":p", ":/", ":|", ":*", ":]", ":[", ";)", "=)", "=(", "=D", "<3", "^^",
    ];

    private readonly ReadOnlySpan<char> _text;
    private int _position;

    public SocialTokenizer(ReadOnlySpan<char> text)
    {
        _text = text;
        _position = 0;
    }

    public bool Next(out Token token)
    {
        var text = _text;
        while (_position < text.Length)
        {
            var start = _position;
            var c = text[start];

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

            if (IsUrlStart(text[start..]))
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

    private Token ScanWord(int start)
    {
        var text = _text;
        var end = start;
        while (end < text.Length)
        {
            var c = text[end];
            if (char.IsLetterOrDigit(c))
            {
                end++;
            }
            else if (c is '\'' or '’' && end + 1 < text.Length && char.IsLetter(text[end + 1]))
            {
                // Inner apostrophes keep "don't" and "geht's" whole.
                end++;
            }
            else
            {
                break;
            }
        }

        _position = end;
        return new Token(start, end - start, TokenKind.Word);
    }

    private static int MatchEmoticon(ReadOnlySpan<char> rest)
    {
        if (rest[0] is not (':' or ';' or '=' or '<' or '^'))
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
