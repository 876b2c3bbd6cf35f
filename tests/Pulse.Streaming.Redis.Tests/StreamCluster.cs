using Microsoft.Extensions.DependencyInjection;
using Orleans.Runtime;
using Orleans.TestingHost;
using Pulse.Testing;
using StackExchange.Redis;

namespace Pulse.Streaming.Redis.Tests;

/// <summary>An in-process Orleans cluster whose stream provider reads and writes a real redis-server.</summary>
public sealed class StreamCluster : IAsyncDisposable
{
    public const string Provider = "redis-test";
    public const string Namespace = "test-ns";
    public const string KeyPrefix = "test:q";
    public const int Queues = 4;

    private StreamCluster(InProcessTestCluster cluster, ConnectionMultiplexer redis)
    {
        Cluster = cluster;
        Redis = redis;
    }

    public InProcessTestCluster Cluster { get; }

    /// <summary>A separate connection, for raw XADDs and inspecting keys as an outside producer would.</summary>
    public ConnectionMultiplexer Redis { get; }

    public IDatabase Db => Redis.GetDatabase();

    public RedisStreamLog Log => Cluster.GetSiloServiceProvider(Cluster.Silos[0].SiloAddress).GetRedisStreamLog(Provider);

    public static async Task<StreamCluster> StartAsync(RedisServer server)
    {
        var builder = new InProcessTestClusterBuilder(1);
        builder.ConfigureSilo((_, silo) =>
        {
            silo.AddMemoryGrainStorage("PubSubStore");
            silo.AddRedisStreams(Provider, o => Configure(o, server));
            silo.Services.AddSingleton<IRedisStreamCodec, TestCodec>();
        });
        builder.ConfigureClient(client =>
        {
            client.AddRedisStreams(Provider, o => Configure(o, server));
            client.Services.AddSingleton<IRedisStreamCodec, TestCodec>();
        });
        var cluster = builder.Build();
        await cluster.DeployAsync();
        var redis = await ConnectionMultiplexer.ConnectAsync(new ConfigurationOptions { EndPoints = { server.Endpoint }, AbortOnConnectFail = false });
        return new StreamCluster(cluster, redis);
    }

    public Task PublishAsync(int queue, string e) =>
        Cluster.Client.GetStreamProvider(Provider).GetStream<string>(StreamId.Create(Namespace, queue.ToString(System.Globalization.CultureInfo.InvariantCulture))).OnNextAsync(e);

    public Task XAddAsync(int queue, params string[] events) =>
        Db.StreamAddAsync($"{KeyPrefix}:{queue}", [.. events.Select(e => new NameValueEntry(TestCodec.Field, e))]);

    public Task<IReadOnlyList<Received>> ReceivedAsync(int queue) =>
        Cluster.Client.GetGrain<IRecorderGrain>(queue.ToString(System.Globalization.CultureInfo.InvariantCulture)).ReceivedAsync();

    /// <summary>Waits until the queue's consumer received at least <paramref name="count"/> events, and returns them.</summary>
    public async Task<string[]> EventuallyReceivedAsync(int queue, int count) =>
        [.. (await Eventually.GetAsync(() => ReceivedAsync(queue), r => r.Count >= count)).Select(r => r.Event)];

    public async ValueTask DisposeAsync()
    {
        await Cluster.StopAllSilosAsync();
        await Cluster.DisposeAsync();
        await Redis.DisposeAsync();
    }

    private static void Configure(RedisStreamOptions options, RedisServer server)
    {
        options.ConfigurationOptions = new ConfigurationOptions { EndPoints = { server.Endpoint }, AbortOnConnectFail = false, ConnectTimeout = 2000, SyncTimeout = 2000, AsyncTimeout = 2000 };
        options.KeyPrefix = KeyPrefix;
        options.Queues = Queues;
        options.StreamNamespace = Namespace;
    }
}
