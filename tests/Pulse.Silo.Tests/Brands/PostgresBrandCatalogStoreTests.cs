using Npgsql;
using Pulse.Grains.Brands;
using Pulse.Silo.Archive;
using Pulse.Silo.Brands;
using Pulse.Testing;

namespace Pulse.Silo.Tests.Brands;

/// <summary>The catalog store contract against a real PostgreSQL (the embedded default with `--postgres`).</summary>
[Trait("Category", "Slow")]
public sealed class PostgresBrandCatalogStoreTests(PostgresBrandCatalogStoreTests.Server server) : BrandCatalogStoreContract, IClassFixture<PostgresBrandCatalogStoreTests.Server>
{
    /// <summary>Each store of a test is a database of its own, so tests sharing the server see only their brands.</summary>
    protected override IBrandCatalogStore Create() => new PostgresBrandCatalogStore(new ArchiveDatabase(NpgsqlDataSource.Create(server.NewDatabase())));

    [Fact]
    public async Task A_row_that_is_not_a_brand_fails_the_read_naming_it()
    {
        var connectionString = server.NewDatabase();
        var store = new PostgresBrandCatalogStore(new ArchiveDatabase(NpgsqlDataSource.Create(connectionString)));
        await store.WriteAsync(1, [new BrandDefinition("acme", "Acme", ["acme"], [], [])], []);
        await using (var connection = new NpgsqlConnection(connectionString))
        {
            await connection.OpenAsync();
            await using var corrupt = new NpgsqlCommand("INSERT INTO pulse_brands VALUES ('broken', '[1]')", connection);
            await corrupt.ExecuteNonQueryAsync();
        }

        var error = await Assert.ThrowsAsync<InvalidDataException>(() => store.ReadAsync());

        Assert.Contains("'broken'", error.Message, StringComparison.Ordinal);
    }

    public sealed class Server : IAsyncLifetime
    {
        private PostgresServer _postgres = null!;
        private int _databases;

        public async Task InitializeAsync() => _postgres = await PostgresServer.StartNewAsync();

        public async Task DisposeAsync() => await _postgres.DisposeAsync();

        /// <summary>A new, empty database's connection string.</summary>
        public string NewDatabase()
        {
            var name = $"brands_{Interlocked.Increment(ref _databases)}";
            using var connection = new NpgsqlConnection(_postgres.ConnectionString());
            connection.Open();
            using var create = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
            create.ExecuteNonQuery();
            return _postgres.ConnectionString(name);
        }
    }
}
