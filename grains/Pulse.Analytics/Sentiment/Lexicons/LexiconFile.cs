using System.Globalization;

namespace Pulse.Analytics.Sentiment.Lexicons;

/// <summary>
/// Reads a lexicon shipped inside this assembly: `word&lt;TAB&gt;valence` lines, '#' comments, further columns ignored.
/// Read once when the default lexicon is built, never while scoring. Origins and licences: LEXICONS.md.
/// </summary>
internal static class LexiconFile
{
    public const string Vader = "vader_lexicon.tsv";
    public const string Afinn = "afinn-165.tsv";
    public const string German = "de_pulse.tsv";

    /// <summary>Valences multiplied by <paramref name="scale"/> (AFINN's -5..5 maps onto VADER's -4..4 with 0.8).</summary>
    public static IReadOnlyDictionary<string, float> Read(string name, float scale = 1f)
    {
        var assembly = typeof(LexiconFile).Assembly;
        using var stream = assembly.GetManifestResourceStream($"Pulse.Analytics.Sentiment.Lexicons.{name}")
            ?? throw new InvalidOperationException($"Lexicon resource '{name}' is missing from {assembly.GetName().Name}.");
        using var reader = new StreamReader(stream);
        var valences = new Dictionary<string, float>(StringComparer.Ordinal);
        while (reader.ReadLine() is { } line)
        {
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }

            var columns = line.Split('\t');
            if (columns.Length < 2 || !float.TryParse(columns[1], NumberStyles.Float, CultureInfo.InvariantCulture, out var valence))
            {
                continue;
            }

            // VADER lists some words in two spellings of case; the first is kept.
            valences.TryAdd(columns[0].ToLowerInvariant(), valence * scale);
        }

        return valences;
    }
}
