using NpgsqlTypes;
using Npgsql;
using Pulse.Analytics.Sentiment;
using Pulse.Grains.Mentions;

namespace Pulse.Silo.Archive.Batches;

/// <summary>
/// What one write adds to a rollup table, per (brand, channel) and UTC hour or day, summed in .NET so PostgreSQL gets
/// one row per key instead of one per mention. Engagement on a post (<see cref="Mention.EngagementOf"/>) adds to the
/// engagement but is no mention, as in the live windows. Sums by hour; the days are summed from the hours.
/// </summary>
internal sealed class RollupDelta
{
    private readonly Dictionary<(string Brand, string Channel, DateTime Bucket), Sums> _sums = [];

    public int Count => _sums.Count;

    public void Add(ScoredMention scored)
    {
        var mention = scored.Mention;
        var ticks = mention.Timestamp.UtcTicks;
        var key = (scored.BrandId, mention.Channel, new DateTime(ticks - (ticks % TimeSpan.TicksPerHour), DateTimeKind.Utc));
        ref var sums = ref System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(_sums, key, out _);
        sums.Engagement += mention.Likes + mention.Shares + mention.Comments;
        sums.Reach += mention.Reach;
        if (mention.EngagementOf is not null)
        {
            return;
        }

        sums.Mentions++;
        sums.SentimentSum += scored.Sentiment;
        switch (scored.Label)
        {
            case SentimentLabel.Positive: sums.Positive++; break;
            case SentimentLabel.Negative: sums.Negative++; break;
            default: sums.Neutral++; break;
        }
    }

    public void Clear() => _sums.Clear();

    /// <summary>These hourly sums by UTC day, into <paramref name="daily"/> (cleared first).</summary>
    public void SumDays(RollupDelta daily)
    {
        daily.Clear();
        foreach (var ((brand, channel, hour), sums) in _sums)
        {
            ref var day = ref System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(
                daily._sums, (brand, channel, DateTime.SpecifyKind(hour.Date, DateTimeKind.Utc)), out _);
            day.Mentions += sums.Mentions;
            day.Positive += sums.Positive;
            day.Neutral += sums.Neutral;
            day.Negative += sums.Negative;
            day.SentimentSum += sums.SentimentSum;
            day.Engagement += sums.Engagement;
            day.Reach += sums.Reach;
        }
    }

    /// <summary>
    /// Adds the sums to <paramref name="table"/> in key order, so two writers updating the same rows take their locks in
    /// the same order and wait rather than deadlock.
    /// </summary>
    public NpgsqlCommand Command(string table, NpgsqlConnection connection, NpgsqlTransaction transaction)
    {
        var rows = _sums.OrderBy(row => row.Key).ToArray();
        var command = new NpgsqlCommand(
            $"""
            INSERT INTO {table} AS r (brand_id, channel, bucket, mentions, positive, neutral, negative, sentiment_sum, engagement, reach)
            SELECT * FROM unnest(@brand, @channel, @bucket, @mentions, @positive, @neutral, @negative, @sentiment, @engagement, @reach)
            ON CONFLICT (brand_id, channel, bucket) DO UPDATE SET
                mentions = r.mentions + excluded.mentions, positive = r.positive + excluded.positive,
                neutral = r.neutral + excluded.neutral, negative = r.negative + excluded.negative,
                sentiment_sum = r.sentiment_sum + excluded.sentiment_sum, engagement = r.engagement + excluded.engagement,
                reach = r.reach + excluded.reach
            """, connection, transaction);
        void Column<T>(string name, NpgsqlDbType type, Func<(string Brand, string Channel, DateTime Bucket), Sums, T> value) =>
            command.Parameters.Add(new NpgsqlParameter(name, NpgsqlDbType.Array | type) { Value = rows.Select(row => value(row.Key, row.Value)).ToArray() });
        Column("brand", NpgsqlDbType.Text, (k, _) => ArchiveText.Clean(k.Brand));
        Column("channel", NpgsqlDbType.Text, (k, _) => ArchiveText.Clean(k.Channel));
        Column("bucket", NpgsqlDbType.TimestampTz, (k, _) => k.Bucket);
        Column("mentions", NpgsqlDbType.Bigint, (_, s) => s.Mentions);
        Column("positive", NpgsqlDbType.Bigint, (_, s) => s.Positive);
        Column("neutral", NpgsqlDbType.Bigint, (_, s) => s.Neutral);
        Column("negative", NpgsqlDbType.Bigint, (_, s) => s.Negative);
        Column("sentiment", NpgsqlDbType.Double, (_, s) => s.SentimentSum);
        Column("engagement", NpgsqlDbType.Bigint, (_, s) => s.Engagement);
        Column("reach", NpgsqlDbType.Bigint, (_, s) => s.Reach);
        return command;
    }

    private struct Sums
    {
        public long Mentions;
        public long Positive;
        public long Neutral;
        public long Negative;
        public double SentimentSum;
        public long Engagement;
        public long Reach;
    }
}
