using System.Buffers;
using System.Text.Unicode;
using Pulse.Analytics.Matching;

namespace Pulse.Analytics.Incidents;

/// <summary>
/// Answers "what are people suddenly saying?" for an alert: per term, a fast and a slow exponentially
/// decayed count of the posts carrying it, compared as shares of all posts, so a brand's own name (in every
/// post, spike or not) has a lift near 1 while a crisis hashtag jumps. Bounded memory: at capacity a new
/// term replaces the weakest of a few sampled entries (an approximate heavy-hitters sketch).
/// </summary>
/// <remarks>
/// Observed for every recorded mention, so it is built for that: counts use forward decay (each post adds a weight
/// growing as 2^(time / half-life) from a landmark, and reads divide it out), so a post costs two exponentials
/// whatever its terms, and all counts share one scale; terms live in slots of one array of structs, so sampling for
/// eviction is O(1) and "once per post" is a post number per slot. Names are kept as UTF-8 in <see cref="TermNames"/>,
/// not as strings: every (brand, channel) grain holds one of these.
/// <para>Terms are counted by their folded form (so "Stellwerksstörung" and "stellwerksstoerung" are one term) and
/// shown as most posts wrote them (see <see cref="TermNames"/>): an alert names the term people use, not its fold.</para>
/// </remarks>
public sealed class RisingTerms
{
    private const int EvictionSample = 8;
    private const double MinimumRecent = 3;

    /// <summary>
    /// Longer tokens are not terms: no word that explains a spike is this long (base64, spam), and the cap keeps names on
    /// the stack while they are looked up and their bytes small (see <see cref="TermSlot"/>).
    /// </summary>
    public const int MaximumTermLength = TermFilter.MaximumTermLength;

    /// <summary>Weights are re-based this many fast half-lives after the landmark, far below a double's range (2^1023).</summary>
    private const double RebaseAfterHalfLives = 64;

    private readonly TermNames _names = new();
    // Slots grow by half up to the capacity: most channels see a handful of terms, and every grain holds one of these.
    private readonly int _capacity;
    private TermSlot[] _slots = [];
    private readonly double _fastHalfLifeTicks;
    private readonly double _slowHalfLifeTicks;
    private int _count;
    private int _post;
    private long _landmark;
    private bool _started;
    private double _postsFast;
    private double _postsSlow;
    private uint _random = 2463534242;

