using Npgsql;
using NpgsqlTypes;
using Pulse.Analytics.TextSearch;
using Pulse.Silo.Archive;
using Pulse.Silo.Archive.Search;
using Pulse.Testing;

namespace Pulse.Silo.Tests.Archive;

/// <summary>A PostgreSQL server with <see cref="TierCorpus"/> written into database <c>tiers</c>; other databases on demand.</summary>
public sealed class TieredArchive : IAsyncLifetime
{
    private PostgresServer _postgres = null!;

    public SearchAnalyzer Analyzer { get; } = new();

    internal ArchiveDatabase Database { get; private set; } = null!;

    internal IReadOnlyList<TierCorpus.Written> Written { get; private set; } = [];

    public async Task InitializeAsync()
    {
        _postgres = await PostgresServer.StartNewAsync();
        Database = await NewDatabaseAsync("tiers");
        Written = TierCorpus.Mentions(Analyzer);
        await TierCorpus.WriteAsync(Database, Analyzer, Written);
        await ExecuteAsync("tiers", $"VACUUM ANALYZE {ArchiveSchema.Batches}");
    }

    public async Task DisposeAsync()
    {
        await Database.DisposeAsync();
        await _postgres.DisposeAsync();
    }

    internal async Task<ArchiveDatabase> NewDatabaseAsync(string name)
    {
        await ExecuteAsync("pulse", $"CREATE DATABASE {name}");
        return Open(name);
    }

    internal ArchiveDatabase Open(string name) => new(NpgsqlDataSource.Create(_postgres.ConnectionString(name)));

    /// <summary>A connection of its own (unpooled), for settings that must not leak into the searches' pool.</summary>
    internal async Task<NpgsqlConnection> ConnectAsync(string database)
    {
        var connection = new NpgsqlConnection(_postgres.ConnectionString(database) + ";Pooling=false");
        await connection.OpenAsync();
        return connection;
    }

    internal async Task ExecuteAsync(string database, string sql)
    {
        await using var connection = await ConnectAsync(database);
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>How many of <paramref name="brand"/>'s batches hold one of the term sets <paramref name="words"/> needs.</summary>
    internal async Task<long> BatchesHoldingAsync(ArchiveDatabase database, string brand, string words, string condition = "TRUE")
    {
        var sets = TextMatch.Of(words, null, Analyzer).CandidateSets;
        await using var connection = await database.OpenAsync(CancellationToken.None);
        await using var command = new NpgsqlCommand(
            $"SELECT count(*) FROM {ArchiveSchema.Batches} WHERE brand_id = @brand AND {condition} AND ({string.Join(" OR ", sets.Select((_, i) => $"terms @> @s{i}"))})",
            connection);
        command.Parameters.AddWithValue("brand", brand);
        for (var i = 0; i < sets.Count; i++)
        {
            command.Parameters.Add(new NpgsqlParameter($"s{i}", NpgsqlDbType.Array | NpgsqlDbType.Text) { Value = sets[i] });
        }

        return (long)(await command.ExecuteScalarAsync())!;
    }
}
