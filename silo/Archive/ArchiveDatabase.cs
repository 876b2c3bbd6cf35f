using Npgsql;

namespace Pulse.Silo.Archive;

/// <summary>
/// The archive's PostgreSQL database: its connections, with the tables made sure of before the first one is handed
/// out, so whichever runs first on a host (a silo's writer, a dashboard host's search) creates them.
/// </summary>
public sealed class ArchiveDatabase(NpgsqlDataSource dataSource) : IAsyncDisposable
{
    /// <summary>
    /// Connections a host holds at most unless its connection string says otherwise. Npgsql's default (100) is
    /// PostgreSQL's default max_connections: one silo starting (a thousand grains reading their state at once) took every
    /// connection, and the other silos, the dashboard hosts and an operator's psql were refused. 20 lets four hosts and
    /// an operator share a default server; a host's steady use is its two writers and a few reads.
    /// </summary>
    public const int DefaultMaxPoolSize = 20;

    private const string MaxPoolSizeKey = "Maximum Pool Size";

    /// <summary>The database at <paramref name="connectionString"/>, its pool capped at <see cref="DefaultMaxPoolSize"/> unless the string sets one.</summary>
    public static ArchiveDatabase Create(string connectionString) => new(NpgsqlDataSource.Create(WithPoolLimit(connectionString)));

    internal static string WithPoolLimit(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        // Keys holds what the string set; ContainsKey answers true for any keyword Npgsql knows.
        if (!builder.Keys.Any(key => key == MaxPoolSizeKey))
        {
            builder.MaxPoolSize = Math.Max(DefaultMaxPoolSize, builder.MinPoolSize);
        }

        return builder.ConnectionString;
    }

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
