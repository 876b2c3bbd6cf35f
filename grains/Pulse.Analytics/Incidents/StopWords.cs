using System.Collections.Frozen;

namespace Pulse.Analytics.Incidents;

/// <summary>Frequent English and German words (folded, as the tokenizer yields them) that never explain a spike.</summary>
internal static class StopWords
{
    private static readonly FrozenSet<string> Words = new[]
    {
        "that", "this", "with", "have", "from", "they", "there", "their", "what", "when", "been", "just", "will",
        "would", "about", "your", "into", "than", "then", "them", "were", "more", "some", "only", "very", "also",
        "because", "really", "could", "should", "which", "these", "those", "being", "still", "again", "today",
        "nicht", "eine", "einen", "einem", "einer", "eines", "sind", "heute", "wieder", "auch", "aber", "oder",
        "noch", "schon", "mehr", "sein", "seine", "ihre", "dass", "wenn", "weil", "doch", "immer", "diese",
        "dieser", "dieses", "haben", "hatte", "wird", "werden", "kann", "alle", "sehr", "nach", "ueber", "uber",
        "nichts", "fuer", "fur", "mich", "mein", "meine", "sich", "habe", "hier", "jetzt", "gibt", "geht", "ganz",
        "dann", "denn", "etwas", "keine", "kein", "einfach", "warum", "schon", "wieso", "euch", "eure", "unser",
        "after", "never", "every", "where", "while", "does", "doesn", "didn", "don", "can't", "cant", "again",
        "here", "much", "many", "over", "such", "thing", "things", "going", "getting", "know", "think", "like",
    }.ToFrozenSet(StringComparer.Ordinal);

    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> Lookup = Words.GetAlternateLookup<ReadOnlySpan<char>>();

    public static bool Contains(ReadOnlySpan<char> word) => Lookup.Contains(word);
}
