using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Pulse.Benchmarks.Memory;
using Pulse.Grains.Brands;
using Pulse.Silo.Brands;
using Pulse.Load;
using Pulse.Silo.Cluster;
using Pulse.Testing;
using StackExchange.Redis;

namespace Pulse.Benchmarks.Brands;

/// <summary>
/// <c>brands [--brands 100000] [--batch 5000] [--no-redis]</c>: what a catalog of that many generated brands (the load
/// generator's, as <c>pulse load --setup-brands</c> makes them) costs. In this process: compiling the matcher, and the heap
/// of the catalog and the compiled matcher. Against fresh `pulse` processes: importing them in one call and in batches
/// (until a mention of the last brand is matched), and starting with them, from a <c>--brands</c> file (embedded) and
/// from Redis (cluster mode; needs redis-server), until healthy, until every brand is in the catalog and until a
/// mention of the last brand is matched.
/// </summary>
/// <remarks>A measurement for docs/performance.md ("Brands at scale"), not a unit test.</remarks>
internal static class BrandsAtScaleRun
{
    public static async Task<int> RunAsync(string[] args)
    {
        var count = BenchmarkArgs.Option(args, "--brands", 100_000);
        var batch = BenchmarkArgs.Option(args, "--batch", 5_000);
        var brands = LoadBrands.Generate(count, seed: 1);
        Console.WriteLine($"brands: {count:N0} generated brands, {Environment.ProcessorCount} cores, load average {LoadAverage()}");

        Compile(brands);
        await ImportAsync(brands, count);
        await ImportAsync(brands, batch);
        await StartFromFileAsync(brands);
        if (!args.Contains("--no-redis"))
        {
            await StartFromRedisAsync(brands);
        }

        Console.WriteLine($"done; load average {LoadAverage()}");
        return 0;
    }

    private static void Compile(LoadBrand[] brands)
    {
        var before = HeapMeasure.LiveBytes();
        var catalog = brands.Select(Definition).ToDictionary(b => b.Id, StringComparer.OrdinalIgnoreCase);
        var withCatalog = HeapMeasure.LiveBytes();
        var times = new List<double>();
        CompiledBrands? compiled = null;
        for (var i = 0; i < 3; i++)
        {
            compiled = null;
            HeapMeasure.LiveBytes();
            var started = Stopwatch.GetTimestamp();
            compiled = CompiledBrands.Compile(1, catalog.Values);
            times.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }

        var withMatcher = HeapMeasure.LiveBytes();
        Console.WriteLine($"compile {brands.Length:N0} brands: {string.Join(", ", times.Select(t => $"{t:F0} ms"))}");
        Console.WriteLine($"  heap: catalog (definitions by id) {(withCatalog - before) / 1048576.0:F1} MiB, compiled matcher {(withMatcher - withCatalog) / 1048576.0:F1} MiB; {HeapMeasure.Describe()}");

        // A silo's matcher after one PUT, then after 1 024 (the most it keeps on top before compiling a new base).
        var changed = compiled!;
        var puts = new List<double>();
        for (var i = 0; i < BrandMatcherCache.MaxChanges; i++)
        {
            var change = Stopwatch.GetTimestamp();
            changed = changed.With(2 + i, [Definition(brands[i]) with { Name = "changed" }], []);
            puts.Add(Stopwatch.GetElapsedTime(change).TotalMilliseconds);
        }

        Console.WriteLine($"  a brand put on top of the {brands.Length:N0}: {Median(puts.Take(10)):F2} ms (median of the first 10), " +
            $"{Median(puts.TakeLast(10)):F2} ms with {BrandMatcherCache.MaxChanges - 1:N0} on top already");
        GC.KeepAlive(catalog);
        GC.KeepAlive(changed);
    }

    /// <summary>Imports every brand into a fresh embedded `pulse` in calls of <paramref name="perCall"/>, then waits for a match.</summary>
    private static async Task ImportAsync(LoadBrand[] brands, int perCall)
    {
        await using var pulse = PulseChild.Launch();
        await pulse.HealthyAsync();
        var started = Stopwatch.GetTimestamp();
        var created = 0;
        foreach (var chunk in brands.Chunk(perCall))
        {
            created += await PostImportAsync(pulse.Http, chunk);
        }

        var imported = Stopwatch.GetElapsedTime(started);
        await FirstMatchAsync(pulse, brands[^1]);
        var matched = Stopwatch.GetElapsedTime(started);
        Console.WriteLine($"import {created:N0} brands in {(brands.Length + perCall - 1) / perCall} call(s) of {Math.Min(perCall, brands.Length):N0}: " +
            $"{imported.TotalSeconds:F1} s; a mention of the last brand matched {matched.TotalSeconds:F1} s after the first call; " +
            $"process RSS {pulse.ResidentBytes / 1048576.0:F0} MiB");
    }

