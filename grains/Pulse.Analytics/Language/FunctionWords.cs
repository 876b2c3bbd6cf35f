namespace Pulse.Analytics.Language;

/// <summary>
/// Short, frequent words that say which language a post is in and almost nothing else.
/// Words both languages share in writing (in, so, was, will, also, an, man, war) are left out: they are no evidence.
/// </summary>
internal static class FunctionWords
{
    public static readonly IReadOnlyList<string> English =
    [
        "the", "a", "and", "is", "are", "be", "been", "not", "i", "i'm", "im", "you", "you're", "he", "she", "it",
        "it's", "its", "we", "they", "my", "me", "your", "our", "their", "this", "that", "these", "those", "with",
        "for", "to", "of", "on", "at", "from", "by", "about", "have", "has", "had", "do", "does", "did", "don't",
        "dont", "can't", "cant", "won't", "isn't", "doesn't", "didn't", "just", "what", "when", "where", "who",
        "how", "why", "would", "could", "should", "there", "here", "out", "up", "all", "get", "got", "very",
        "really", "but", "or", "if", "than", "then", "now", "today", "never", "no", "yes", "some", "any", "more",
        "one", "new", "like", "them", "him", "her", "his", "were", "being", "because", "after", "before", "too",
    ];

    public static readonly IReadOnlyList<string> German =
    [
        "der", "die", "das", "den", "dem", "des", "und", "nicht", "ist", "sind", "bin", "bist", "ich", "du", "er",
        "sie", "es", "wir", "ihr", "mich", "mir", "dich", "dir", "uns", "euch", "sich", "ein", "eine", "einen",
        "einem", "einer", "eines", "kein", "keine", "keinen", "mit", "auf", "für", "fuer", "von", "zu", "zum", "zur",
        "im", "am", "vom", "bei", "nach", "aus", "über", "ueber", "auch", "noch", "nur", "schon", "wie", "wer",
        "aber", "oder", "wenn", "dass", "daß", "weil", "hat", "haben", "hab", "habe", "wird", "werden", "kann",
        "mal", "mein", "meine", "dein", "sehr", "heute", "jetzt", "gibt", "geht", "immer", "wieder", "gerade",
        "hier", "doch", "nichts", "mehr", "diese", "dieser", "dieses", "wurde", "ja", "nein", "nie", "sein",
        "seine", "ihre", "gut", "viel", "ganz", "einfach", "warum", "morgen", "wo", "eigentlich", "denn", "ohne",
        "alles", "alle", "bitte", "danke", "wieso", "nun", "dann", "sowie", "etwas",
    ];

    /// <summary>Folded function word → language(s), for <see cref="LanguageDetector"/>.</summary>
    public static IEnumerable<KeyValuePair<string, FunctionWordLanguage>> Folded()
    {
        var languages = new Dictionary<string, FunctionWordLanguage>(StringComparer.Ordinal);
        foreach (var word in English)
        {
            var folded = Fold(word);
            languages[folded] = languages.GetValueOrDefault(folded) | FunctionWordLanguage.English;
        }

        foreach (var word in German)
        {
            var folded = Fold(word);
            languages[folded] = languages.GetValueOrDefault(folded) | FunctionWordLanguage.German;
        }

        return languages;
    }

    private static string Fold(string word)
    {
        Span<char> buffer = stackalloc char[WordFolding.MaxFoldedLength];
        return new string(buffer[..WordFolding.Fold(word, buffer, squeezedRun: 2)]);
    }
}
