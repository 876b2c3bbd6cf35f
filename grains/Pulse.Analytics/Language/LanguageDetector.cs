using System.Buffers;

namespace Pulse.Analytics.Language;

/// <summary>
/// Tells English from German by counting function words and German-only letters (ä ö ü ß).
/// Author language tags are unreliable, so every post is detected. Stateless, thread-safe, allocation-free.
/// </summary>
public static class LanguageDetector
{
    // A word spelled with ä/ö/ü/ß is near-certain German; a function word is good evidence; "n't" is English.
    private const float FunctionWordWeight = 1f;
    private const float GermanLetterWeight = 1f;
    private const float ContractionWeight = 1f;

    private static readonly SearchValues<char> GermanLetters = SearchValues.Create("äöüÄÖÜß");

    /// <summary>Returns <see cref="Languages.English"/>, <see cref="Languages.German"/> or <see cref="Languages.Undetermined"/>.</summary>
    public static string Detect(ReadOnlySpan<char> text)
    {
        var english = 0f;
        var german = 0f;
        var tokenizer = new SocialTokenizer(text);
        while (tokenizer.Next(out var token))
        {
            if (token.Kind != TokenKind.Word)
            {
                continue;
            }

            var word = token.Of(text);
            if (FunctionWords.English.Contains(word))
            {
                english += FunctionWordWeight;
            }

            if (FunctionWords.German.Contains(word))
            {
                german += FunctionWordWeight;
            }

            if (word.ContainsAny(GermanLetters))
            {
                german += GermanLetterWeight;
            }

            if (word.EndsWith("n't", StringComparison.OrdinalIgnoreCase) || word.EndsWith("n’t", StringComparison.OrdinalIgnoreCase))
            {
                english += ContractionWeight;
            }
        }

        if (english > german)
        {
            return Languages.English;
        }

        return german > english ? Languages.German : Languages.Undetermined;
    }
}