    public RisingTerms(int capacity, TimeSpan fastHalfLife, TimeSpan slowHalfLife)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, EvictionSample);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(capacity, TermNames.MaximumSlots);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(fastHalfLife, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(slowHalfLife, fastHalfLife);
        _fastHalfLifeTicks = fastHalfLife.Ticks;
        _slowHalfLifeTicks = slowHalfLife.Ticks;
        _capacity = capacity;
    }

    public int Count => _count;

    public void Observe(ReadOnlySpan<char> text, DateTimeOffset at)
    {
        var ticks = at.UtcTicks;
        var (fast, slow) = Weights(ticks);
        _postsFast += fast;
        _postsSlow += slow;
        _post++;
        var scratch = text.Length <= 512 ? stackalloc char[TextNormalizer.ScratchLength(text.Length)] : new char[TextNormalizer.ScratchLength(text.Length)];
        var tokens = text.Length <= 512 ? stackalloc FoldedToken[TextNormalizer.MaxTokenCount(text.Length)] : new FoldedToken[TextNormalizer.MaxTokenCount(text.Length)];
        var n = TextNormalizer.Tokenize(text, scratch, tokens);
        Span<byte> stackName = stackalloc byte[MaximumTermLength * 3];
        Span<byte> stackWritten = stackalloc byte[MaximumTermLength * 3];
        for (var i = 0; i < n; i++)
        {
            var token = tokens[i];
            var term = token.Text(scratch);
            if (!IsInteresting(term))
            {
                continue;
            }

            if (Utf8.FromUtf16(term, stackName, out _, out var length, replaceInvalidSequences: false) != OperationStatus.Done)
            {
                continue; // a lone surrogate: the tokenizer never yields one (surrogates are not word characters)
            }

            var name = stackName[..length];
            var hash = TermNames.Hash(name);
            var slot = _names.Find(_slots, name, hash);
            if (slot >= 0)
            {
                ref var found = ref _slots[slot];
                if (found.LastPost != _post)
                {
                    found.LastPost = _post;
                    found.Fast += fast;
                    found.Slow += slow;
                    if (TermNames.Votes(found, _post))
                    {
                        _names.Vote(_slots.AsSpan(0, _count), slot, Written(token.Raw(text), term, stackWritten));
                    }
                }

                continue;
            }

            if (_count == _slots.Length && _count < _capacity)
            {
                Grow();
            }

            slot = _count < _slots.Length ? _count++ : EvictWeakest();
            if (slot < 0)
            {
                continue; // every sampled entry is in this post: keep them
            }

            _names.Add(_slots.AsSpan(0, _count), slot, name, hash);
            ref var added = ref _slots[slot];
            added.Fast = fast;
            added.Slow = slow;
            added.LastPost = _post;
        }
    }

    /// <summary>The terms rising most, by lift, among those carried by at least a few recent posts.</summary>
    public IReadOnlyList<TermRise> Top(int count, DateTimeOffset now)
    {
        if (!_started)
        {
            return [];
        }

        var (fastScale, slowScale) = Scales(now.UtcTicks);
        var postsFast = _postsFast * fastScale;
        var postsSlow = _postsSlow * slowScale;
        if (postsFast <= 0)
        {
            return [];
        }

        var rising = new List<TermRise>();
        for (var i = 0; i < _count; i++)
        {
            ref readonly var slot = ref _slots[i];
            var fast = slot.Fast * fastScale;
            if (fast < MinimumRecent)
            {
                continue;
            }

            // Baseline = what the slow count holds beyond the fast one (older posts), so a spike does not dilute its
            // own baseline on a fresh channel; Laplace-smoothed so a term never seen before still gets a finite lift.
            var olderTerm = Math.Max((slot.Slow * slowScale) - fast, 0);
            var olderPosts = Math.Max(postsSlow - postsFast, 0);
            var lift = (fast / postsFast) / ((olderTerm + 1) / (olderPosts + 1));
            if (lift > 1.5)
            {
                rising.Add(new TermRise(_names.Name(slot), fast, lift));
            }
        }

        rising.Sort((a, b) => b.Lift.CompareTo(a.Lift));
        return rising.Count <= count ? rising : rising.GetRange(0, count);
    }

    /// <summary>
    /// The term as this post wrote it, in UTF-8; empty when that is its key (most lower-case words), which the names
    /// then need not store twice, or when it is longer than any term (runs of combining marks, which folding drops).
    /// Called when the post counts for the term (once per post), not per occurrence.
    /// </summary>
    private static ReadOnlySpan<byte> Written(ReadOnlySpan<char> raw, ReadOnlySpan<char> key, Span<byte> buffer)
    {
        if (raw.Length > MaximumTermLength || raw.SequenceEqual(key))
        {
            return default;
        }

        return Utf8.FromUtf16(raw, buffer, out _, out var length, replaceInvalidSequences: false) == OperationStatus.Done ? buffer[..length] : default;
    }

    private static bool IsInteresting(ReadOnlySpan<char> term) => TermFilter.IsInteresting(term);

    /// <summary>What a post at <paramref name="ticks"/> adds to the fast and slow counts, on the landmark's scale.</summary>
    private (double Fast, double Slow) Weights(long ticks)
    {
        if (!_started)
        {
            _started = true;
            _landmark = ticks;
        }
        else if (ticks - _landmark > RebaseAfterHalfLives * _fastHalfLifeTicks)
        {
            var (fastScale, slowScale) = Scales(ticks);
            for (var i = 0; i < _count; i++)
            {
                _slots[i].Fast *= fastScale;
                _slots[i].Slow *= slowScale;
            }

            _postsFast *= fastScale;
            _postsSlow *= slowScale;
            _landmark = ticks;
        }

        var age = ticks - _landmark;
        return (Math.Pow(2, age / _fastHalfLifeTicks), Math.Pow(2, age / _slowHalfLifeTicks));
    }

    /// <summary>Factors turning stored (landmark-scale) counts into counts decayed to <paramref name="ticks"/>.</summary>
    private (double Fast, double Slow) Scales(long ticks)
    {
        // Reading before the latest post must not grow counts: decay never runs backwards.
        var age = Math.Max(ticks - _landmark, 0);
        return (Math.Pow(2, -age / _fastHalfLifeTicks), Math.Pow(2, -age / _slowHalfLifeTicks));
    }

    private void Grow()
    {
        var size = Math.Min(_capacity, Math.Max(8, _slots.Length + (_slots.Length / 2)));
        Array.Resize(ref _slots, size);
        _names.Resize(_slots.AsSpan(0, _count), size);
    }

    /// <summary>Frees the weakest (by slow count) of a few sampled slots not counted in the current post; -1 if none.</summary>
    private int EvictWeakest()
    {
        var weakest = -1;
        var weakestSlow = double.MaxValue;
        for (var i = 0; i < EvictionSample; i++)
        {
            _random ^= _random << 13;
            _random ^= _random >> 17;
            _random ^= _random << 5;
            var candidate = (int)(_random % (uint)_count);
            ref readonly var slot = ref _slots[candidate];
            if (slot.Slow < weakestSlow && slot.LastPost != _post)
            {
                weakest = candidate;
                weakestSlow = slot.Slow;
            }
        }

        if (weakest >= 0)
        {
            _names.Remove(_slots.AsSpan(0, _count), weakest);
        }

        return weakest;
    }
}
