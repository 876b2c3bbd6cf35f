namespace Pulse.Analytics.Sentiment.Lexicons;

/// <summary>
/// Emoticons and emoji read the same in every language. Keys are written without the U+FE0F variation
/// selector, which the tokenizer drops. Curated by the Pulse team.
/// </summary>
internal static class SymbolLexicon
{
    public static readonly IReadOnlyDictionary<string, float> Valences = new Dictionary<string, float>(StringComparer.Ordinal)
    {
        // Emoticons (folded to lower case, so ":D" and ":d" are one entry).
        { ":)", 2.0f }, { ":-)", 2.0f }, { ":]", 1.8f }, { "=)", 1.8f }, { ":d", 2.3f },
        { ":-d", 2.3f }, { "=d", 2.2f }, { "xd", 2.0f }, { ";)", 1.6f }, { ";-)", 1.6f },
        { ":p", 1.3f }, { ":-p", 1.3f }, { ":*", 1.8f }, { "<3", 2.5f }, { "^^", 1.5f },
        { "^_^", 1.8f }, { ":(", -2.0f }, { ":-(", -2.0f }, { ":[", -1.8f }, { "=(", -1.8f },
        { ":'(", -2.3f }, { ":'-(", -2.3f }, { ":/", -1.0f }, { ":-/", -1.0f }, { ":|", -0.5f },
        { "</3", -2.5f },

        // Emoji.
        { "😀", 2.2f }, { "😃", 2.2f }, { "😄", 2.3f }, { "😁", 2.2f }, { "😆", 2.0f },
        { "😂", 1.5f }, { "🤣", 1.6f }, { "😊", 2.2f }, { "🙂", 1.4f }, { "😉", 1.5f },
        { "😍", 2.9f }, { "🥰", 2.9f }, { "😘", 2.3f }, { "🤩", 2.6f }, { "😇", 1.8f },
        { "😋", 2.0f }, { "😎", 1.8f }, { "☺", 2.0f }, { "❤", 2.6f }, { "💕", 2.5f },
        { "💖", 2.6f }, { "💙", 2.2f }, { "💚", 2.2f }, { "💛", 2.2f }, { "💜", 2.2f },
        { "🧡", 2.2f }, { "👍", 1.9f }, { "👏", 1.8f }, { "🙌", 2.0f }, { "🎉", 2.2f },
        { "🥳", 2.4f }, { "💯", 1.8f }, { "🔥", 1.5f }, { "✨", 1.0f }, { "✅", 1.0f },
        { "🙏", 1.2f }, { "😡", -2.8f }, { "😠", -2.5f }, { "🤬", -3.0f }, { "😤", -1.5f },
        { "😢", -2.2f }, { "😭", -1.6f }, { "😞", -2.0f }, { "😔", -1.8f }, { "😟", -1.6f },
        { "😩", -1.8f }, { "😫", -1.8f }, { "😒", -1.6f }, { "🙄", -1.4f }, { "😕", -1.2f },
        { "🙁", -1.6f }, { "☹", -2.0f }, { "😣", -1.7f }, { "😖", -1.8f }, { "😱", -1.5f },
        { "😨", -1.8f }, { "😰", -1.8f }, { "🤦", -1.6f }, { "😬", -0.8f }, { "🤮", -2.8f },
        { "🤢", -2.3f }, { "👎", -2.0f }, { "💩", -2.2f }, { "💔", -2.5f }, { "🖕", -2.5f },
        { "❌", -1.0f },
    };

    public static LexiconWords Words { get; } =
        new([Valences], [], [], new Dictionary<string, float>(), [], Morphology.None);
}
