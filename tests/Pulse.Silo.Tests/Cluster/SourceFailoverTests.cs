using Pulse.Silo.Tests.Functional;
using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using Pulse.Testing;
using Pulse.Testing.Jetstream;
using Xunit.Abstractions;

namespace Pulse.Silo.Tests.Cluster;

/// <summary>
/// A source's promise, tested with real processes: a Bluesky Jetstream source whose silo is SIGKILLed mid-stream
/// resumes on a survivor (the supervisor re-activates it there, it reconnects from its saved cursor) and its brand ends
/// with exactly the posts the stream carried: the replayed overlap is neither lost nor counted twice.
/// </summary>
[Trait("Category", "Slow")]
[Collection(ProcessClusterCollection.Name)]
public sealed class SourceFailoverTests(ITestOutputHelper output)
{
    private const int Posts = 3_000;
    private const int PerSecond = 100;
    private const string Brand = "acme";
    private const string SourceId = "bsky-failover";

    [Fact]
    public async Task Jetstream_source_resumes_on_a_survivor_after_its_silo_is_killed_and_counts_every_post_once()
    {
        await using var redis = await RedisServer.StartAsync();
        await using var jetstream = new JetstreamTestServer(FreePort.Next()) { Live = true };
        await jetstream.StartAsync();
        var silos = new List<PulseProcess>();
        try
        {
            foreach (var name in new[] { "a", "b", "c" })
            {
                // Pulse.Sources at Debug: "Source … starting" says where the source runs, the connector says what it resumed from.
                silos.Add(PulseProcess.Launch(name, redis.Endpoint, "--Logging:LogLevel:Pulse.Sources=Debug", "--Pulse:Outbound:AllowPrivateNetworks=true"));
            }

            await Task.WhenAll(silos.Select(s => s.WaitHealthyAsync()));
            await BrandCounts.AddAsync(silos[0].BaseAddress, [Brand]);

            // A live stream at 100 posts a second, each naming the brand, with distinct ids and increasing times near now
            // (the counts are read over the last hour of the posts' own times); it begins a moment after the source starts.
            var firstUs = JetstreamFrames.TimeUs(DateTimeOffset.UtcNow.AddSeconds(2));
            for (var i = 0; i < Posts; i++)
            {
                jetstream.AddEvent(JetstreamFrames.Post(i, $"post {i} about acme", firstUs + (i * 1_000_000L / PerSecond)));
            }

            using (var http = TestCaller.Http(silos[0].BaseAddress))
            {
                var put = await http.PutAsJsonAsync($"/api/sources/{SourceId}", new { kind = "jetstream", url = jetstream.Url.ToString() });
                Assert.True(put.IsSuccessStatusCode, $"PUT /api/sources/{SourceId}: {(int)put.StatusCode} {await put.Content.ReadAsStringAsync()}");
            }

            var runner = await Eventually.GetAsync(() => Task.FromResult(silos.FirstOrDefault(s => Starts(s) > 0)), s => s is not null, TimeSpan.FromSeconds(30));
            Assert.True(runner is not null, $"no silo logged that source {SourceId} started\n{SourceLogs(silos)}");
            var survivors = silos.Where(s => s != runner).ToList();
            var startsBefore = survivors.ToDictionary(s => s.Name, Starts);

            // Mid-stream, at a random point after some hundreds of posts went out (and after several cursor saves).
            var killAfter = Random.Shared.Next(400, 1_200);
            await Eventually.GetAsync(() => Task.FromResult(jetstream.FramesSent), sent => sent >= killAfter, TimeSpan.FromSeconds(60));
            long acceptedBeforeKill;
            using (var http = TestCaller.Http(runner!.BaseAddress, TimeSpan.FromSeconds(5)))
            {
                acceptedBeforeKill = (await StatusAsync(http))?.GetProperty("accepted").GetInt64() ?? 0; // a lower bound: more go in until the kill
            }

            var sentAtKill = jetstream.FramesSent;
            Assert.True(sentAtKill >= killAfter, $"the stream did not reach {killAfter} posts (sent {sentAtKill})\n{SourceLogs(silos)}");
            runner.Kill();
            var clock = Stopwatch.StartNew();
            output.WriteLine($"killed silo {runner.Name}, which ran {SourceId}, after {sentAtKill} of {Posts} posts were sent");

            // Live again, as a survivor answers: any answer now comes from a new activation, the old one died with its silo.
            using var survivor = TestCaller.Http(survivors[0].BaseAddress, TimeSpan.FromSeconds(5));
            var state = await Eventually.GetAsync(() => StateAsync(survivor), s => s == "live", TimeSpan.FromSeconds(60));
            var liveAfter = clock.Elapsed;
            Assert.True(state == "live", $"{SourceId} was not live again within 60 s of the kill (last state: {state})\n{SourceLogs(silos)}");
            var resumedOn = survivors.FirstOrDefault(s => Starts(s) > startsBefore[s.Name]);
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"live again {liveAfter.TotalSeconds:0.0} s after the kill, on silo {resumedOn?.Name ?? "?"}; cursors asked: {string.Join(", ", jetstream.CursorsAsked.Select(c => c ?? "none"))}"));

