using System.Collections.Frozen;
using System.Text;
using Lucene.Net.Analysis.De;
using Lucene.Net.Analysis.Snowball;
using Lucene.Net.Analysis.Util;
using Lucene.Net.Util;
using Pulse.Analytics.Matching;

namespace Pulse.Analytics.TextSearch;

/// <summary>
/// The Snowball stop lists PostgreSQL's german and english configurations are built from, as Lucene ships them, folded
/// as text is (für → fuer, daß → dass) so they are compared with folded words. English contractions are left out:
/// folding drops their apostrophe, which would turn "she'll", "we'll" and "can't" into the words shell, well and cant.
/// (Unrelated to the stop words of rising terms, <c>Incidents/StopWords</c>.)
/// </summary>
internal static class SearchStopWords
{
    public static FrozenSet<string> German { get; } = Folded(GermanAnalyzer.DefaultStopSet);

    public static FrozenSet<string> English { get; } = Folded(SnowballList("english_stop.txt"));

    private static CharArraySet SnowballList(string name)
    {
        using var reader = IOUtils.GetDecodingReader(typeof(SnowballFilter), name, Encoding.UTF8);
        return WordlistLoader.GetSnowballWordSet(reader, LuceneVersion.LUCENE_48);
    }

    private static FrozenSet<string> Folded(IEnumerable<string> words) =>
        words.Where(word => !word.Contains('\'', StringComparison.Ordinal))
            .Select(word => TextNormalizer.FoldText(word, dropUmlauts: false, out _))
            .ToFrozenSet(StringComparer.Ordinal);
}
