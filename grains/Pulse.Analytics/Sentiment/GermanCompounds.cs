using Pulse.Analytics.Language;
using Pulse.Analytics.Sentiment.Lexicons;

namespace Pulse.Analytics.Sentiment;

/// <summary>
/// German glues words together: "Servicekatastrophe", "Scheißwetter", "Traumurlaub". An unknown long word takes the
/// valence of its longest known sentiment head (the last part decides a German compound's meaning), or else of one
/// of a few evaluative first parts ("Mist-", "Horror-", "Super-"). Only tried for unknown words of German posts.
/// Cheap filters come first (does any head end like this word? does any first part start like it?), because most
/// long unknown words are plain nouns ("Kundenservice") that no probe would match.
/// </summary>
internal sealed class GermanCompounds
{
    // Shorter heads match by accident too often ("teuer" in "Abenteuer", "einsam" in "gemeinsam").
    private const int MinHeadLength = 7;

    private const int MinModifierLength = 3;

    private const int MinCompoundLength = 8;

    private const int EndingLength = 4;

    // First parts that judge whatever follows; open-ended prefixes ("best-", "fest-", "gemein-") would misfire.
    private static readonly string[] ModifierWords =
    [
        "mist", "scheiss", "scheis", "kack", "drecks", "horror", "schrott", "muell", "pannen", "chaos", "katastrophen",
        "hass", "ekel", "frust", "problem", "fehler", "luegen", "schand", "idioten", "terror", "stress", "aerger",
        "super", "mega", "hammer", "traum", "spitzen", "top", "lieblings", "gluecks", "erfolgs", "wunder", "freuden",
        "genuss", "liebes", "party", "sonnen",
    ];

    private readonly SentimentLexicon _lexicon;
    private readonly HashSet<ulong> _headEndings = [];
    private readonly (string Word, LexiconEntry Entry)[] _modifiers;
    private readonly HashSet<uint> _modifierStarts = [];

    public GermanCompounds(SentimentLexicon lexicon)
    {
        _lexicon = lexicon;
        for (var id = 0; id < lexicon.Count; id++)
        {
            var word = lexicon.Word(id);
            if (word.Length >= MinHeadLength && IsHead(id))
            {
                _headEndings.Add(Ending(word));
            }
        }

        var modifiers = new List<(string, LexiconEntry)>();
        foreach (var word in ModifierWords)
        {
            var id = lexicon.Find(word);
            if (id >= 0 && IsHead(id))
            {
                modifiers.Add((word, lexicon.German(id)));
                _modifierStarts.Add(Start(word));
            }
        }

        _modifiers = [.. modifiers];
    }

    public LexiconEntry Find(ReadOnlySpan<char> word)
    {
        if (word.Length < MinCompoundLength)
        {
            return default;
        }

        Span<char> folded = stackalloc char[WordFolding.MaxFoldedLength];
        var length = WordFolding.Fold(word, folded, squeezedRun: 2);
        if (length < MinCompoundLength)
        {
            return default;
        }

        var compound = folded[..length];
        if (_headEndings.Contains(Ending(compound)))
        {
            for (var start = MinModifierLength; start <= length - MinHeadLength; start++)
            {
                var id = _lexicon.Find(compound[start..]);
                if (id >= 0 && IsHead(id))
                {
                    return _lexicon.German(id);
                }
            }
        }

        if (_modifierStarts.Contains(Start(compound)))
        {
            // Longest first part first: "scheiss" before "scheis".
            var best = default(LexiconEntry);
            var bestLength = 0;
            foreach (var (modifier, entry) in _modifiers)
            {
                if (modifier.Length > bestLength && length - modifier.Length >= MinModifierLength
                    && compound.StartsWith(modifier, StringComparison.Ordinal))
                {
                    best = entry;
                    bestLength = modifier.Length;
                }
            }

            return best;
        }

        return default;
    }

    private bool IsHead(int id) =>
        (_lexicon.Flags(id) & WordFlags.GermanWord) != 0 && _lexicon.German(id).Role == WordRole.Sentiment;

    private static ulong Ending(ReadOnlySpan<char> word)
    {
        var ending = 0ul;
        foreach (var c in word[^EndingLength..])
        {
            ending = (ending << 16) | c;
        }

        return ending;
    }

    private static uint Start(ReadOnlySpan<char> word) => ((uint)word[0] << 16) | word[1];
}
