namespace Pulse.Analytics.Sentiment.Lexicons;

/// <summary>
/// How German posts read English words they borrow ("nice", "fail", "sorry"): at <paramref name="Scale"/> of their
/// English valence, except <paramref name="FalseFriends"/>, words that mean something else in German.
/// </summary>
internal sealed record LexiconBorrowing(float Scale, IReadOnlyList<string> FalseFriends)
{
    public static LexiconBorrowing None { get; } = new(0f, []);

    /// <summary>English spellings that are (also) ordinary German words: "Gift" is poison, "fast" is almost, "Rat" is advice.</summary>
    public static IReadOnlyList<string> GermanFalseFriends { get; } =
    [
        "die", "war", "gift", "hell", "also", "bad", "fast", "arm", "rat", "mist", "kind", "bald", "brief", "fee",
        "hut", "rock", "mode", "kinder", "kindern", "bade", "mutter", "arme", "armen", "hell", "helle", "handy", "chef", "boss", "not", "will", "hang", "toll", "super", "top", "bitte",
        "alle", "fix", "ruhig", "elend", "stark", "wink", "winken", "lack", "lust", "pest", "dank", "rage", "rein",
        "fern", "wand", "rot", "tot", "sage", "alt", "hart", "mut", "bitter", "frei", "just", "shot", "gag",
        "falls", "hat", "hey", "so", "no", "ok", "okay", "spot", "sauer", "dumm", "lied", "damn", "tier", "weg",
        "art", "bald", "bin", "ende", "fuss", "kiss", "list", "mine", "mist", "rasen", "see", "sure", "wider",
    ];
}
