using Pulse.Analytics.Matching;

namespace Pulse.Analytics.Incidents;

/// <summary>
/// Answers "what are people suddenly saying?" for an alert: per term, a fast and a slow exponentially
/// decayed count of the posts carrying it, compared as shares of all posts, so a brand's own name (in every
/// post, spike or not) has a lift near 1 while a crisis hashtag jumps. Bounded memory: at capacity a new
/// term replaces the weakest of a few sampled entries (an approximate heavy-hitters sketch).
/// </summary>
public sealed class RisingTerms
{
    private const int EvictionSample = 8;
    private const double MinimumRecent = 3;
    private const int MinimumTermLength = 4;

    private readonly Dictionary<string, Counts> _terms;
    private readonly Dictionary<string, Counts>.AlternateLookup<ReadOnlySpan<char>> _lookup;
    private readonly int _capacity;
    private readonly double _fastHalfLifeTicks;
    private readonly double _slowHalfLifeTicks;
    private readonly HashSet<string> _seenInPost = new(StringComparer.Ordinal);
    private Counts _posts;
    private uint _random = 2463534242;

    public RisingTerms(int capacity, TimeSpan fastHalfLife, TimeSpan slowHalfLife)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, EvictionSample);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(fastHalfLife, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(slowHalfLife, fastHalfLife);
        _capacity = capacity;
        _fastHalfLifeTicks = fastHalfLife.Ticks;
        _slowHalfLifeTicks = slowHalfLife.Ticks;
        // Not pre-sized to the capacity: most channels see a handful of terms, and a grain holds one of these.
        _terms = new Dictionary<string, Counts>(StringComparer.Ordinal);
        _lookup = _terms.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    public int Count => _terms.Count;

    public void Observe(ReadOnlySpan<char> text, DateTimeOffset at)
    {
        var ticks = at.UtcTicks;
        _posts = _posts.Add(ticks, _fastHalfLifeTicks, _slowHalfLifeTicks);
        var scratch = text.Length <= 512 ? stackalloc char[TextNormalizer.ScratchLength(text.Length)] : new char[TextNormalizer.ScratchLength(text.Length)];
        var tokens = text.Length <= 512 ? stackalloc FoldedToken[TextNormalizer.MaxTokenCount(text.Length)] : new FoldedToken[TextNormalizer.MaxTokenCount(text.Length)];
        var n = TextNormalizer.Tokenize(text, scratch, tokens);
        _seenInPost.Clear();
        for (var i = 0; i < n; i++)
        {
            var term = tokens[i].Text(scratch);
            if (!IsInteresting(term))
            {
                continue;
            }

            if (_lookup.TryGetValue(term, out var key, out var counts))
            {
                if (_seenInPost.Add(key))
                {
                    _terms[key] = counts.Add(ticks, _fastHalfLifeTicks, _slowHalfLifeTicks);
                }

                continue;
            }

            var name = term.ToString();
            if (_terms.Count >= _capacity)
            {
                EvictWeakest(ticks);
            }

            _seenInPost.Add(name);
            _terms[name] = default(Counts).Add(ticks, _fastHalfLifeTicks, _slowHalfLifeTicks);
        }
    }

    /// <summary>The terms rising most, by lift, among those carried by at least a few recent posts.</summary>
    public IReadOnlyList<TermRise> Top(int count, DateTimeOffset now)
    {
        var ticks = now.UtcTicks;
        var posts = _posts.At(ticks, _fastHalfLifeTicks, _slowHalfLifeTicks);
        if (posts.Fast <= 0)
        {
            return [];
        }

        var rising = new List<TermRise>();
        foreach (var (term, raw) in _terms)
        {
            var c = raw.At(ticks, _fastHalfLifeTicks, _slowHalfLifeTicks);
            if (c.Fast < MinimumRecent)
            {
                continue;
            }

            // Baseline = what the slow count holds beyond the fast one (older posts), so a spike does not dilute its
            // own baseline on a fresh channel; Laplace-smoothed so a term never seen before still gets a finite lift.
            var olderTerm = Math.Max(c.Slow - c.Fast, 0);
            var olderPosts = Math.Max(posts.Slow - posts.Fast, 0);
            var lift = (c.Fast / posts.Fast) / ((olderTerm + 1) / (olderPosts + 1));
            if (lift > 1.5)
            {
                rising.Add(new TermRise(term, c.Fast, lift));
            }
        }

        rising.Sort((a, b) => b.Lift.CompareTo(a.Lift));
        return rising.Count <= count ? rising : rising.GetRange(0, count);
    }

    private static bool IsInteresting(ReadOnlySpan<char> term) =>
        term.Length > 0 && (term[0] == '#' ? term.Length > 1 : term[0] != '@' && term.Length >= MinimumTermLength && !StopWords.Contains(term));

    private void EvictWeakest(long ticks)
    {
        string? weakest = null;
        var weakestSlow = double.MaxValue;
        for (var i = 0; i < EvictionSample; i++)
        {
            _random ^= _random << 13;
            _random ^= _random >> 17;
            _random ^= _random << 5;
            var candidate = _terms.ElementAt((int)(_random % (uint)_terms.Count));
            var slow = candidate.Value.At(ticks, _fastHalfLifeTicks, _slowHalfLifeTicks).Slow;
            if (slow < weakestSlow && !_seenInPost.Contains(candidate.Key))
            {
                weakest = candidate.Key;
                weakestSlow = slow;
            }
        }

        if (weakest is not null)
        {
            _terms.Remove(weakest);
        }
    }

    /// <summary>Decayed counts as of <see cref="Ticks"/>; decay is applied lazily when read or added to.</summary>
    private readonly record struct Counts(double Fast, double Slow, long Ticks)
    {
        public Counts At(long ticks, double fastHalfLife, double slowHalfLife)
        {
            if (Ticks == 0 || ticks <= Ticks)
            {
                return this;
            }

            var elapsed = ticks - Ticks;
            return new Counts(Fast * Math.Pow(2, -elapsed / fastHalfLife), Slow * Math.Pow(2, -elapsed / slowHalfLife), ticks);
        }

        public Counts Add(long ticks, double fastHalfLife, double slowHalfLife)
        {
            var now = At(ticks, fastHalfLife, slowHalfLife);
            return new Counts(now.Fast + 1, now.Slow + 1, Math.Max(ticks, Ticks));
        }
    }
}
