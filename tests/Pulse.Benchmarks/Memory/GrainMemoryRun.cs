using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Orleans.Core.Internal;
using Pulse.Grains;
using Pulse.Grains.Alerts;
using Pulse.Grains.Channels;

namespace Pulse.Benchmarks.Memory;

/// <summary>
/// <c>grain-memory [grains] [--settle seconds] [--components-only]</c>: activates that many real (brand, channel) grains in one in-process
/// silo, gives each 1-5 realistic mentions, and reports the managed heap each one keeps. Not a unit test: a measurement
/// for docs/performance.md.
/// </summary>
/// <remarks>
/// Heap deltas, each after full blocking compacting collections: brand-level grains first (the alert settings every
/// channel grain asks for), then the channel grains loaded and settled, then the same with the channel grains deactivated.
/// The last difference is what the channel grains themselves hold, Orleans' activation included; what their snapshots
/// leave in the brand grains stays and is reported apart. Snapshots go out once a minute here instead of every 250 ms:
/// 100 000 timers at 4 Hz would saturate two cores and leave queued work in the heap, and the interval changes what
/// a grain holds by nothing.
/// </remarks>
internal static class GrainMemoryRun
{
    private static readonly string[] Channels = ChannelOptions.Defaults;

    public static async Task<int> RunAsync(string[] args)
    {
        var grains = args.Length > 1 && int.TryParse(args[1], CultureInfo.InvariantCulture, out var n) ? n : 100_000;
        var settle = TimeSpan.FromSeconds(BenchmarkArgs.Option(args, "--settle", 65));
        var brands = (grains + Channels.Length - 1) / Channels.Length;
        grains = brands * Channels.Length;

        if (args.Contains("--components-only"))
        {
            ComponentMemory.Run(grains);
            return 0;
        }

        Console.WriteLine($"grain-memory: {grains:N0} (brand, channel) grains = {brands:N0} brands x {Channels.Length} channels, " +
            $"server GC {System.Runtime.GCSettings.IsServerGC}, settle {settle.TotalSeconds:F0} s");

        var host = BuildHost();
        await host.StartAsync();
        var factory = host.Services.GetRequiredService<IGrainFactory>();
        var management = factory.GetGrain<IManagementGrain>(0);

        await ForAllAsync(brands, b => factory.GetGrain<IBrandAlertsGrain>(Brand(b)).GetSettingsAsync());
        var start = HeapMeasure.LiveBytes();
        Console.WriteLine($"brand alert grains active: {await management.GetTotalActivationCount()} activations, heap {Mib(start)}");

        var mentions = new SyntheticMentions(seed: 42);
        var now = DateTimeOffset.UtcNow;
        var batches = new Pulse.Grains.Mentions.ScoredMention[grains][];
        long mentionCount = 0, textChars = 0;
        for (var g = 0; g < grains; g++)
        {
            batches[g] = mentions.For(Brand(g / Channels.Length), Channels[g % Channels.Length], now, TimeSpan.FromSeconds(30));
            mentionCount += batches[g].Length;
            textChars += batches[g].Sum(m => m.Mention.Text.Length);
        }

        var clock = Stopwatch.StartNew();
        await ForAllAsync(grains, g => ChannelGrain(factory, g).RecordAsync(batches[g]));
        Console.WriteLine($"loaded {mentionCount:N0} mentions ({mentionCount / (double)grains:F2} a grain, mean text {textChars / (double)mentionCount:F0} chars) in {clock.Elapsed.TotalSeconds:F1} s");
        batches = null;

        await Task.Delay(settle);
        var loaded = HeapMeasure.LiveBytes();
        var activations = await management.GetTotalActivationCount();
        Console.WriteLine($"channel grains loaded: {activations} activations, heap {Mib(loaded)}; {HeapMeasure.Describe()}");

        await ForAllAsync(grains, g => ChannelGrain(factory, g).AsReference<IGrainManagementExtension>().DeactivateOnIdle());
        while (await management.GetTotalActivationCount() > activations - grains + 64)
        {
            await Task.Delay(500);
        }

        await Task.Delay(TimeSpan.FromSeconds(5));
        var gone = HeapMeasure.LiveBytes();
        Console.WriteLine($"channel grains deactivated: {await management.GetTotalActivationCount()} activations, heap {Mib(gone)}");

        Console.WriteLine();
        Console.WriteLine($"bytes per channel grain (loaded - deactivated):      {(loaded - gone) / (double)grains,8:F0}");
        Console.WriteLine($"brand-level bytes per channel (deactivated - start): {(gone - start) / (double)grains,8:F0}");
        Console.WriteLine($"everything per channel (loaded - start):             {(loaded - start) / (double)grains,8:F0}");
        await host.StopAsync();
        host.Dispose();
        Console.WriteLine();
        ComponentMemory.Run(grains);
        return 0;
    }

    private static IBrandChannelGrain ChannelGrain(IGrainFactory factory, int g) =>
        factory.GetGrain<IBrandChannelGrain>(new ChannelKey(Brand(g / Channels.Length), Channels[g % Channels.Length]).ToString());

    private static string Brand(int b) => $"brand-{b:D6}";

    private static string Mib(long bytes) => $"{bytes / 1048576.0:F1} MiB";


    /// <summary>Calls <paramref name="call"/> for 0..count-1, a bounded number at a time.</summary>
    private static async Task ForAllAsync<T>(int count, Func<int, T> call)
        where T : notnull
    {
        const int Parallel = 2_000;
        var running = new List<Task>(Parallel);
        for (var i = 0; i < count; i++)
        {
            running.Add(AsTask(call(i)));
            if (running.Count == Parallel)
            {
                await Task.WhenAll(running);
                running.Clear();
            }
        }

        await Task.WhenAll(running);
    }

    private static Task AsTask(object call) => call switch
    {
        Task task => task,
        ValueTask valueTask => valueTask.AsTask(),
        _ => throw new InvalidOperationException($"Not awaitable: {call.GetType()}"),
    };

    private static IHost BuildHost()
    {
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            [$"{ChannelWindowOptions.Section}:SnapshotInterval"] = "00:01:00",
        });
        builder.UseOrleans(silo =>
        {
            silo.UseLocalhostClustering(Pulse.Testing.FreePort.Next(), Pulse.Testing.FreePort.Next());
            silo.AddMemoryGrainStorage(GrainStorageNames.Pulse);
            silo.AddMemoryGrainStorage("PubSubStore");
            silo.AddMemoryStreams(StreamNames.Provider);
        });
        builder.Services.AddPulseGrains(builder.Configuration).AddPulseDirectIngest();
        return builder.Build();
    }
}
