using Npgsql;
using Pulse.Silo.Archive;

namespace Pulse.Silo.Tests.Archive;

public sealed class ArchiveDatabasePoolTests
{
    [Fact]
    public void A_connection_string_without_a_pool_size_gets_the_archives_cap_not_npgsqls_hundred()
    {
        var limited = new NpgsqlConnectionStringBuilder(ArchiveDatabase.WithPoolLimit("Host=db;Username=pulse;Database=pulse"));
        Assert.Equal(ArchiveDatabase.DefaultMaxPoolSize, limited.MaxPoolSize);
        Assert.Equal("db", limited.Host);
        Assert.Equal("pulse", limited.Database);
    }

    [Theory]
    [InlineData("Host=db;Maximum Pool Size=150", 150)]
    [InlineData("Host=db;MaxPoolSize=5", 5)]
    public void A_pool_size_the_operator_set_is_kept(string connectionString, int expected) =>
        Assert.Equal(expected, new NpgsqlConnectionStringBuilder(ArchiveDatabase.WithPoolLimit(connectionString)).MaxPoolSize);

    [Fact]
    public void The_cap_never_falls_below_a_minimum_pool_size_the_operator_set()
    {
        var limited = new NpgsqlConnectionStringBuilder(ArchiveDatabase.WithPoolLimit("Host=db;Minimum Pool Size=30"));
        Assert.Equal(30, limited.MaxPoolSize);
        Assert.Equal(30, limited.MinPoolSize);
    }
}
