using Npgsql;
using NpgsqlTypes;
using Pulse.Analytics.Reports;
using Pulse.Grains.Alerts;

namespace Pulse.Silo.Archive.Reports;

/// <summary>An alert as the archive's alerts table holds it.</summary>
internal sealed record ArchivedAlert(
    string Id, AlertKind Kind, int Severity, AlertState State, string Message, IReadOnlyList<string> Channels, DateTimeOffset StartedAt,
    DateTimeOffset? AcknowledgedAt, DateTimeOffset? ResolvedAt);

/// <summary>The archive reads behind a report, each one parameterised statement over the rollups or raw mentions.</summary>
internal sealed class ReportReader(NpgsqlConnection connection)
{
    /// <summary>Per bucket of the rollup table for <paramref name="resolution"/>, the brand's totals, oldest first.</summary>
    public async Task<IReadOnlyList<ReportBucket>> SeriesAsync(string brand, ReportResolution resolution, TimeRange range, CancellationToken cancellationToken)
    {
        await using var command = Command(
            $"""
            SELECT bucket, sum(mentions), sum(positive), sum(neutral), sum(negative), sum(sentiment_sum), sum(engagement), sum(reach)
            FROM {Rollup(resolution)} WHERE brand_id = @brand AND bucket >= @from AND bucket < @to GROUP BY bucket ORDER BY bucket
            """, brand, range);
        var buckets = new List<ReportBucket>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            buckets.Add(new ReportBucket(At(reader, 0), Totals(reader, 1)));
        }

