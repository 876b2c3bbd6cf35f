namespace Pulse.Analytics.Sentiment.Lexicons;

/// <summary>How a word takes part in scoring.</summary>
internal enum WordRole : byte
{
    /// <summary>Not in the lexicon; still counts as a word between a modifier and what it modifies.</summary>
    None,

    /// <summary>Carries a valence of its own ("great", "mies", "😡").</summary>
    Sentiment,

    /// <summary>Flips the sentiment words after it ("not", "kein") and, where marked, before it ("gefällt mir nicht").</summary>
    Negator,

    /// <summary>Raises (positive value) or lowers (negative value) the magnitude of the sentiment word after it.</summary>
    Booster,

    /// <summary>Starts a clause that outweighs what came before ("but", "aber").</summary>
    Contrast,
}
