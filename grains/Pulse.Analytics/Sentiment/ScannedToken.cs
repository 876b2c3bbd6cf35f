using Pulse.Analytics.Language;

namespace Pulse.Analytics.Sentiment;

/// <summary>
/// One token of a post after the single scanning pass: where it is in the text, its lexicon id (-1 when unknown),
/// the id of the idiom it completes with the word before it (-1 when none), what kind of token it is and how it
/// was written; for "!" runs, how many.
/// </summary>
internal readonly record struct ScannedToken(int Start, int Id, int IdiomId, short Length, TokenKind Kind, WordShape Shape);
