using System.Text.Json;
using Npgsql;
using NpgsqlTypes;
using Pulse.Grains.Brands;
using Pulse.Silo.Archive;

namespace Pulse.Silo.Brands;

/// <summary>
/// The embedded default's brand catalog when it has the archive's PostgreSQL (`--postgres`): one row per brand in
/// <c>pulse_brands</c> (its id and the brand's JSON, the API's shape, readable with psql) and the catalog version in
/// <c>pulse_brand_catalog</c>. A write is one transaction over the changed brands and the version, so the two never
/// disagree. The catalog is not grain state (it left the "brands" record for a per-brand store, Redis in a cluster), so
/// the grain storage in PostgreSQL alone would not keep it.
/// </summary>
internal sealed class PostgresBrandCatalogStore(ArchiveDatabase database) : IBrandCatalogStore
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public async Task<StoredBrandCatalog?> ReadAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        // One snapshot for both reads: a writer between them cannot pair one version's brands with another's number.
        await using var transaction = await connection.BeginTransactionAsync(System.Data.IsolationLevel.RepeatableRead, cancellationToken).ConfigureAwait(false);
        await using var versionCommand = new NpgsqlCommand($"SELECT version FROM {ArchiveSchema.BrandCatalog}", connection, transaction);
        if (await versionCommand.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is not long version)
        {
            return null;
        }

        var brands = new List<BrandDefinition>();
        await using var command = new NpgsqlCommand($"SELECT id, definition::text FROM {ArchiveSchema.Brands}", connection, transaction);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            brands.Add(Deserialize(reader.GetString(0), reader.GetString(1)));
        }

        return new StoredBrandCatalog(version, brands);
    }

    public async Task WriteAsync(long version, IReadOnlyCollection<BrandDefinition> upserted, IReadOnlyCollection<string> deleted, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(upserted);
        ArgumentNullException.ThrowIfNull(deleted);
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        // Arrays rather than a statement per brand: an import of 100 000 brands is three statements.
        await using (var command = new NpgsqlCommand($"""
            DELETE FROM {ArchiveSchema.Brands} WHERE id = ANY(@deleted);
            INSERT INTO {ArchiveSchema.Brands} (id, definition) SELECT * FROM unnest(@ids, @definitions)
                ON CONFLICT (id) DO UPDATE SET definition = excluded.definition;
            INSERT INTO {ArchiveSchema.BrandCatalog} (one, version) VALUES (true, @version)
                ON CONFLICT (one) DO UPDATE SET version = excluded.version;
            """, connection, transaction))
        {
            command.Parameters.Add(new NpgsqlParameter<string[]>("deleted", NpgsqlDbType.Array | NpgsqlDbType.Text) { TypedValue = [.. deleted] });
            command.Parameters.Add(new NpgsqlParameter<string[]>("ids", NpgsqlDbType.Array | NpgsqlDbType.Text) { TypedValue = [.. upserted.Select(b => b.Id)] });
            command.Parameters.Add(new NpgsqlParameter<string[]>("definitions", NpgsqlDbType.Array | NpgsqlDbType.Jsonb)
            {
                TypedValue = [.. upserted.Select(b => JsonSerializer.Serialize(b, Json))],
            });
            command.Parameters.Add(new NpgsqlParameter<long>("version", version));
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
    }

    private static BrandDefinition Deserialize(string id, string json)
    {
        try
        {
            return JsonSerializer.Deserialize<BrandDefinition>(json, Json) ?? throw new JsonException("null");
        }
        catch (JsonException ex)
        {
            throw new InvalidDataException($"Brand '{id}' in {ArchiveSchema.Brands} is not a brand's JSON: {ex.Message}", ex);
        }
    }
}
