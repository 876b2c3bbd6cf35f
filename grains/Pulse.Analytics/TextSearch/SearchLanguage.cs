using System.Collections.Frozen;
using Lucene.Net.Tartarus.Snowball;
using Pulse.Analytics.Language;

namespace Pulse.Analytics.TextSearch;

/// <summary>
/// How the words of one mention language become terms, as in the PostgreSQL text-search configurations the archive used
/// before: German ("de") and English ("en") drop stop words and stem with Snowball (german, english); every other
/// language, and none, is "simple": the folded words themselves.
/// </summary>
internal sealed class SearchLanguage
{
    /// <summary>Languages there are; <see cref="Index"/> is below it.</summary>
    public const int Count = 3;

    private readonly Func<SnowballProgram>? _stemmer;

    private SearchLanguage(int index, string name, FrozenSet<string> stopWords, Func<SnowballProgram>? stemmer)
    {
        Index = index;
        Name = name;
        StopWords = stopWords;
        _stemmer = stemmer;
    }

    public static SearchLanguage German { get; } = new(0, "german", SearchStopWords.German, SnowballStemmers.German);

    public static SearchLanguage English { get; } = new(1, "english", SearchStopWords.English, SnowballStemmers.English);

    public static SearchLanguage Simple { get; } = new(2, "simple", FrozenSet<string>.Empty, stemmer: null);

    /// <summary>A dense number, for per-language tables.</summary>
    public int Index { get; }

    /// <summary>The name of the PostgreSQL configuration this mirrors.</summary>
    public string Name { get; }

    /// <summary>Folded words that give no term (but still take their position).</summary>
    public FrozenSet<string> StopWords { get; }

    /// <summary>The language of a mention's language tag: the tags are exact, as <see cref="Languages"/> gives them.</summary>
    public static SearchLanguage Of(string? lang) => lang switch
    {
        Languages.German => German,
        Languages.English => English,
        _ => Simple,
    };

    /// <summary>
    /// The stem of a folded <paramref name="word"/>, valid until this thread stems again; the word itself for "simple".
    /// </summary>
    public ReadOnlySpan<char> Stem(string word)
    {
        if (_stemmer is null)
        {
            return word;
        }

        var stemmer = _stemmer();
        stemmer.SetCurrent(word);
        stemmer.Stem();
        var stem = stemmer.CurrentBuffer.AsSpan(0, stemmer.CurrentBufferLength);
        return stem.IsEmpty ? word : stem;
    }

    public override string ToString() => Name;
}
