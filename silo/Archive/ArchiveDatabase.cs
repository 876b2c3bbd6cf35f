using Npgsql;

namespace Pulse.Silo.Archive;

/// <summary>
/// The archive's PostgreSQL database: its connections, with the tables made sure of before the first one is handed
/// out, so whichever runs first on a host (a silo's writer, a dashboard host's search) creates them.
/// </summary>
public sealed class ArchiveDatabase(NpgsqlDataSource dataSource) : IAsyncDisposable
{
    private readonly SemaphoreSlim _creating = new(1, 1);
    private volatile bool _ready;

    public async Task EnsureSchemaAsync(CancellationToken cancellationToken)
    {
        if (_ready)
        {
            return;
        }

        await _creating.WaitAsync(cancellationToken);
        try
        {
            if (!_ready)
            {
                await ArchiveSchema.EnsureAsync(dataSource, cancellationToken);
                _ready = true;
            }
        }
        finally
        {
            _creating.Release();
        }
    }

    /// <summary>
    /// A connection known to work: after PostgreSQL restarts, the pool's idle connections are dead until used, so the
    /// first request after would fail (or read the server's "terminating connection" notice, 57P01). A round trip finds out; on failure the pool's idle connections are dropped and a
    /// fresh one opened.
    /// </summary>
    public async Task<NpgsqlConnection> OpenAsync(CancellationToken cancellationToken)
    {
        await EnsureSchemaAsync(cancellationToken);
        var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        try
        {
            await using var ping = new NpgsqlCommand("SELECT 1", connection);
            await ping.ExecuteScalarAsync(cancellationToken);
            return connection;
        }
        catch (NpgsqlException e) when (e is not PostgresException || e.IsTransient)
        {
            await connection.DisposeAsync();
            dataSource.Clear();
            return await dataSource.OpenConnectionAsync(cancellationToken);
        }
    }

    public ValueTask DisposeAsync()
    {
        _creating.Dispose();
        return dataSource.DisposeAsync();
    }
}
