namespace Pulse.Analytics.Incidents;

/// <summary>One tracked term of <see cref="RisingTerms"/>: its decayed counts and where its name lies in <see cref="TermNames"/>.</summary>
/// <remarks>24 bytes inline in one array, instead of a string object, a dictionary entry and four array elements.
/// The counts stay doubles: the baseline is the slow count minus the fast one, and in floats that difference loses
/// whole posts once a term has thousands of them.</remarks>
internal struct TermSlot
{
    /// <summary>Posts carrying the term, fast decay, on the landmark's scale.</summary>
    public double Fast;

    /// <summary>Posts carrying the term, slow decay, on the landmark's scale.</summary>
    public double Slow;

    /// <summary>The last post that counted the term, so a post counts it once.</summary>
    public int LastPost;

    /// <summary>Where the name (its length, then its UTF-8 bytes) starts in <see cref="TermNames"/>' bytes.</summary>
    public int Name;
}
