using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using Pulse.Testing.Jetstream;

namespace Pulse.Benchmarks.Sources;

/// <summary>
/// <c>jetstream [--posts 200000] [--brands 1000] [--matching-percent 5] [--likes-per-post 0] [--reposts-per-post 0]</c>:
/// how many events per second one Jetstream connection carries through the whole embedded silo — WebSocket frames
/// parsed, every post matched against the brands, matching posts scored and counted in their windows, and likes and
/// reposts (each of a post a little earlier in the stream) looked up and, on a matched post, counted as its engagement.
/// The live firehose has about six likes and one repost per post. A local Jetstream server (the tests' own) sends every post at
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
        var likesPerPost = BenchmarkArgs.Option(args, "--likes-per-post", 0);
        var repostsPerPost = BenchmarkArgs.Option(args, "--reposts-per-post", 0);
        var perPost = 1 + likesPerPost + repostsPerPost;
        bool Names(int post) => post % 100 < matchingPercent;

        await using var embedded = await EmbeddedBenchmarkHost.StartAsync(brandCount);
        var (host, http, brands) = (embedded.Address, embedded.Http, embedded.Brands);

        await using var server = new JetstreamTestServer(Pulse.Testing.FreePort.Next());
        var start = JetstreamFrames.TimeUs(DateTimeOffset.UtcNow);
        var matching = 0;
        for (var i = 0; i < posts; i++)
        {
            // Every twentieth post (at 5 %) names a brand, as a brand's share of the firehose is small; the rest match none.
            var names = Names(i);
            matching += names ? 1 : 0;
            var text = names
                ? $"Just tried {brands[i % brands.Length].Keyword} and honestly it was better than expected #{i}"
                : $"Morning coffee, rain again, and the train is late as usual #{i}";
            var at = start + ((long)i * perPost);
            server.AddEvent(JetstreamFrames.Post(i, text, at));

            // Engagement on the posts just before this one (frames get indices after every post's, so ids stay unique).
            for (var k = 1; k < perPost; k++)
            {
                var target = i - k;
                var index = posts + (i * perPost) + k;
                var subject = JetstreamFrames.PostId(Math.Max(0, target));
                server.AddEvent(k <= likesPerPost ? JetstreamFrames.LikeOf(index, subject, at + k) : JetstreamFrames.RepostOf(index, subject, at + k));
                matching += Names(Math.Max(0, target)) ? 1 : 0;
            }
        }

        var events = (long)posts * perPost;

        await server.StartAsync();
        var clock = Stopwatch.StartNew();
        using (var put = await http.PutAsJsonAsync(new Uri(host, "/api/sources/bench"), new { kind = "jetstream", url = server.Url.ToString() }))
        {
            put.EnsureSuccessStatusCode();
        }

        long received = 0, accepted = 0;
        while (received < events && clock.Elapsed < TimeSpan.FromMinutes(10))
        {
            await Task.Delay(200);
            using var doc = await http.GetFromJsonAsync<JsonDocument>(new Uri(host, "/api/sources/bench"));
            received = doc!.RootElement.GetProperty("received").GetInt64();
            accepted = doc.RootElement.GetProperty("accepted").GetInt64();
        }

        var seconds = clock.Elapsed.TotalSeconds;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"jetstream: {received} events in {seconds:0.0} s = {received / seconds:0} events/s through parsing, matching ({brandCount} brands) and ingest; accepted {accepted} of {matching} brand posts and engagement on them; {Environment.ProcessorCount} cores"));
        return received == events && accepted == matching ? 0 : 1;
    }
}
