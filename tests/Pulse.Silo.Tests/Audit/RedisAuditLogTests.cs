using Pulse.Silo.Audit;
using Pulse.Silo.Cluster;
using Pulse.Testing;
using StackExchange.Redis;

namespace Pulse.Silo.Tests.Audit;

/// <summary>The audit log contract against a real redis-server, plus: one stream that every host shares.</summary>
public sealed class RedisAuditLogTests : AuditLogContract, IAsyncLifetime
{
    private RedisServer _redis = null!;
    private ConnectionMultiplexer _connection = null!;
    private int _clusters;

    // Stream nodes hold 100 entries by default (stream-node-max-entries), and MAXLEN ~ trims whole nodes only.
    protected override int CapacitySlack => 100;

    public async Task InitializeAsync()
    {
        _redis = await RedisServer.StartAsync();
        _connection = await ConnectionMultiplexer.ConnectAsync(_redis.Endpoint);
    }

    public async Task DisposeAsync()
    {
        await _connection.DisposeAsync();
        await _redis.DisposeAsync();
    }

    /// <summary>Each log of a test is a cluster of its own, so tests sharing the server see only their entries.</summary>
    protected override IAuditLog Create(int capacity = IAuditLog.Capacity) =>
        new RedisAuditLog(_connection, Options($"audit-test-{Interlocked.Increment(ref _clusters)}"), capacity);

    [Fact]
    public async Task Two_hosts_of_a_cluster_write_and_read_one_stream()
    {
        await using var other = await ConnectionMultiplexer.ConnectAsync(_redis.Endpoint);
        var one = new RedisAuditLog(_connection, Options("shared"));
        var two = new RedisAuditLog(other, Options("shared"));

        await one.AppendAsync(new AuditRecord(Anna, AuditAction.SourcePut, "feed", "rss, created", null));
        await two.AppendAsync(new AuditRecord(Collector, AuditAction.SourceDelete, "feed", null, null));

        Assert.Equal(["source-delete", "source-put"], (await one.ReadAsync(new AuditQuery(null, 10))).Entries.Select(e => AuditNames.Action.Of(e.Record.Action)));
        Assert.Equal(RedisType.Stream, await _connection.GetDatabase().KeyTypeAsync("shared:audit"));
        var raw = Assert.Single(await _connection.GetDatabase().StreamRangeAsync("shared:audit", count: 1));
        Assert.Equal(("user:anna", "source-put", "rss, created"), (raw["who-id"].ToString(), raw["action"].ToString(), raw["detail"].ToString()));
    }

    private RedisClusterOptions Options(string clusterId) => new() { Endpoint = _redis.Endpoint, ClusterId = clusterId };
}
