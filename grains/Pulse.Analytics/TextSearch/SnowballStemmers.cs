using Lucene.Net.Tartarus.Snowball;
using Lucene.Net.Tartarus.Snowball.Ext;

namespace Pulse.Analytics.TextSearch;

/// <summary>
/// This thread's Snowball stemmers. A stemmer keeps the word it works on, so it cannot be shared between threads;
/// one per thread and language is cheaper than pooling, and stemming only happens when a word is not cached yet.
/// </summary>
internal static class SnowballStemmers
{
    [ThreadStatic]
    private static GermanStemmer? t_german;

    [ThreadStatic]
    private static EnglishStemmer? t_english;

    public static SnowballProgram German() => t_german ??= new GermanStemmer();

    public static SnowballProgram English() => t_english ??= new EnglishStemmer();
}
