using Npgsql;
using NpgsqlTypes;

namespace Pulse.Silo.Archive.Annotations;

/// <summary>Annotations in the archive: added, listed by time, deleted.</summary>
public sealed class AnnotationStore(ArchiveDatabase database)
{
    private const string Columns = "id, brand_id, kind, title, note, starts_at, ends_at, created_by, created_at";

    public async Task<Annotation> AddAsync(string brandId, AnnotationKind kind, string title, string? note, DateTimeOffset startsAt, DateTimeOffset? endsAt, string createdBy, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand(
            $"""
            INSERT INTO {ArchiveSchema.Annotations} (brand_id, kind, title, note, starts_at, ends_at, created_by)
            VALUES (@brand, @kind, @title, @note, @starts, @ends, @by) RETURNING {Columns}
            """, connection);
        command.Parameters.Add(new NpgsqlParameter("brand", NpgsqlDbType.Text) { Value = brandId });
        command.Parameters.Add(new NpgsqlParameter("kind", NpgsqlDbType.Text) { Value = AnnotationWireNames.Kind.Of(kind) });
        command.Parameters.Add(new NpgsqlParameter("title", NpgsqlDbType.Text) { Value = title });
        command.Parameters.Add(new NpgsqlParameter("note", NpgsqlDbType.Text) { Value = (object?)note ?? DBNull.Value });
        command.Parameters.Add(new NpgsqlParameter("starts", NpgsqlDbType.TimestampTz) { Value = startsAt.UtcDateTime });
        command.Parameters.Add(new NpgsqlParameter("ends", NpgsqlDbType.TimestampTz) { Value = endsAt is { } e ? e.UtcDateTime : DBNull.Value });
        command.Parameters.Add(new NpgsqlParameter("by", NpgsqlDbType.Text) { Value = createdBy });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        return Read(reader);
    }

    /// <summary>The brand's annotations that overlap [from, to), oldest first.</summary>
    public async Task<IReadOnlyList<Annotation>> ListAsync(string brandId, DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand(
            $"""
            SELECT {Columns} FROM {ArchiveSchema.Annotations}
            WHERE brand_id = @brand AND starts_at < @to AND coalesce(ends_at, starts_at) >= @from
            ORDER BY starts_at, id LIMIT 1000
            """, connection);
        command.Parameters.Add(new NpgsqlParameter("brand", NpgsqlDbType.Text) { Value = brandId });
        command.Parameters.Add(new NpgsqlParameter("from", NpgsqlDbType.TimestampTz) { Value = from.UtcDateTime });
        command.Parameters.Add(new NpgsqlParameter("to", NpgsqlDbType.TimestampTz) { Value = to.UtcDateTime });
        var list = new List<Annotation>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            list.Add(Read(reader));
        }

        return list;
    }

    public async Task<bool> DeleteAsync(string brandId, long id, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand($"DELETE FROM {ArchiveSchema.Annotations} WHERE brand_id = @brand AND id = @id", connection);
        command.Parameters.Add(new NpgsqlParameter("brand", NpgsqlDbType.Text) { Value = brandId });
        command.Parameters.Add(new NpgsqlParameter("id", NpgsqlDbType.Bigint) { Value = id });
        return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
    }

    private static Annotation Read(NpgsqlDataReader reader) => new(
        reader.GetInt64(0),
        reader.GetString(1),
        AnnotationWireNames.Kind.TryParse(reader.GetString(2), out var kind) ? kind : AnnotationKind.Other,
        reader.GetString(3),
        reader.IsDBNull(4) ? null : reader.GetString(4),
        new DateTimeOffset(reader.GetFieldValue<DateTime>(5), TimeSpan.Zero),
        reader.IsDBNull(6) ? null : new DateTimeOffset(reader.GetFieldValue<DateTime>(6), TimeSpan.Zero),
        reader.GetString(7),
        new DateTimeOffset(reader.GetFieldValue<DateTime>(8), TimeSpan.Zero));
}
