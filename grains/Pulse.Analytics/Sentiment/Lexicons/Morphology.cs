namespace Pulse.Analytics.Sentiment.Lexicons;

/// <summary>Which cheap suffix rules a lexicon tries when a word is not listed as written.</summary>
[Flags]
internal enum Morphology : byte
{
    None = 0,

    /// <summary>Plural/third-person "-s" ("bugs" → "bug") and "-n't" as negation ("doesn't").</summary>
    English = 1,

    /// <summary>Adjective and noun endings "-e -en -er -es -em", then superlative "-st" ("schönsten" → "schön").</summary>
    German = 2,
}
