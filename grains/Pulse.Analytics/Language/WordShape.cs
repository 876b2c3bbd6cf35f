namespace Pulse.Analytics.Language;

/// <summary>How a word was written, learned while folding it so no second pass over its letters is needed.</summary>
[Flags]
internal enum WordShape : byte
{
    None = 0,

    /// <summary>Two or more letters, all capitals ("GREAT").</summary>
    Shouted = 1,

    /// <summary>Has at least one lower-case letter.</summary>
    Spoken = 2,

    /// <summary>A letter repeats three or more times in a row ("soooo").</summary>
    Elongated = 4,

    /// <summary>Spelled with ä, ö, ü or ß: near-certain German.</summary>
    GermanLetters = 8,

    /// <summary>Ends in "n't": English negation ("doesn't").</summary>
    NegatedContraction = 16,
}
