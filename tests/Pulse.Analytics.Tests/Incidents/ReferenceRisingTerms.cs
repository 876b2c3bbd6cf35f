using Pulse.Analytics.Incidents;
using Pulse.Analytics.Matching;

namespace Pulse.Analytics.Tests.Incidents;

/// <summary>
/// RisingTerms as it was before its memory was compacted (strings in a Dictionary, four parallel arrays), kept verbatim
/// otherwise: the compact one must give exactly the same results, eviction choices included.
/// </summary>
internal sealed class ReferenceRisingTerms
{
    private const int EvictionSample = 8;
    private const double MinimumRecent = 3;
    private const int MinimumTermLength = 4;

    /// <summary>Weights are re-based this many fast half-lives after the landmark, far below a double's range (2^1023).</summary>
    private const double RebaseAfterHalfLives = 64;

    private readonly Dictionary<string, int> _slots;
    private readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _lookup;
    // Slots grow by doubling up to the capacity: most channels see a handful of terms, and every grain holds one of these.
    private readonly int _capacity;
    private string[] _names;
    private double[] _fast;
    private double[] _slow;
    private int[] _lastPost;
    private readonly double _fastHalfLifeTicks;
    private readonly double _slowHalfLifeTicks;
    private int _count;
    private int _post;
    private long _landmark;
    private bool _started;
    private double _postsFast;
    private double _postsSlow;
    private uint _random = 2463534242;

    public ReferenceRisingTerms(int capacity, TimeSpan fastHalfLife, TimeSpan slowHalfLife)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, EvictionSample);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(fastHalfLife, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(slowHalfLife, fastHalfLife);
        _fastHalfLifeTicks = fastHalfLife.Ticks;
        _slowHalfLifeTicks = slowHalfLife.Ticks;
        _capacity = capacity;
        _slots = new Dictionary<string, int>(StringComparer.Ordinal);
        _lookup = _slots.GetAlternateLookup<ReadOnlySpan<char>>();
        _names = [];
        _fast = [];
        _slow = [];
        _lastPost = [];
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
        for (var i = 0; i < n; i++)
        {
            var term = tokens[i].Text(scratch);
            if (!IsInteresting(term))
            {
                continue;
            }

            if (_lookup.TryGetValue(term, out var slot))
            {
                if (_lastPost[slot] != _post)
                {
                    _lastPost[slot] = _post;
                    _fast[slot] += fast;
                    _slow[slot] += slow;
                }

                continue;
            }

            if (_count == _names.Length && _count < _capacity)
            {
                Grow();
            }

            slot = _count < _names.Length ? _count++ : EvictWeakest();
            if (slot < 0)
            {
                continue; // every sampled entry is in this post: keep them
            }

            var name = term.ToString();
            _names[slot] = name;
            _slots[name] = slot;
            _fast[slot] = fast;
            _slow[slot] = slow;
            _lastPost[slot] = _post;
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
            var fast = _fast[i] * fastScale;
            if (fast < MinimumRecent)
            {
                continue;
            }

            // Baseline = what the slow count holds beyond the fast one (older posts), so a spike does not dilute its
            // own baseline on a fresh channel; Laplace-smoothed so a term never seen before still gets a finite lift.
            var olderTerm = Math.Max((_slow[i] * slowScale) - fast, 0);
            var olderPosts = Math.Max(postsSlow - postsFast, 0);
            var lift = (fast / postsFast) / ((olderTerm + 1) / (olderPosts + 1));
            if (lift > 1.5)
            {
                rising.Add(new TermRise(_names[i], fast, lift));
            }
        }

        rising.Sort((a, b) => b.Lift.CompareTo(a.Lift));
        return rising.Count <= count ? rising : rising.GetRange(0, count);
    }

    private static bool IsInteresting(ReadOnlySpan<char> term) =>
        term.Length > 0 && (term[0] == '#' ? term.Length > 1 : term[0] != '@' && term.Length >= MinimumTermLength && !StopWords.Contains(term));

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
                _fast[i] *= fastScale;
                _slow[i] *= slowScale;
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

    /// <summary>Frees the weakest (by slow count) of a few sampled slots not counted in the current post; -1 if none.</summary>
    private void Grow()
    {
        var size = Math.Min(_capacity, Math.Max(8, _names.Length * 2));
        Array.Resize(ref _names, size);
        Array.Resize(ref _fast, size);
        Array.Resize(ref _slow, size);
        Array.Resize(ref _lastPost, size);
    }

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
            if (_slow[candidate] < weakestSlow && _lastPost[candidate] != _post)
            {
                weakest = candidate;
                weakestSlow = _slow[candidate];
            }
        }

        if (weakest >= 0)
        {
            _slots.Remove(_names[weakest]);
        }

        return weakest;
    }
}
