using System.Globalization;
using Npgsql;
using Orleans.Serialization.Serializers;
using Orleans.Storage;

namespace Pulse.Silo.Archive.GrainState;

/// <summary>
/// Grain state in the archive's PostgreSQL (<c>pulse_grain_state</c>), for the embedded default with `--postgres`. One
/// row per (service id, grain, state name); the state in the Orleans format the memory and Redis storages are given
/// (<see cref="IGrainStorageSerializer"/>); the ETag is the row's version, and a write or clear with another ETag than
/// the stored one fails with <see cref="InconsistentStateException"/>, as Orleans' own storages do.
/// </summary>
internal sealed class PostgresGrainStorage(
    ArchiveDatabase database,
    IGrainStorageSerializer serializer,
    IActivatorProvider activators,
    string serviceId) : IGrainStorage
{
    private static readonly string Read = $"""
        SELECT state, version FROM {ArchiveSchema.GrainState}
        WHERE service_id = @service AND grain_type = @type AND grain_key = @key AND state_name = @name
        """;

    // A first write expects no row: a concurrent first write (or an older one) makes this insert nothing.
    private static readonly string Insert = $"""
        INSERT INTO {ArchiveSchema.GrainState} (service_id, grain_type, grain_key, state_name, state, version)
        VALUES (@service, @type, @key, @name, @state, 1)
        ON CONFLICT DO NOTHING
        RETURNING version
        """;

    // @state NULL clears: the row stays as a tombstone so that the version keeps rising (see ArchiveSchema.GrainState).
    private static readonly string Update = $"""
        UPDATE {ArchiveSchema.GrainState} SET state = @state, version = version + 1, updated_at = now()
        WHERE service_id = @service AND grain_type = @type AND grain_key = @key AND state_name = @name AND version = @version
        RETURNING version
        """;

    public Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
        ReadStateAsync(stateName, grainId, grainState, CancellationToken.None);

    public async Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(grainState);
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = Command(Read, connection, stateName, grainId);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        if (!await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            Reset(grainState, etag: null);
            return;
        }

        var version = reader.GetInt64(1);
        if (await reader.IsDBNullAsync(0, cancellationToken).ConfigureAwait(false))
        {
            // Cleared: a fresh state, but the tombstone's version, which the next write must name.
            Reset(grainState, ETag(version));
            return;
        }

        grainState.State = serializer.Deserialize<T>(new BinaryData(reader.GetFieldValue<byte[]>(0)));
        grainState.ETag = ETag(version);
        grainState.RecordExists = true;
    }

    public Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
        WriteStateAsync(stateName, grainId, grainState, CancellationToken.None);

    public async Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(grainState);
        var state = serializer.Serialize(grainState.State).ToArray();
        grainState.ETag = await ChangeAsync(nameof(WriteStateAsync), stateName, grainId, grainState.ETag, state, cancellationToken).ConfigureAwait(false);
        grainState.RecordExists = true;
    }

    public Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState) =>
        ClearStateAsync(stateName, grainId, grainState, CancellationToken.None);

    public async Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(grainState);
        if (grainState.ETag is null)
        {
            // Never written as far as the grain knows: nothing to clear, unless someone wrote meanwhile.
            await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
            await using var command = Command(Read, connection, stateName, grainId);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            if (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                throw Conflict(nameof(ClearStateAsync), stateName, grainId, ETag(reader.GetInt64(1)), null);
            }

            Reset(grainState, etag: null);
            return;
        }

        Reset(grainState, await ChangeAsync(nameof(ClearStateAsync), stateName, grainId, grainState.ETag, null, cancellationToken).ConfigureAwait(false));
    }

    /// <summary>Writes <paramref name="state"/> (null: clears) if the stored version is <paramref name="etag"/>; returns the new one.</summary>
    private async Task<string> ChangeAsync(string operation, string stateName, GrainId grainId, string? etag, byte[]? state, CancellationToken cancellationToken)
    {
        long? expected = null;
        if (etag is not null)
        {
            expected = long.TryParse(etag, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed)
                ? parsed
                : throw Conflict(operation, stateName, grainId, stored: null, etag);
        }

        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = Command(expected is null ? Insert : Update, connection, stateName, grainId);
        command.Parameters.Add(new NpgsqlParameter<byte[]?>("state", NpgsqlTypes.NpgsqlDbType.Bytea) { TypedValue = state });
        if (expected is { } version)
        {
            command.Parameters.Add(new NpgsqlParameter<long>("version", version));
        }

        return await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is long written
            ? ETag(written)
            : throw Conflict(operation, stateName, grainId, await StoredETagAsync(connection, stateName, grainId, cancellationToken).ConfigureAwait(false), etag);
    }

    private async Task<string?> StoredETagAsync(NpgsqlConnection connection, string stateName, GrainId grainId, CancellationToken cancellationToken)
    {
        await using var command = Command(Read, connection, stateName, grainId);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        return await reader.ReadAsync(cancellationToken).ConfigureAwait(false) ? ETag(reader.GetInt64(1)) : null;
    }

    private NpgsqlCommand Command(string sql, NpgsqlConnection connection, string stateName, GrainId grainId)
    {
        var command = new NpgsqlCommand(sql, connection);
        command.Parameters.Add(new NpgsqlParameter<string>("service", serviceId));
        command.Parameters.Add(new NpgsqlParameter<string>("type", grainId.Type.ToString()!));
        command.Parameters.Add(new NpgsqlParameter<string>("key", grainId.Key.ToString()!));
        command.Parameters.Add(new NpgsqlParameter<string>("name", stateName));
        return command;
    }

    private void Reset<T>(IGrainState<T> grainState, string? etag)
    {
        grainState.State = activators.GetActivator<T>().Create();
        grainState.ETag = etag;
        grainState.RecordExists = false;
    }

    private InconsistentStateException Conflict(string operation, string stateName, GrainId grainId, string? stored, string? current) => new(
        $"Version conflict ({operation}): ServiceId={serviceId} GrainId={grainId} State={stateName}: stored ETag {stored ?? "(none)"}, given {current ?? "(none)"}.",
        stored,
        current);

    private static string ETag(long version) => version.ToString(CultureInfo.InvariantCulture);
}