    private static async Task StartFromFileAsync(LoadBrand[] brands)
    {
        var file = Path.Combine(Path.GetTempPath(), $"pulse-brands-{brands.Length}.json");
        await File.WriteAllTextAsync(file, JsonSerializer.Serialize(brands.Select(Request)));
        try
        {
            await using var pulse = PulseChild.Launch("--brands", file);
            await ReportStartAsync("embedded, --brands FILE", pulse, brands);
        }
        finally
        {
            File.Delete(file);
        }
    }

    private static async Task StartFromRedisAsync(LoadBrand[] brands)
    {
        await using var redis = await RedisServer.StartAsync();
        await using (var first = PulseChild.Launch("--redis", redis.Endpoint))
        {
            await first.HealthyAsync();
            await PostImportAsync(first.Http, brands);
        }

        // What the catalog grain does as it activates: read every brand back from the hash.
        await using (var connection = await ConnectionMultiplexer.ConnectAsync(redis.Endpoint))
        {
            var store = new RedisBrandCatalogStore(connection, new RedisClusterOptions { Endpoint = redis.Endpoint });
            var started = Stopwatch.GetTimestamp();
            var read = await store.ReadAsync();
            Console.WriteLine($"read {read!.Brands.Count:N0} brands back from Redis (HSCAN, JSON): {Stopwatch.GetElapsedTime(started).TotalMilliseconds:F0} ms; " +
                $"hash {await connection.GetDatabase().ExecuteAsync("MEMORY", "USAGE", "pulse:brands", "SAMPLES", "0")} bytes in Redis");
        }

        await using var pulse = PulseChild.Launch("--redis", redis.Endpoint);
        await ReportStartAsync("cluster mode, catalog in Redis", pulse, brands);
    }

    private static async Task ReportStartAsync(string what, PulseChild pulse, LoadBrand[] brands)
    {
        var healthy = await pulse.HealthyAsync();
        var last = brands[^1].Id;
        var loaded = await pulse.UntilAsync(async () => (await pulse.Http.GetAsync($"/api/brands/{last}")).StatusCode == HttpStatusCode.OK);
        var matched = await FirstMatchAsync(pulse, brands[^1]);
        Console.WriteLine($"start with {brands.Length:N0} brands ({what}): healthy {healthy.TotalSeconds:F1} s, every brand in the catalog {loaded.TotalSeconds:F1} s, " +
            $"a mention of the last brand matched {matched.TotalSeconds:F1} s after launch; process RSS {pulse.ResidentBytes / 1048576.0:F0} MiB");
    }

    /// <summary>Posts one mention of <paramref name="brand"/> and waits until its stats count it; returns the time since launch.</summary>
    private static async Task<TimeSpan> FirstMatchAsync(PulseChild pulse, LoadBrand brand)
    {
        var mention = $$"""{"id":"probe-{{Guid.NewGuid():N}}","channel":"x","text":"just tried {{brand.Keyword}} today"}""";
        using var response = await pulse.Http.PostAsync("/api/mentions", new StringContent(mention, Encoding.UTF8, "application/json"));
        response.EnsureSuccessStatusCode();
        return await pulse.UntilAsync(async () =>
            (await pulse.Http.GetFromJsonAsync<JsonElement>($"/api/brands/{brand.Id}/stats?window=5m")).GetProperty("total").GetProperty("count").GetInt64() > 0);
    }

    private static async Task<int> PostImportAsync(HttpClient http, IEnumerable<LoadBrand> brands)
    {
        var body = new StringBuilder();
        foreach (var brand in brands)
        {
            body.Append(JsonSerializer.Serialize(Request(brand))).Append('\n');
        }

        while (true)
        {
            using var response = await http.PostAsync("/api/brands:import", new StringContent(body.ToString(), Encoding.UTF8, "application/x-ndjson"));
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                await Task.Delay(response.Headers.RetryAfter?.Delta ?? TimeSpan.FromSeconds(1));
                continue;
            }

            response.EnsureSuccessStatusCode();
            var result = await response.Content.ReadFromJsonAsync<JsonElement>();
            return result.GetProperty("created").GetInt32();
        }
    }

    private static object Request(LoadBrand brand) =>
        new { id = brand.Id, name = brand.Name, keywords = new[] { brand.Keyword }, hashtags = new[] { brand.Hashtag }, handles = new[] { brand.Handle } };

    private static BrandDefinition Definition(LoadBrand brand) => new(brand.Id, brand.Name, [brand.Keyword], [brand.Hashtag], [brand.Handle]);

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted[sorted.Length / 2];
    }

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";
}
