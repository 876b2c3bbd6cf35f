using System.Text;
using Npgsql;
using NpgsqlTypes;
using Pulse.Grains.Mentions;
using Pulse.Silo.Archive.Search;

namespace Pulse.Silo.Archive;

/// <summary>
/// Writes archive rows: a binary COPY into a temporary table, then one insert that skips rows already there, so a
/// batch written twice (a retry, a replay after a silo's death) adds each row once.
/// </summary>
internal static class ArchiveRows
{
    private const string Columns =
        "brand_id, mention_id, channel, published_at, text, author, url, lang, sentiment, sentiment_label, likes, shares, comments, reach, engagement_of";

    /// <summary>Writes <paramref name="rows"/> in one transaction; returns how many were new.</summary>
    public static async Task<int> WriteAsync(ArchiveDatabase database, IReadOnlyList<ScoredMention> rows, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        // The rows are buffered again on failure and the insert is idempotent, so a commit need not wait for the WAL's
        // flush: a PostgreSQL crash loses at most its last moments of commits, which a replay (cluster) writes again.
        await ExecuteAsync(connection, transaction, "SET LOCAL synchronous_commit = off", cancellationToken);
        await using (var staging = new NpgsqlCommand(
            $"CREATE TEMP TABLE archive_staging (LIKE {ArchiveSchema.Mentions} INCLUDING DEFAULTS, search_text text, search_plain text) ON COMMIT DROP",
            connection, transaction))
        {
            await staging.ExecuteNonQueryAsync(cancellationToken);
        }

        await using (var import = await connection.BeginBinaryImportAsync($"COPY archive_staging ({Columns}, search_text, search_plain) FROM STDIN (FORMAT BINARY)", cancellationToken))
        {
            foreach (var row in rows)
            {
                var mention = row.Mention;
                await import.StartRowAsync(cancellationToken);
                import.Write(Clean(row.BrandId), NpgsqlDbType.Text);
                import.Write(Clean(mention.Id), NpgsqlDbType.Text);
                import.Write(Clean(mention.Channel), NpgsqlDbType.Text);
                import.Write(mention.Timestamp.UtcDateTime, NpgsqlDbType.TimestampTz);
                var text = Clean(mention.Text);
                import.Write(text, NpgsqlDbType.Text);
                WriteOptional(import, mention.Author);
                WriteOptional(import, mention.Url);
                WriteOptional(import, row.Language);
                import.Write(row.Sentiment, NpgsqlDbType.Real);
                import.Write((short)row.Label, NpgsqlDbType.Smallint);
                import.Write(mention.Likes, NpgsqlDbType.Bigint);
                import.Write(mention.Shares, NpgsqlDbType.Bigint);
                import.Write(mention.Comments, NpgsqlDbType.Bigint);
                import.Write(mention.Reach, NpgsqlDbType.Bigint);
                WriteOptional(import, mention.EngagementOf);
                var (folded, plain) = ArchiveTextSearch.Fold(text);
                import.Write(folded, NpgsqlDbType.Text);
                WriteOptional(import, plain);
            }

            await import.CompleteAsync(cancellationToken);
        }

        // Only rows new to the archive reach the rollups, so a batch written twice counts once there too.
        await ExecuteAsync(
            connection, transaction,
            "CREATE TEMP TABLE archive_new (brand_id text, channel text, published_at timestamptz, sentiment real, sentiment_label smallint, engagement bigint, reach bigint) ON COMMIT DROP",
            cancellationToken);
        var inserted = await ExecuteAsync(
            connection, transaction,
            $"""
            WITH new AS (
                INSERT INTO {ArchiveSchema.Mentions} ({Columns}, {ArchiveTextSearch.Column})
                SELECT {Columns}, {ArchiveTextSearch.Vector("lang", "search_text", "search_plain")} FROM archive_staging
                ON CONFLICT (brand_id, mention_id) DO NOTHING
                RETURNING brand_id, channel, published_at, sentiment, sentiment_label, likes + shares + comments, reach)
            INSERT INTO archive_new SELECT * FROM new
            """,
            cancellationToken);
        if (inserted > 0)
        {
            await ExecuteAsync(connection, transaction, Rollup(ArchiveSchema.HourlyRollup, "hour"), cancellationToken);
            await ExecuteAsync(connection, transaction, Rollup(ArchiveSchema.DailyRollup, "day"), cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        return inserted;
    }

    private static async Task<int> ExecuteAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection, transaction);
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>
    /// Adds the new rows to a rollup table, per (brand, channel) and UTC <paramref name="unit"/>, in key order, so two
    /// writers updating the same rows take their locks in the same order and wait rather than deadlock.
    /// </summary>
    private static string Rollup(string table, string unit) => $"""
        INSERT INTO {table} AS r (brand_id, channel, bucket, mentions, positive, neutral, negative, sentiment_sum, engagement, reach)
        SELECT brand_id, channel, date_trunc('{unit}', published_at, 'UTC'), count(*),
               count(*) FILTER (WHERE sentiment_label = {(short)Pulse.Analytics.Sentiment.SentimentLabel.Positive}),
               count(*) FILTER (WHERE sentiment_label = {(short)Pulse.Analytics.Sentiment.SentimentLabel.Neutral}),
               count(*) FILTER (WHERE sentiment_label = {(short)Pulse.Analytics.Sentiment.SentimentLabel.Negative}),
               sum(sentiment), sum(engagement), sum(reach)
        FROM archive_new GROUP BY 1, 2, 3 ORDER BY 1, 2, 3
        ON CONFLICT (brand_id, channel, bucket) DO UPDATE SET
            mentions = r.mentions + excluded.mentions, positive = r.positive + excluded.positive,
            neutral = r.neutral + excluded.neutral, negative = r.negative + excluded.negative,
            sentiment_sum = r.sentiment_sum + excluded.sentiment_sum, engagement = r.engagement + excluded.engagement,
            reach = r.reach + excluded.reach;
        """;

    private static void WriteOptional(NpgsqlBinaryImporter import, string? value)
    {
        if (value is null)
        {
            import.WriteNull();
        }
        else
        {
            import.Write(Clean(value), NpgsqlDbType.Text);
        }
    }

    /// <summary>
    /// Mention text is untrusted: PostgreSQL's text holds no NUL, and a lone UTF-16 surrogate has no UTF-8 form. Both
    /// become U+FFFD rather than failing the whole batch.
    /// </summary>
    internal static string Clean(string value)
    {
        var span = value.AsSpan();
        if (!span.Contains('\0') && !HasLoneSurrogate(span))
        {
            return value;
        }

        var builder = new StringBuilder(value.Length);
        for (var i = 0; i < span.Length; i++)
        {
            var c = span[i];
            if (c == '\0')
            {
                builder.Append('\uFFFD');
            }
            else if (char.IsHighSurrogate(c) && i + 1 < span.Length && char.IsLowSurrogate(span[i + 1]))
            {
                builder.Append(c).Append(span[++i]);
            }
            else if (char.IsSurrogate(c))
            {
                builder.Append('\uFFFD');
            }
            else
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }

    /// <summary>A UTF-16 surrogate without its pair: the only text with no UTF-8 form.</summary>
    internal static bool HasLoneSurrogate(ReadOnlySpan<char> span)
    {
        for (var i = 0; i < span.Length; i++)
        {
            if (char.IsHighSurrogate(span[i]) && i + 1 < span.Length && char.IsLowSurrogate(span[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(span[i]))
            {
                return true;
            }
        }

        return false;
    }
}
