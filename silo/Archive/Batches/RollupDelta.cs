using NpgsqlTypes;
using Npgsql;
using Pulse.Analytics.Sentiment;
using Pulse.Grains.Mentions;

namespace Pulse.Silo.Archive.Batches;

/// <summary>
/// What one write adds to a rollup table, per (brand, channel) and UTC hour or day, summed in .NET so PostgreSQL gets
/// one row per key instead of one per mention. Engagement on a post (<see cref="Mention.EngagementOf"/>) adds to the
/// engagement but is no mention, as in the live windows.
/// </summary>
internal sealed class RollupDelta(bool daily)
{
    private readonly Dictionary<(string Brand, string Channel, DateTime Bucket), Sums> _sums = [];

    public int Count => _sums.Count;

    public void Add(ScoredMention scored)
    {
        var mention = scored.Mention;
        var at = mention.Timestamp.UtcDateTime;
        var bucket = daily ? at.Date : new DateTime(at.Year, at.Month, at.Day, at.Hour, 0, 0, DateTimeKind.Utc);
        var key = (scored.BrandId, mention.Channel, DateTime.SpecifyKind(bucket, DateTimeKind.Utc));
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

    /// <summary>
    /// Adds the sums to <paramref name="table"/> in key order, so two writers updating the same rows take their locks in
    /// the same order and wait rather than deadlock.
    /// </summary>
    public NpgsqlCommand Command(string table, NpgsqlConnection connection, NpgsqlTransaction transaction)
    {
        var keys = _sums.Keys.Order().ToArray();
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
            command.Parameters.Add(new NpgsqlParameter(name, NpgsqlDbType.Array | type) { Value = keys.Select(k => value(k, _sums[k])).ToArray() });
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
