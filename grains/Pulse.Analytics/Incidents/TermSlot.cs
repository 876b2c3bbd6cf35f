namespace Pulse.Analytics.Incidents;

/// <summary>One tracked term of <see cref="RisingTerms"/>: its decayed counts, where its name lies in <see cref="TermNames"/>,
/// and the votes for the form it is shown in.</summary>
/// <remarks>24 bytes inline in one array, instead of a string object, a dictionary entry and four array elements.
/// The counts stay doubles: the baseline is the slow count minus the fast one, and in floats that difference loses
/// whole posts once a term has thousands of them. The votes share a word with the name's offset, which stays below
/// 2^24 (names are at most <see cref="RisingTerms.MaximumTermLength"/> characters, and their bytes are compacted):
/// a byte per term elsewhere would grow every name, and with them the bytes copied as names come and go.</remarks>
internal struct TermSlot
{
    public const int MaximumName = (1 << 24) - 1;

    /// <summary>Posts carrying the term, fast decay, on the landmark's scale.</summary>
    public double Fast;

    /// <summary>Posts carrying the term, slow decay, on the landmark's scale.</summary>
    public double Slow;

    /// <summary>The last post that counted the term, so a post counts it once.</summary>
    public int LastPost;

    private uint _nameAndVotes;

    /// <summary>Where the name starts in <see cref="TermNames"/>' bytes.</summary>
    public int Name
    {
        readonly get => (int)(_nameAndVotes & MaximumName);
        set
        {
            ArgumentOutOfRangeException.ThrowIfGreaterThan((uint)value, (uint)MaximumName, nameof(value));
            _nameAndVotes = (_nameAndVotes & ~(uint)MaximumName) | (uint)value;
        }
    }

    /// <summary>Votes for the form the term is shown in (see <see cref="TermNames.Vote"/>).</summary>
    public byte Votes
    {
        readonly get => (byte)(_nameAndVotes >> 24);
        set => _nameAndVotes = (_nameAndVotes & MaximumName) | ((uint)value << 24);
    }
}
