using Npgsql;
using Pulse.Silo.Archive;
using Pulse.Testing;

namespace Pulse.Silo.Tests.Archive.GrainState;

/// <summary>One PostgreSQL server for the grain-state contract tests; each test takes a database of its own.</summary>
public sealed class GrainStateDatabases : IAsyncLifetime
{
    private PostgresServer _postgres = null!;
    private int _databases;

    public async Task InitializeAsync() => _postgres = await PostgresServer.StartNewAsync();

    public async Task DisposeAsync() => await _postgres.DisposeAsync();

    /// <summary>A new, empty database, as the archive reaches it (its tables are created on first use).</summary>
    public async Task<ArchiveDatabase> NewAsync()
    {
        var name = $"grain_state_{Interlocked.Increment(ref _databases)}";
        await using (var connection = new NpgsqlConnection(_postgres.ConnectionString()))
        {
            await connection.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
            await create.ExecuteNonQueryAsync();
        }

        return new ArchiveDatabase(NpgsqlDataSource.Create(_postgres.ConnectionString(name)));
    }
}

[CollectionDefinition(Name)]
public sealed class GrainStateCollection : ICollectionFixture<GrainStateDatabases>
{
    public const string Name = "Grain state in PostgreSQL";
}
