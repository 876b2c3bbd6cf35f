using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Pulse.Grains.Mentions;
using Pulse.Load;
using Pulse.Silo.Ingest;

namespace Pulse.Benchmarks.Pipeline;

/// <summary>
/// <c>pipeline [--seconds 30] [--warmup 15] [--feeders 4] [--batch 1000] [--brands 1000]</c>: the whole embedded silo
/// (the app `pulse` runs, in this process) fed as fast as it takes mentions, without HTTP and without a load generator
/// competing for the cores. Feeders compose NDJSON batches of the load generator's mentions, parse them with the ingest
/// parser and hand them to the ingestor, as the HTTP handler does. Reports what the silo's side of a mention costs:
/// processed mentions per second, CPU microseconds and bytes allocated per mention, garbage collections.
/// </summary>
/// <remarks>A measurement for docs/performance.md, not a unit test. Figures exclude the warm-up (tiered JIT).</remarks>
internal static class PipelineRun
{
    public static async Task<int> RunAsync(string[] args)
    {
        var seconds = BenchmarkArgs.Option(args, "--seconds", 30);
        var warmup = BenchmarkArgs.Option(args, "--warmup", 15);
        var feeders = BenchmarkArgs.Option(args, "--feeders", 4);
        var batchSize = BenchmarkArgs.Option(args, "--batch", 1000);
        var brandCount = BenchmarkArgs.Option(args, "--brands", 1000);

        await using var embedded = await EmbeddedBenchmarkHost.StartAsync(brandCount);
        var (app, host, http, brands) = (embedded.App, embedded.Address, embedded.Http, embedded.Brands);
        // The partitions' counters on /metrics: reading them costs no grain call per brand, unlike the overview.
        var processed = new MetricsProcessedReader(http, [host]);

        var pool = MentionPool.Create(brands, seed: 1);
        var ids = MentionIds.ForNow(TimeProvider.System);
        var parser = app.Services.GetRequiredService<MentionBatchParser>();
        var ingestor = app.Services.GetRequiredService<IMentionIngestor>();
        long sequence = 0, fed = 0;
        using var stop = new CancellationTokenSource();

        async Task FeedAsync()
        {
            var batch = new LoadBatch(jsonArray: false);
            var id = new char[MentionIds.MaxLength];
            while (!stop.IsCancellationRequested)
            {
                batch.Begin(DateTimeOffset.UtcNow);
                var first = Interlocked.Add(ref sequence, batchSize) - batchSize;
                for (var i = 0; i < batchSize; i++)
                {
                    batch.Add(ids.Format(first + i, id), pool[first + i]);
                }

                var parsed = parser.Parse(batch.Complete().Span, MentionBodyFormat.NdJson, DateTimeOffset.UtcNow);
                await ingestor.IngestAsync(parsed.Accepted);
                Interlocked.Add(ref fed, parsed.Accepted.Count);
            }
        }

        Console.WriteLine($"pipeline: {brandCount} brands, {feeders} feeders, batches of {batchSize}, server GC {System.Runtime.GCSettings.IsServerGC}, " +
            $"{Environment.ProcessorCount} cores; warm-up {warmup} s, then {seconds} s measured");
        var feeding = Enumerable.Range(0, feeders).Select(_ => Task.Run(FeedAsync)).ToArray();
        await Task.Delay(TimeSpan.FromSeconds(warmup));

        var before = Sample.Take(Interlocked.Read(ref fed), await processed.ReadAsync(CancellationToken.None) ?? 0);
        for (var s = 5; s <= seconds; s += 5)
        {
            await Task.Delay(TimeSpan.FromSeconds(5));
            var now = Sample.Take(Interlocked.Read(ref fed), await processed.ReadAsync(CancellationToken.None) ?? 0);
            Console.WriteLine($"  {s,3} s: processed {(now.Processed - before.Processed) / now.Since(before):N0}/s so far");
            if (s + 5 > seconds)
            {
                before.Report(now);
            }
        }

        await stop.CancelAsync();
        await Task.WhenAll(feeding);
        return 0;
    }

    private sealed record Sample(long Fed, long Processed, TimeSpan Cpu, long Allocated, int Gen0, int Gen1, int Gen2, long Timestamp)
    {
        public static Sample Take(long fed, long processed) => new(
            fed, processed, Process.GetCurrentProcess().TotalProcessorTime, GC.GetTotalAllocatedBytes(precise: false),
            GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2), Stopwatch.GetTimestamp());

        public double Since(Sample earlier) => Stopwatch.GetElapsedTime(earlier.Timestamp, Timestamp).TotalSeconds;

        public void Report(Sample end)
        {
            var seconds = end.Since(this);
            var processed = end.Processed - Processed;
            var cpu = (end.Cpu - Cpu).TotalSeconds;
            Console.WriteLine($"measured {seconds:F1} s: fed {(end.Fed - Fed) / seconds:N0}/s, processed {processed / seconds:N0}/s");
            Console.WriteLine($"  CPU {cpu / seconds * 100:F0} % of one core = {cpu * 1e6 / processed:F2} µs per processed mention");
            Console.WriteLine($"  allocated {(end.Allocated - Allocated) / (double)processed:F0} B per processed mention; " +
                $"GCs gen0 {end.Gen0 - Gen0}, gen1 {end.Gen1 - Gen1}, gen2 {end.Gen2 - Gen2}; load average {LoadAverage()}");
        }
    }

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";
}
