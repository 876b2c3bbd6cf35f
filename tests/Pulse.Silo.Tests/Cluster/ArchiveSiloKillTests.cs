using Npgsql;
using Pulse.Silo.Tests.Functional;
using Pulse.Testing;
using Xunit.Abstractions;

namespace Pulse.Silo.Tests.Cluster;

/// <summary>
/// The archive through a SIGKILLed silo, with real processes, redis-server and PostgreSQL: the rows the dead silo had
/// buffered are written again by the replay, and the rows it had already written are not counted twice, neither as
/// rows nor in the hourly and daily rollups.
/// </summary>
[Trait("Category", "Slow")]
[Collection(ProcessClusterCollection.Name)]
public sealed class ArchiveSiloKillTests(ITestOutputHelper output)
{
    private static readonly string[] Brands = ["akalpha", "akbravo", "akcharlie", "akdelta", "akecho", "akfoxtrot"];

    [Fact]
    public async Task Replay_after_a_silo_kill_archives_every_mention_once()
    {
        await using var redis = await RedisServer.StartAsync();
        await using var postgres = await PostgresServer.StartNewAsync();
        // A commit every 2 s while the archive would hold rows for up to 30 s (or 100 000 of them) before writing: only
        // commits that wait for the archive (and make it write at once) keep the killed silo from having committed
        // positions whose rows were still in its buffer.
        var args = new[]
        {
            "--Pulse:Ingest:CommitInterval=00:00:02", "--postgres", postgres.ConnectionString(),
            "--Pulse:Archive:FlushInterval=00:00:30", "--Pulse:Archive:BatchSize=100000",
        };
        var silos = new List<PulseProcess>();
        try
        {
            foreach (var name in new[] { "a", "b", "c" })
            {
                silos.Add(await PulseProcess.StartAsync(name, redis.Endpoint, args));
            }

            await BrandCounts.AddAsync(silos[0].BaseAddress, Brands);

            // Slower than the silo-kill test's 10 000/s: three silos and PostgreSQL share two cores, and this is about
            // what reaches the archive, not the rate.
            var load = new ClusterLoad(silos, Brands);
            using var stop = new CancellationTokenSource();
            var running = load.RunAsync(perSecond: 4_000, workers: 6, stop.Token);

            await Task.Delay(TimeSpan.FromSeconds(8));
            // The silo whose archive took the most rows: its partitions' rows are the ones at stake (a silo without
            // partitions archives nothing).
            var victim = await BusiestArchiveAsync(silos);
            var survivor = silos.First(s => s != victim);
            var beforeKill = load.Accepted;
            victim.Kill();
            output.WriteLine($"killed silo {victim.Name} after {beforeKill} accepted");

            await Eventually.GetAsync(() => Task.FromResult(load.Accepted), n => n > beforeKill + 30_000, TimeSpan.FromSeconds(60));
            await stop.CancelAsync();
            await running;
            output.WriteLine($"accepted {load.Accepted} mentions ({load.Retries} batch retries)");
            Assert.True(load.Accepted > beforeKill + 30_000, $"ingest did not go on after the kill: {load.Accepted} accepted");

            // The live counts are exact first (the replay has run), then the archive catches up to the same numbers.
            using (var client = TestCaller.Http(survivor.BaseAddress))
            {
                var counts = await Eventually.GetAsync(() => BrandCounts.ReadAsync(client, Brands), c => Brands.All(b => c[b] == load.AcceptedByBrand[b]), TimeSpan.FromSeconds(60));
                Assert.Equal(load.AcceptedByBrand, counts);
            }

            var archived = await Eventually.GetAsync(() => ArchivedAsync(postgres), a => Matches(a, load.AcceptedByBrand), TimeSpan.FromSeconds(60));
            Assert.Equal(Expected(load.AcceptedByBrand), archived);

            // Late replays and retries add nothing.
            await Task.Delay(TimeSpan.FromSeconds(5));
            Assert.Equal(Expected(load.AcceptedByBrand), await ArchivedAsync(postgres));
        }
        finally
        {
            foreach (var line in silos.SelectMany(s => s.Output.Split('\n')).Where(l => l.Contains("Partition", StringComparison.Ordinal) || l.Contains("Archive", StringComparison.Ordinal)).Take(40))
            {
                output.WriteLine(line);
            }

            foreach (var silo in silos)
            {
                await silo.DisposeAsync();
            }
        }
    }

    private static async Task<PulseProcess> BusiestArchiveAsync(IReadOnlyList<PulseProcess> silos)
    {
        var taken = new Dictionary<PulseProcess, double>();
        foreach (var silo in silos)
        {
            using var client = TestCaller.Http(silo.BaseAddress);
            var scrape = Telemetry.PrometheusText.Parse(await client.GetStringAsync("/metrics"));
            taken[silo] = scrape.Sum("pulse_archive_rows_total") + scrape.Sum("pulse_archive_buffered");
        }

        return taken.MaxBy(t => t.Value).Key;
    }

    /// <summary>Per brand: archived mentions, distinct mention ids among them, and the mentions the hourly and daily rollups counted.</summary>
    private static async Task<Dictionary<string, (long Rows, long Distinct, long Hourly, long Daily)>> ArchivedAsync(PostgresServer postgres)
    {
        var result = Brands.ToDictionary(b => b, _ => (0L, 0L, 0L, 0L));
        try
        {
            await using var connection = new NpgsqlConnection(postgres.ConnectionString() + ";Pooling=false");
            await connection.OpenAsync();
            var mentions = await Archive.ArchiveContents.ReadAsync(connection);
            await using var query = new NpgsqlCommand(
                """
                SELECT b.brand_id,
                       (SELECT coalesce(sum(mentions), 0) FROM pulse_rollup_hourly h WHERE h.brand_id = b.brand_id)::bigint,
                       (SELECT coalesce(sum(mentions), 0) FROM pulse_rollup_daily d WHERE d.brand_id = b.brand_id)::bigint
                FROM (SELECT DISTINCT brand_id FROM pulse_mention_batches) b
                """, connection);
            await using var reader = await query.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                var brand = reader.GetString(0);
                var rows = mentions.Where(m => m.BrandId == brand).ToList();
                result[brand] = (rows.Count, rows.Select(m => m.Id).Distinct(StringComparer.Ordinal).LongCount(), reader.GetInt64(1), reader.GetInt64(2));
            }
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.UndefinedTable)
        {
            // not created yet
        }

        return result;
    }

    private static Dictionary<string, (long, long, long, long)> Expected(Dictionary<string, long> accepted) =>
        accepted.ToDictionary(p => p.Key, p => (p.Value, p.Value, p.Value, p.Value));

    private static bool Matches(Dictionary<string, (long Rows, long Distinct, long Hourly, long Daily)> archived, Dictionary<string, long> accepted) =>
        Brands.All(b => archived[b] == (accepted[b], accepted[b], accepted[b], accepted[b]));
}
