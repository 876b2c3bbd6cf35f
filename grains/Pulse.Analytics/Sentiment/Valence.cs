namespace Pulse.Analytics.Sentiment;

/// <summary>
/// The scoring constants, in the spirit of VADER (Hutto and Gilbert, 2014), so scores read alike. VADER's published
/// values except where marked "tuned": those were fitted for Pearson r on VADER's own rated tweets (MIT, freely usable)
/// or, for the English thresholds, chosen by macro-F1 on the development sets; no per-word weight is fitted anywhere.
/// </summary>
internal static class Valence
{
    /// <summary>How much one booster ("very", "sehr") adds to the magnitude of the word it modifies.</summary>
    public const float BoosterStep = 0.293f;

    /// <summary>Boosters further away count less: 1, 0.95, 0.9 of their step.</summary>
    public const float BoosterDecayPerWord = 0.05f;

    /// <summary>How many words back a negator or booster reaches, and how far forward German "nicht" reaches back.</summary>
    public const int ModifierReach = 3;

    /// <summary>Negation flips and dampens: "not good" is milder than "bad". Tuned (VADER: -0.74).</summary>
    public const float NegationScale = -0.5f;

    /// <summary>An ALL-CAPS word in otherwise mixed-case text is shouted.</summary>
    public const float ShoutBoost = 0.733f;

    /// <summary>A stretched word ("gooood") is emphasised, more quietly than shouting.</summary>
    public const float ElongationBoost = 0.293f;

    /// <summary>Each '!' (up to four) pushes the total further in its own direction. Tuned (VADER: 0.292).</summary>
    public const float ExclamationBoost = 0.5f;

    public const int MaxExclamations = 4;

    /// <summary>Before "but" a clause counts half, after it 1.2 times. Tuned (VADER: 0.5 and 1.5).</summary>
    public const double ContrastBefore = 0.5;

    public const double ContrastAfter = 1.2;

    /// <summary>The sum x maps to x / sqrt(x² + alpha), approaching ±1.</summary>
    public const double NormalisationAlpha = 15;

    /// <summary>
    /// English scores at or above this are positive. Tuned on the English development set (one global constant, no
    /// per-word weights): everyday positive words ("like", "good", "thanks") fill neutral posts, and a squashed
    /// score of 0.42 is one clearly positive word ("great") rather than one mild one ("ok").
    /// </summary>
    public const float EnglishPositiveThreshold = 0.42f;

    /// <summary>English scores at or below minus this are negative: even one mildly negative word usually means it.</summary>
    public const float EnglishNegativeThreshold = 0.02f;

    /// <summary>
    /// German scores, and scores of posts with an emoji or emoticon, beyond ±this are positive or negative (VADER's
    /// value). The German sets disagree (one labels mild praise neutral, the other positive); no tuned value served
    /// both better. Undetermined posts (mostly links, tags and names) use the English thresholds.
    /// </summary>
    public const float NeutralBand = 0.05f;

    /// <summary>
    /// AFINN rates -5..+5 in whole steps and comes ahead of VADER, so where both list a word this decides its weight.
    /// Tuned: half scale reads VADER's rated tweets best, damping AFINN's coarse ±2/±3 on common words.
    /// </summary>
    public const float AfinnScale = 0.5f;

    /// <summary>
    /// English words in German posts ("nice", "fail") count this much of their English valence: they are often names,
    /// titles or quotes. Tuned on the German development sets.
    /// </summary>
    public const float BorrowedScale = 0.6f;
}
