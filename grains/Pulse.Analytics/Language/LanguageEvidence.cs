namespace Pulse.Analytics.Language;

/// <summary>
/// Running tally of what a post's words say about its language: function words of each language,
/// German letters (ä ö ü ß) and English "n't". The language with more evidence wins; a tie is undetermined.
/// </summary>
internal struct LanguageEvidence
{
    private int _english;
    private int _german;
    private int _englishHalves;
    private int _germanHalves;

    public void Add(FunctionWordLanguage functionWord, WordShape shape)
    {
        if ((functionWord & FunctionWordLanguage.English) != 0)
        {
            _english++;
        }

        if ((functionWord & FunctionWordLanguage.German) != 0)
        {
            _german++;
        }

        if ((shape & WordShape.GermanLetters) != 0)
        {
            _german++;
        }

        if ((shape & WordShape.NegatedContraction) != 0)
        {
            _english++;
        }
    }

    /// <summary>
    /// Weaker evidence for words no list knows: endings and beginnings only one language spells this way
    /// ("-ung", "-keit", "-lich", "sch-" are German; "-ing", "-ness", "th-" are English). Half a function word each.
    /// </summary>
    public void AddSpelling(ReadOnlySpan<char> folded)
    {
        if (folded.Length < 5)
        {
            return;
        }

        if (folded.EndsWith("ung") || folded.EndsWith("keit") || folded.EndsWith("heit") || folded.EndsWith("lich")
            || folded.EndsWith("chen") || folded.EndsWith("isch") || folded.EndsWith("ungen") || folded.StartsWith("sch")
            || folded.EndsWith("lichen") || folded.EndsWith("lichkeit"))
        {
            _germanHalves++;
        }
        else if (folded.EndsWith("ing") || folded.EndsWith("ness") || folded.EndsWith("ly") || folded.StartsWith("th")
            || folded.EndsWith("ed") || folded.EndsWith("ous") || folded.EndsWith("ful") || folded.StartsWith("wh"))
        {
            _englishHalves++;
        }
    }

    public readonly string Language
    {
        get
        {
            var english = (2 * _english) + _englishHalves;
            var german = (2 * _german) + _germanHalves;
            return english > german ? Languages.English
                : german > english ? Languages.German
                : Languages.Undetermined;
        }
    }
}
