namespace Pulse.Analytics.Sentiment.Lexicons;

/// <summary>Per-word facts the scorer needs before it knows the post's language.</summary>
[Flags]
internal enum WordFlags : byte
{
    None = 0,

    /// <summary>Function word of English: evidence for the language.</summary>
    EnglishFunctionWord = 1,

    /// <summary>Function word of German.</summary>
    GermanFunctionWord = 2,

    /// <summary>First word of a two-word idiom ("fed up", "nicht schlecht"): the next word is looked up with it.</summary>
    StartsIdiom = 4,

    /// <summary>Has a German reading of its own (not borrowed from English): may be part of a German compound.</summary>
    GermanWord = 8,

    /// <summary>English "like": a verb of liking only after its subject ("I like", "don't like"), else a filler.</summary>
    NeedsSubject = 16,

    /// <summary>A word that can stand right before a verb of liking: pronouns, auxiliaries, adverbs.</summary>
    Subject = 32,
}
