namespace Pulse.Analytics.Matching;

/// <summary>
/// What one index key leads to. A key is a folded token (or token prefix), or for phrases the first
/// two tokens joined by a space, so phrases sharing a first word ("deutsche bahn", "deutsche post")
/// are not all verified whenever that word occurs.
/// </summary>
internal sealed class TokenEntry(int[] exact, int[] prefixes, IndexedPhrase[] phrases, bool startsPhrasePairs)
{
    /// <summary>Terms equal to the key.</summary>
    public int[] Exact { get; } = exact;

    /// <summary>Prefix terms the key begins.</summary>
    public int[] Prefixes { get; } = prefixes;

    /// <summary>Phrases starting with the key, to verify against the following tokens.</summary>
    public IndexedPhrase[] Phrases { get; } = phrases;

    /// <summary>Whether some phrase is filed under this token plus the next one.</summary>
    public bool StartsPhrasePairs { get; } = startsPhrasePairs;
}
