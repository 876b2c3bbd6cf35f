using Pulse.Analytics.Windows;

namespace Pulse.Grains.Stats;

internal static class ChannelSeriesBuilder
{
    public static ChannelSeries Build(string channel, ReadOnlySpan<Bucket> buckets)
    {
        var n = buckets.Length;
        var count = new int[n];
        var mean = new double[n];
        var pos = new int[n];
        var neu = new int[n];
        var neg = new int[n];
        var engagement = new long[n];
        for (var i = 0; i < n; i++)
        {
            ref readonly var b = ref buckets[i];
            count[i] = b.Count;
            mean[i] = new WindowTotals(b).SentimentMean;
            pos[i] = b.Positive;
            neu[i] = b.Neutral;
            neg[i] = b.Negative;
            engagement[i] = Saturating.Add(b.Likes, b.Shares, b.Comments);
        }

        return new ChannelSeries(channel, count, mean, pos, neu, neg, engagement);
    }
}
