using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using Pulse.Testing.Jetstream;

namespace Pulse.Benchmarks.Sources;

/// <summary>
/// <c>jetstream [--posts 200000] [--brands 1000] [--matching-percent 5]</c>: how many events per second one Jetstream
/// connection carries through the whole embedded silo — WebSocket frames parsed, every post matched against the brands,
/// matching posts scored and counted in their windows. A local Jetstream server (the tests' own) sends every post at
/// once, so the connection is the bottleneck, not the network's rate. Reports events/s from the source's own
/// <c>received</c> count (GET /api/sources) and checks that <c>accepted</c> equals the matching posts.
/// </summary>
/// <remarks>A measurement for docs/performance.md, not a unit test. The live firehose carries a few hundred posts/s.</remarks>
internal static class JetstreamRun
{
    public static async Task<int> RunAsync(string[] args)
    {
        var posts = BenchmarkArgs.Option(args, "--posts", 200_000);
        var brandCount = BenchmarkArgs.Option(args, "--brands", 1000);
        var matchingPercent = BenchmarkArgs.Option(args, "--matching-percent", 5);

        await using var embedded = await EmbeddedBenchmarkHost.StartAsync(brandCount);
        var (host, http, brands) = (embedded.Address, embedded.Http, embedded.Brands);

        await using var server = new JetstreamTestServer(Pulse.Testing.FreePort.Next());
        var start = JetstreamFrames.TimeUs(DateTimeOffset.UtcNow);
        var matching = 0;
        for (var i = 0; i < posts; i++)
        {
            // Every twentieth post (at 5 %) names a brand, as a brand's share of the firehose is small; the rest match none.
            var names = i % 100 < matchingPercent;
            matching += names ? 1 : 0;
            var text = names
                ? $"Just tried {brands[i % brands.Length].Keyword} and honestly it was better than expected #{i}"
                : $"Morning coffee, rain again, and the train is late as usual #{i}";
            server.AddEvent(JetstreamFrames.Post(i, text, start + i));
        }

        await server.StartAsync();
        var clock = Stopwatch.StartNew();
        using (var put = await http.PutAsJsonAsync(new Uri(host, "/api/sources/bench"), new { kind = "jetstream", url = server.Url.ToString() }))
        {
            put.EnsureSuccessStatusCode();
        }

        long received = 0, accepted = 0;
        while (received < posts && clock.Elapsed < TimeSpan.FromMinutes(10))
        {
            await Task.Delay(200);
            using var doc = await http.GetFromJsonAsync<JsonDocument>(new Uri(host, "/api/sources/bench"));
            received = doc!.RootElement.GetProperty("received").GetInt64();
            accepted = doc.RootElement.GetProperty("accepted").GetInt64();
        }

        var seconds = clock.Elapsed.TotalSeconds;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"jetstream: {received} events in {seconds:0.0} s = {received / seconds:0} events/s through parsing, matching ({brandCount} brands) and ingest; accepted {accepted} of {matching} brand posts; {Environment.ProcessorCount} cores"));
        return received == posts ? 0 : 1;
    }
}
