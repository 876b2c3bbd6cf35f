using Pulse.Grains.Mentions;

namespace Pulse.Grains.Channels;

/// <summary>A small ring of the most recently recorded mentions, for the live feed.</summary>
internal sealed class LatestMentions(int capacity)
{
    private readonly ScoredMention?[] _ring = new ScoredMention?[capacity];
    private int _next;
    private int _count;

    public void Add(ScoredMention mention)
    {
        _ring[_next] = mention;
        _next = (_next + 1) % _ring.Length;
        _count = Math.Min(_count + 1, _ring.Length);
    }

    public MentionView[] Newest(int limit)
    {
        var n = Math.Min(limit, _count);
        var result = new MentionView[n];
        for (var i = 0; i < n; i++)
        {
            var index = (_next - 1 - i + _ring.Length) % _ring.Length;
            result[i] = MentionView.From(_ring[index]!);
        }

        return result;
    }
}
