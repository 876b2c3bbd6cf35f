namespace Pulse.Analytics.Language;

/// <summary>
/// Tells English from German by counting function words, German-only letters (ä ö ü ß) and English "n't".
/// Author language tags are unreliable, so every post is detected. Stateless, thread-safe, allocation-free.
/// The sentiment scorer gathers the same <see cref="LanguageEvidence"/> in its own single pass.
/// </summary>
public static class LanguageDetector
{
    private static readonly (WordTable Table, FunctionWordLanguage[] Languages) FunctionWordTable = Build();

    /// <summary>Returns <see cref="Languages.English"/>, <see cref="Languages.German"/> or <see cref="Languages.Undetermined"/>.</summary>
    public static string Detect(ReadOnlySpan<char> text)
    {
        var evidence = default(LanguageEvidence);
        Span<char> folded = stackalloc char[WordFolding.MaxFoldedLength];
        var tokenizer = new SocialTokenizer(text, folded);
        while (tokenizer.Next(out var token))
        {
            if (token.Kind != TokenKind.Word)
            {
                continue;
            }

            var length = tokenizer.FoldedLength;
            var id = length == 0 ? -1 : FunctionWordTable.Table.Find(folded[..length], tokenizer.FoldedHash);
            evidence.Add(id < 0 ? FunctionWordLanguage.None : FunctionWordTable.Languages[id], tokenizer.Shape);
        }

        return evidence.Language;
    }

    private static (WordTable, FunctionWordLanguage[]) Build()
    {
        var words = new List<string>();
        var languages = new List<FunctionWordLanguage>();
        foreach (var (word, language) in FunctionWords.Folded())
        {
            words.Add(word);
            languages.Add(language);
        }

        return (new WordTable(words), languages.ToArray());
    }
}
