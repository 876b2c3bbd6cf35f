using Pulse.Silo.Tests.Functional;
using Pulse.Testing;
using Xunit.Abstractions;

namespace Pulse.Silo.Tests.Cluster;

/// <summary>
/// Cluster mode's promise, tested with real processes and a real redis-server: a silo killed with SIGKILL while
/// mentions flow at 10 000/s loses nothing and counts nothing twice; the cluster takes ingest again within 30 s.
/// </summary>
[Trait("Category", "Slow")]
[Collection(ProcessClusterCollection.Name)]
public sealed class SiloKillTests(ITestOutputHelper output)
{
    private static readonly string[] Brands = ["ktalpha", "ktbravo", "ktcharlie", "ktdelta", "ktecho", "ktfoxtrot", "ktgolf", "kthotel"];

    [Fact]
    public async Task Silo_killed_under_load_loses_nothing_and_counts_nothing_twice()
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

            var load = new ClusterLoad(silos, Brands);
            using var stop = new CancellationTokenSource();
            var running = load.RunAsync(perSecond: 10_000, workers: 8, stop.Token);

            await Task.Delay(TimeSpan.FromSeconds(8));
            var beforeKill = load.Accepted;
            silos[1].Kill();
            var killedAt = DateTime.UtcNow;
            output.WriteLine($"killed silo b after {beforeKill} accepted");

            // Ingest flows again: mentions accepted after the kill show up in the counts read from a survivor.
            var survivor = TestCaller.Http(silos[2].BaseAddress);
            var resumed = await Eventually.GetAsync(
                async () => load.Accepted > beforeKill + 20_000 && await TotalAsync(survivor) > beforeKill,
                ok => ok, TimeSpan.FromSeconds(30));
            var resumedAfter = DateTime.UtcNow - killedAt;
            Assert.True(resumed, $"ingest did not flow again within 30 s of the kill (accepted {load.Accepted}, counted {await TotalAsync(survivor)})\n{Tail(silos)}");

            await Task.Delay(TimeSpan.FromSeconds(5));
            await stop.CancelAsync();
            await running;
            output.WriteLine($"accepted {load.Accepted} mentions ({load.Retries} batch retries); ingest resumed {resumedAfter.TotalSeconds:F1} s after the kill");
            Assert.True(load.Accepted >= 150_000, $"the load reached only {load.Accepted} mentions: not the 10 000/s this test is about");

            // Exact: every brand's count equals what was accepted for it, read through both survivors.
            foreach (var host in new[] { silos[0], silos[2] })
            {
                using var client = TestCaller.Http(host.BaseAddress);
                var counts = await Eventually.GetAsync(() => CountsAsync(client), c => Brands.All(b => c[b] == load.AcceptedByBrand[b]), TimeSpan.FromSeconds(60));
                Assert.Equal(load.AcceptedByBrand, counts);
            }

            // And it stays exact: late replays must not count anything twice.
            await Task.Delay(TimeSpan.FromSeconds(5));
            using (var client = TestCaller.Http(silos[0].BaseAddress))
            {
                Assert.Equal(load.AcceptedByBrand, await CountsAsync(client));
            }
        }
        finally
        {
            foreach (var line in silos.SelectMany(s => s.Output.Split('\n')).Where(l => l.Contains("Partition", StringComparison.Ordinal) || l.Contains("fail", StringComparison.OrdinalIgnoreCase)).Take(40))
            {
                output.WriteLine(line);
            }

            foreach (var silo in silos)
            {
                if (Environment.GetEnvironmentVariable("PULSE_TEST_LOGS") is { Length: > 0 } dir)
                {
                    await File.WriteAllTextAsync(Path.Combine(dir, $"silo-{silo.Name}.log"), silo.Output);
                }

                await silo.DisposeAsync();
            }
        }
    }

    private static async Task<long> TotalAsync(HttpClient client) => (await CountsAsync(client)).Values.Sum();

    private static Task<Dictionary<string, long>> CountsAsync(HttpClient client) => BrandCounts.ReadAsync(client, Brands);

    private static string Tail(IEnumerable<PulseProcess> silos) =>
        string.Join('\n', silos.Select(s => s.Output.Length > 4000 ? s.Output[^4000..] : s.Output));
}

[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ProcessClusterCollection
{
    public const string Name = "process-cluster";
}
