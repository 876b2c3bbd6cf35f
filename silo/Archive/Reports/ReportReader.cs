using Npgsql;
using NpgsqlTypes;
using Pulse.Analytics.Reports;
using Pulse.Grains.Alerts;
using Pulse.Silo.Archive.Batches;

namespace Pulse.Silo.Archive.Reports;

/// <summary>An alert as the archive's alerts table holds it.</summary>
internal sealed record ArchivedAlert(
    string Id, AlertKind Kind, int Severity, AlertState State, string Message, IReadOnlyList<string> Channels, DateTimeOffset StartedAt,
    DateTimeOffset? AcknowledgedAt, DateTimeOffset? ResolvedAt);

/// <summary>The archive reads behind a report: parameterised statements over the rollups, and scans of a brand's batches.</summary>
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
        var authors = new Dictionary<string, (long Mentions, long Engagement)>(StringComparer.Ordinal);
        await ScanAsync(brand, range, mention =>
        {
            if (!mention.IsEngagement && mention.Author is { } author)
            {
                ref var activity = ref System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(authors, author, out _);
                activity = (activity.Mentions + 1, activity.Engagement + mention.Engagement);
            }
        }, cancellationToken);
        return [.. authors
            .OrderByDescending(a => a.Value.Mentions).ThenByDescending(a => a.Value.Engagement).ThenBy(a => a.Key, StringComparer.Ordinal)
            .Take(count)
            .Select(a => new AuthorActivity(a.Key, a.Value.Mentions, a.Value.Engagement))];
    }

    /// <summary>Mentions and summed sentiment per minute, on the given channels (all when empty).</summary>
    public async Task<IReadOnlyList<TimeBucket>> MinutesAsync(string brand, IReadOnlyList<string> channels, TimeRange range, CancellationToken cancellationToken)
    {
        var minutes = new SortedDictionary<long, (long Mentions, double Sentiment)>();
        await ScanAsync(brand, range, mention =>
        {
            if (mention.IsEngagement || (channels.Count > 0 && !channels.Any(mention.ChannelIs)))
            {
                return;
            }

            var minute = mention.PublishedAt.Ticks - (mention.PublishedAt.Ticks % TimeSpan.TicksPerMinute);
            minutes.TryGetValue(minute, out var sums);
            minutes[minute] = (sums.Mentions + 1, sums.Sentiment + mention.Sentiment);
        }, cancellationToken);
        return [.. minutes.Select(m => new TimeBucket(new DateTimeOffset(m.Key, TimeSpan.Zero), m.Value.Mentions, m.Value.Sentiment))];
    }

    /// <summary>Every archived mention of <paramref name="brand"/> in <paramref name="range"/>, in no particular order.</summary>
    private async Task ScanAsync(string brand, TimeRange range, Action<BatchBodyReader> each, CancellationToken cancellationToken)
    {
        await using var command = Command(
            $"SELECT first_at, body FROM {ArchiveSchema.Batches} WHERE brand_id = @brand AND last_at >= @from AND first_at < @to",
            brand, range);
        var (from, to) = (range.From.UtcTicks, range.To.UtcTicks);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var mentions = new BatchBodyReader(reader.GetFieldValue<byte[]>(1), reader.GetFieldValue<DateTime>(0));
            while (mentions.MoveNext())
            {
                if (mentions.PublishedAt.Ticks >= from && mentions.PublishedAt.Ticks < to)
                {
                    each(mentions);
                }
            }
        }
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