        return buckets;
    }

    /// <summary>The brand's totals per channel over the range, most mentioned first.</summary>
    public async Task<IReadOnlyList<(string Channel, ReportTotals Totals)>> ChannelsAsync(string brand, ReportResolution resolution, TimeRange range, CancellationToken cancellationToken)
    {
        await using var command = Command(
            $"""
            SELECT channel, sum(mentions), sum(positive), sum(neutral), sum(negative), sum(sentiment_sum), sum(engagement), sum(reach)
            FROM {Rollup(resolution)} WHERE brand_id = @brand AND bucket >= @from AND bucket < @to GROUP BY channel ORDER BY 2 DESC, channel
            """, brand, range);
        var channels = new List<(string, ReportTotals)>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            channels.Add((reader.GetString(0), Totals(reader, 1)));
        }

        return channels;
    }

    /// <summary>Mentions per brand over the range, for share of voice.</summary>
    public async Task<IReadOnlyDictionary<string, long>> VolumesAsync(IReadOnlyList<string> brands, ReportResolution resolution, TimeRange range, CancellationToken cancellationToken)
    {
        await using var command = Command(
            $"SELECT brand_id, sum(mentions) FROM {Rollup(resolution)} WHERE brand_id = ANY(@brands) AND bucket >= @from AND bucket < @to GROUP BY brand_id",
            null, range);
        command.Parameters.Add(new NpgsqlParameter("brands", NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = brands.ToArray() });
        var volumes = new Dictionary<string, long>(StringComparer.Ordinal);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            volumes[reader.GetString(0)] = (long)reader.GetDecimal(1);
        }

        return volumes;
    }

    public async Task<IReadOnlyList<AuthorActivity>> TopAuthorsAsync(string brand, TimeRange range, int count, CancellationToken cancellationToken)
    {
        await using var command = Command(
            $"""
            SELECT author, count(*), sum(likes + shares + comments) FROM {ArchiveSchema.Mentions}
            WHERE brand_id = @brand AND published_at >= @from AND published_at < @to AND author IS NOT NULL
            GROUP BY author ORDER BY 2 DESC, 3 DESC, author LIMIT {count}
            """, brand, range);
        var authors = new List<AuthorActivity>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            authors.Add(new AuthorActivity(reader.GetString(0), reader.GetInt64(1), (long)reader.GetDecimal(2)));
        }

        return authors;
    }

    /// <summary>The texts of the newest <paramref name="count"/> mentions in the range (the brand/time index serves them).</summary>
    public async Task<IReadOnlyList<string>> NewestTextsAsync(string brand, TimeRange range, int count, CancellationToken cancellationToken)
    {
        await using var command = Command(
            $"""
            SELECT text FROM {ArchiveSchema.Mentions} WHERE brand_id = @brand AND published_at >= @from AND published_at < @to
            ORDER BY published_at DESC, mention_id DESC LIMIT {count}
            """, brand, range);
        var texts = new List<string>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            texts.Add(reader.GetString(0));
        }

        return texts;
    }

    /// <summary>Mentions and summed sentiment per minute, on the given channels (all when empty).</summary>
    public async Task<IReadOnlyList<TimeBucket>> MinutesAsync(string brand, IReadOnlyList<string> channels, TimeRange range, CancellationToken cancellationToken)
    {
        await using var command = Command(
            $"""
            SELECT date_trunc('minute', published_at), count(*), sum(sentiment)::float8 FROM {ArchiveSchema.Mentions}
            WHERE brand_id = @brand AND published_at >= @from AND published_at < @to{(channels.Count > 0 ? " AND channel = ANY(@channels)" : "")}
            GROUP BY 1 ORDER BY 1
            """, brand, range);
        if (channels.Count > 0)
        {
            command.Parameters.Add(new NpgsqlParameter("channels", NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = channels.ToArray() });
        }

        var minutes = new List<TimeBucket>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            minutes.Add(new TimeBucket(At(reader, 0), reader.GetInt64(1), reader.GetDouble(2)));
        }

        return minutes;
    }

    /// <summary>The brand's alerts that started in the range, oldest first, as they last changed.</summary>
    public async Task<IReadOnlyList<ArchivedAlert>> AlertsAsync(string brand, TimeRange range, CancellationToken cancellationToken)
    {
        await using var command = Command(
            $"""
            SELECT alert_id, kind, severity, state, message, channels, started_at, acknowledged_at, resolved_at FROM {ArchiveSchema.Alerts}
            WHERE brand_id = @brand AND started_at >= @from AND started_at < @to ORDER BY started_at, alert_id LIMIT 1000
            """, brand, range);
        var alerts = new List<ArchivedAlert>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            if (!AlertWireNames.Kind.TryParse(reader.GetString(1), out var kind) || !AlertWireNames.State.TryParse(reader.GetString(3), out var state))
            {
                continue; // written by a newer Pulse with kinds this one does not know
            }

            alerts.Add(new ArchivedAlert(
                reader.GetString(0), kind, reader.GetInt32(2), state, reader.GetString(4), reader.GetFieldValue<string[]>(5), At(reader, 6),
                reader.IsDBNull(7) ? null : At(reader, 7), reader.IsDBNull(8) ? null : At(reader, 8)));
        }

        return alerts;
    }

    private static string Rollup(ReportResolution resolution) => resolution == ReportResolution.Hour ? ArchiveSchema.HourlyRollup : ArchiveSchema.DailyRollup;

    private NpgsqlCommand Command(string sql, string? brand, TimeRange range)
    {
        var command = new NpgsqlCommand(sql, connection) { CommandTimeout = 60 };
        if (brand is not null)
        {
            command.Parameters.Add(new NpgsqlParameter("brand", NpgsqlDbType.Text) { Value = brand });
        }

        command.Parameters.Add(new NpgsqlParameter("from", NpgsqlDbType.TimestampTz) { Value = range.From.UtcDateTime });
        command.Parameters.Add(new NpgsqlParameter("to", NpgsqlDbType.TimestampTz) { Value = range.To.UtcDateTime });
        return command;
    }

    private static DateTimeOffset At(NpgsqlDataReader reader, int column) => new(reader.GetFieldValue<DateTime>(column), TimeSpan.Zero);

    private static ReportTotals Totals(NpgsqlDataReader reader, int first) => ReportTotals.Of(
        (long)reader.GetDecimal(first), (long)reader.GetDecimal(first + 1), (long)reader.GetDecimal(first + 2), (long)reader.GetDecimal(first + 3),
        reader.GetDouble(first + 4), (long)reader.GetDecimal(first + 5), (long)reader.GetDecimal(first + 6));
}
