namespace Pulse.Analytics.Language;

/// <summary>
/// Running tally of what a post's words say about its language: function words of each language,
/// German letters (ä ö ü ß) and English "n't". The language with more evidence wins; a tie is undetermined.
/// </summary>
internal struct LanguageEvidence
{
    private int _english;
    private int _german;

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

    public readonly string Language =>
        _english > _german ? Languages.English
        : _german > _english ? Languages.German
        : Languages.Undetermined;
}
