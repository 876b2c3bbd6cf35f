namespace Pulse.Analytics.Language;

/// <summary>What a token of social text is; handles and URLs never become tokens.</summary>
internal enum TokenKind : byte
{
    /// <summary>Letters, digits and inner apostrophes; a hashtag yields the word after '#'.</summary>
    Word,

    /// <summary>An emoticon such as ":-)" or "&lt;3", or one emoji code point.</summary>
    Symbol,

    /// <summary>Punctuation that ends a clause (. , ; : ? newline).</summary>
    ClauseBreak,

    /// <summary>One or more '!'; ends a clause and adds emphasis.</summary>
    Exclamation,
}
