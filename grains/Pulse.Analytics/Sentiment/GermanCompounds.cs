using Pulse.Analytics.Language;
using Pulse.Analytics.Sentiment.Lexicons;

namespace Pulse.Analytics.Sentiment;

/// <summary>
/// German glues words together: "Servicekatastrophe", "Scheißwetter", "Traumurlaub". An unknown long word takes the
/// valence of its longest known sentiment head (the last part decides a German compound's meaning), or else of one
/// of a few evaluative first parts ("Mist-", "Horror-", "Super-"). Only tried for unknown words of German posts.
/// </summary>
internal sealed class GermanCompounds(SentimentLexicon lexicon)
{
    // Shorter heads match by accident too often ("teuer" in "Abenteuer", "gut" in "Gutschein").
    private const int MinHeadLength = 7;

    private const int MinModifierLength = 3;

    private const int MinCompoundLength = 8;

    // First parts that judge whatever follows; open-ended prefixes ("best-", "fest-", "gemein-") would misfire.
    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> Modifiers = new HashSet<string>(
    [
        "mist", "scheiss", "scheis", "kack", "drecks", "horror", "schrott", "muell", "pannen", "chaos", "katastrophen",
        "hass", "ekel", "frust", "problem", "fehler", "luegen", "schand", "idioten", "terror", "stress", "aerger",
        "super", "mega", "hammer", "traum", "spitzen", "top", "lieblings", "gluecks", "erfolgs", "wunder", "freuden",
        "genuss", "liebes", "party", "sonnen",
    ], StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>();

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
        for (var start = MinModifierLength; start <= length - MinHeadLength; start++)
        {
            var head = Sentiment(compound[start..]);
            if (head.Role == WordRole.Sentiment)
            {
                return head;
            }
        }

        for (var end = length - MinModifierLength; end >= MinModifierLength; end--)
        {
            if (Modifiers.Contains(compound[..end]))
            {
                var modifier = Sentiment(compound[..end]);
                if (modifier.Role == WordRole.Sentiment)
                {
                    return modifier;
                }
            }
        }

        return default;
    }

    private LexiconEntry Sentiment(ReadOnlySpan<char> part)
    {
        var id = lexicon.Find(part);
        return id < 0 || (lexicon.Flags(id) & WordFlags.GermanWord) == 0 ? default : lexicon.German(id);
    }
}
