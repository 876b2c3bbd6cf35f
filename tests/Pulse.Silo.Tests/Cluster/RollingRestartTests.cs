using Pulse.Silo.Tests.Functional;
using Pulse.Testing;
using Xunit.Abstractions;

namespace Pulse.Silo.Tests.Cluster;

/// <summary>
/// Planned operations lose nothing either: every silo of a three-silo cluster is stopped gracefully (SIGTERM) and
/// started again, one after the other, while mentions flow; afterwards every brand's count is exact.
/// </summary>
[Trait("Category", "Slow")]
[Collection(ProcessClusterCollection.Name)]
public sealed class RollingRestartTests(ITestOutputHelper output)
{
    private static readonly string[] Brands = ["rralpha", "rrbravo", "rrcharlie", "rrdelta"];

    [Fact]
    public async Task Rolling_restart_of_every_silo_under_load_loses_nothing_and_counts_nothing_twice()
    {
        await using var redis = await RedisServer.StartAsync();
        var args = new[] { "--Pulse:Ingest:CommitInterval=00:00:02" };
        var silos = new List<PulseProcess>();
        try
        {
            foreach (var name in new[] { "a", "b", "c" })
            {
                silos.Add(await PulseProcess.StartAsync(name, redis.Endpoint, args));
            }

            await BrandCounts.AddAsync(silos[0].BaseAddress, Brands);

            var load = new ClusterLoad(silos, Brands, batchSize: 200);
            using var stop = new CancellationTokenSource();
            var running = load.RunAsync(perSecond: 3_000, workers: 4, stop.Token);
            await Task.Delay(TimeSpan.FromSeconds(4));
            foreach (var silo in silos)
            {
                await silo.StopAsync();
                output.WriteLine($"stopped {silo.Name} at {load.Accepted} accepted");
                await Task.Delay(TimeSpan.FromSeconds(2));
                await silo.StartAsync();
                output.WriteLine($"restarted {silo.Name} at {load.Accepted} accepted");
                await Task.Delay(TimeSpan.FromSeconds(3));
            }

            await stop.CancelAsync();
            await running;
            output.WriteLine($"accepted {load.Accepted} mentions ({load.Retries} batch retries)");
            Assert.True(load.Accepted > 20_000, $"only {load.Accepted} mentions were accepted");

            using var client = TestCaller.Http(silos[1].BaseAddress);
            var counts = await Eventually.GetAsync(() => CountsAsync(client), c => Brands.All(b => c[b] == load.AcceptedByBrand[b]), TimeSpan.FromSeconds(60));
            Assert.Equal(load.AcceptedByBrand, counts);
        }
        finally
        {
            foreach (var silo in silos)
            {
                await silo.DisposeAsync();
            }
        }
    }

    private static Task<Dictionary<string, long>> CountsAsync(HttpClient client) => BrandCounts.ReadAsync(client, Brands);
}
