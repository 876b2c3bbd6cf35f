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

    public async Task<NpgsqlConnection> OpenAsync(CancellationToken cancellationToken)
    {
        await EnsureSchemaAsync(cancellationToken);
        return await dataSource.OpenConnectionAsync(cancellationToken);
    }

    public ValueTask DisposeAsync()
    {
        _creating.Dispose();
        return dataSource.DisposeAsync();
    }
}