            // Resumed from the saved cursor (a replay with a 5 s margin), not from the live tip: the overlap is what must
            // neither be lost nor counted twice.
            var asked = jetstream.CursorsAsked.ToArray();
            Assert.True(asked.Length >= 2 && asked.Skip(1).All(c => c is not null), $"the source did not resume from a cursor: {string.Join(", ", asked.Select(c => c ?? "none"))}");

            // Caught up: everything that went out before the kill is counted (the posts in flight at the kill came again).
            using (var client = TestCaller.Http(survivors[0].BaseAddress, TimeSpan.FromSeconds(5)))
            {
                var caughtUp = await Eventually.GetAsync(() => BrandCounts.ReadAsync(client, [Brand]), c => c[Brand] >= sentAtKill, TimeSpan.FromSeconds(60));
                output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"the {sentAtKill} posts sent before the kill counted {clock.Elapsed.TotalSeconds:0.0} s after it (count then {caughtUp[Brand]})"));
            }

            // Exact: every post once, read through each survivor.
            foreach (var host in survivors)
            {
                using var client = TestCaller.Http(host.BaseAddress, TimeSpan.FromSeconds(5));
                var counts = await Eventually.GetAsync(() => BrandCounts.ReadAsync(client, [Brand]), c => c[Brand] == Posts, TimeSpan.FromSeconds(90));
                Assert.True(counts[Brand] == Posts, $"silo {host.Name} counts {counts[Brand]} posts for {Brand}, the stream carried {Posts} (sent {jetstream.FramesSent} frames)\n{SourceLogs(silos)}");
                output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"silo {host.Name} counts exactly {Posts} posts {clock.Elapsed.TotalSeconds:0.0} s after the kill"));
            }

            // And it stays exact: nothing replayed later counts twice.
            await Task.Delay(TimeSpan.FromSeconds(5));
            using (var client = TestCaller.Http(survivors[1].BaseAddress, TimeSpan.FromSeconds(5)))
            {
                Assert.Equal(Posts, (await BrandCounts.ReadAsync(client, [Brand]))[Brand]);
            }

            output.WriteLine($"the server sent {jetstream.FramesSent} frames for {Posts} posts: {jetstream.FramesSent - Posts} replayed after the kill");
            using (var client = TestCaller.Http(survivors[0].BaseAddress, TimeSpan.FromSeconds(5)))
            {
                // Posts the resumed run ingested again (newer than the saved cursor, already ingested by the killed run):
                // the channel grains' de-duplication by mention id is what kept them from counting twice.
                var acceptedAfter = (await StatusAsync(client))?.GetProperty("accepted").GetInt64() ?? 0;
                output.WriteLine($"accepted by the killed run: at least {acceptedBeforeKill} (read just before the kill); by the resumed run: {acceptedAfter}; "
                    + $"ingested twice and counted once: at least {Math.Max(0, acceptedBeforeKill + acceptedAfter - Posts)}");
            }

            output.WriteLine(SourceLogs(silos));
        }
        finally
        {
            foreach (var silo in silos)
            {
                if (Environment.GetEnvironmentVariable("PULSE_TEST_LOGS") is { Length: > 0 } dir)
                {
                    await File.WriteAllTextAsync(Path.Combine(dir, $"source-failover-silo-{silo.Name}.log"), silo.Output);
                }

                await silo.DisposeAsync();
            }
        }
    }

    /// <summary>How many times the process logged that the source started (SourceGrain's "Source … starting").</summary>
    private static int Starts(PulseProcess silo) =>
        silo.Output.Split('\n').Count(l => l.Contains($"Source {SourceId} (Jetstream) starting", StringComparison.Ordinal));

    /// <summary>The source's state as a host answers it ("live", "connecting", …), or null when it does not answer.</summary>
    private static async Task<string?> StateAsync(HttpClient client) => (await StatusAsync(client))?.GetProperty("state").GetString();

    /// <summary>GET /api/sources/{id} as a host answers it, or null when it does not answer.</summary>
    private static async Task<JsonElement?> StatusAsync(HttpClient client)
    {
        try
        {
            using var response = await client.GetAsync($"/api/sources/{SourceId}");
            if (!response.IsSuccessStatusCode)
            {
                return null;
            }

            using var doc = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
            return doc.RootElement.Clone();
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            return null; // the silo that held the grain is not yet declared dead: the call waits, then fails
        }
    }

    /// <summary>What the silos logged about the source and failures: where it ran, what it resumed from, what broke.</summary>
    private static string SourceLogs(IEnumerable<PulseProcess> silos)
    {
        var lines = new List<(string Line, int Times)>();
        foreach (var line in silos.SelectMany(s => s.Output.Split('\n')))
        {
            if (!line.Contains(SourceId, StringComparison.Ordinal) && !line.Contains("fail:", StringComparison.Ordinal))
            {
                continue;
            }

            // Repeats (the API's 500s while the dead silo is not yet declared dead) are shown once, with their number.
            if (lines.Count > 0 && lines[^1].Line == line.TrimEnd())
            {
                lines[^1] = (lines[^1].Line, lines[^1].Times + 1);
            }
            else
            {
                lines.Add((line.TrimEnd(), 1));
            }
        }

        return string.Join('\n', lines.Take(120).Select(l => l.Times > 1 ? $"{l.Line} (x{l.Times})" : l.Line));
    }
}
