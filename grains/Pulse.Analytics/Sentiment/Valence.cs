namespace Pulse.Analytics.Sentiment;

/// <summary>The scoring constants, in the spirit of VADER (Hutto and Gilbert, 2014), so scores read alike.</summary>
internal static class Valence
{
    /// <summary>How much one booster ("very", "sehr") adds to the magnitude of the word it modifies.</summary>
    public const float BoosterStep = 0.293f;

    /// <summary>Boosters further away count less: 1, 0.95, 0.9 of their step.</summary>
    public const float BoosterDecayPerWord = 0.05f;

    /// <summary>How many words back a negator or booster reaches, and how far forward German "nicht" reaches back.</summary>
    public const int ModifierReach = 3;

    /// <summary>Negation flips and dampens: "not good" is milder than "bad".</summary>
    public const float NegationScale = -0.74f;

    /// <summary>An ALL-CAPS word in otherwise mixed-case text is shouted.</summary>
    public const float ShoutBoost = 0.733f;

    /// <summary>A stretched word ("gooood") is emphasised, more quietly than shouting.</summary>
    public const float ElongationBoost = 0.293f;

    /// <summary>Each '!' (up to four) pushes the total further in its own direction.</summary>
    public const float ExclamationBoost = 0.292f;

    public const int MaxExclamations = 4;

    /// <summary>Before "but" a clause counts half, after it one and a half.</summary>
    public const double ContrastBefore = 0.5;

    public const double ContrastAfter = 1.5;

    /// <summary>The sum x maps to x / sqrt(x² + alpha), approaching ±1.</summary>
    public const double NormalisationAlpha = 15;

    /// <summary>Scores within this distance of zero are neutral.</summary>
    public const float NeutralBand = 0.05f;
}
