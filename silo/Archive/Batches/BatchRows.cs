using Npgsql;
using NpgsqlTypes;
using Pulse.Grains.Ingest.Durable;

namespace Pulse.Silo.Archive.Batches;

/// <summary>
/// Reads and writes <see cref="ArchiveSchema.Batches"/>: one binary COPY per write (rows are checked for duplicates
/// before, in .NET, so nothing conflicts), and, for a replay, the mention ids already written past a partition's commit.
/// </summary>
internal static class BatchRows
{
    /// <summary>Writes the batches and their rollups in one transaction.</summary>
    public static async Task WriteAsync(
        ArchiveDatabase database, IReadOnlyList<NewBatch> batches, RollupDelta hourly, RollupDelta daily, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        // On failure the whole write is retried from the buffer, and in a cluster a replay writes again what a
        // PostgreSQL crash lost, so a commit need not wait for the WAL's flush.
        await using (var relaxed = new NpgsqlCommand("SET LOCAL synchronous_commit = off", connection, transaction))
        {
            await relaxed.ExecuteNonQueryAsync(cancellationToken);
        }

        await using (var import = await connection.BeginBinaryImportAsync(
            $"COPY {ArchiveSchema.Batches} (brand_id, part, last_major, last_minor, first_at, last_at, top_engagement, mentions, terms, body, tiers) FROM STDIN (FORMAT BINARY)",
            cancellationToken))
        {
            foreach (var batch in batches)
            {
                await import.StartRowAsync(cancellationToken);
                import.Write(ArchiveText.Clean(batch.BrandId), NpgsqlDbType.Text);
                import.Write(batch.Partition, NpgsqlDbType.Integer);
                import.Write(batch.Last.Major, NpgsqlDbType.Bigint);
                import.Write(batch.Last.Minor, NpgsqlDbType.Bigint);
                import.Write(batch.FirstAt, NpgsqlDbType.TimestampTz);
                import.Write(batch.LastAt, NpgsqlDbType.TimestampTz);
                import.Write(batch.TopEngagement, NpgsqlDbType.Bigint);
                import.Write(batch.Count, NpgsqlDbType.Integer);
                import.Write(batch.Terms, NpgsqlDbType.Array | NpgsqlDbType.Text);
                import.Write(batch.Body, NpgsqlDbType.Bytea);
                import.Write(batch.Tiers, NpgsqlDbType.Array | NpgsqlDbType.Text);
            }

            await import.CompleteAsync(cancellationToken);
        }

        foreach (var (delta, table) in new[] { (hourly, ArchiveSchema.HourlyRollup), (daily, ArchiveSchema.DailyRollup) })
        {
            if (delta.Count > 0)
            {
                await using var rollup = delta.Command(table, connection, transaction);
                await rollup.ExecuteNonQueryAsync(cancellationToken);
            }
        }

        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>
    /// The (brand, mention id) pairs of <paramref name="brands"/> already written from <paramref name="partition"/> past
    /// <paramref name="committed"/>: everything a replay from that commit may bring again. Rows of one partition after its
    /// commit are few (a commit follows every few seconds), so reading their ids is cheap.
    /// </summary>
    public static async Task AddWrittenAsync(
        ArchiveDatabase database, int partition, LogPosition committed, IReadOnlyCollection<string> brands,
        HashSet<(string Brand, string Id)> into, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand(
            $"""
            SELECT brand_id, first_at, body FROM {ArchiveSchema.Batches}
            WHERE part = @part AND (last_major, last_minor) > (@major, @minor) AND brand_id = ANY(@brands)
            """, connection);
        command.Parameters.Add(new NpgsqlParameter("part", NpgsqlDbType.Integer) { Value = partition });
        command.Parameters.Add(new NpgsqlParameter("major", NpgsqlDbType.Bigint) { Value = committed.Major });
        command.Parameters.Add(new NpgsqlParameter("minor", NpgsqlDbType.Bigint) { Value = committed.Minor });
        command.Parameters.Add(new NpgsqlParameter("brands", NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = brands.ToArray() });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var brand = reader.GetString(0);
            var body = new BatchBodyReader(reader.GetFieldValue<byte[]>(2), reader.GetFieldValue<DateTime>(1));
            while (body.MoveNext())
            {
                into.Add((brand, body.Id));
            }
        }
    }
}
