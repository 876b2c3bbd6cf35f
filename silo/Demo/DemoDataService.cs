using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Pulse.Grains.Mentions;
using Pulse.Grains.Telemetry;

namespace Pulse.Silo.Demo;

/// <summary>Feeds the scenario's mentions into the cluster tick by tick while the demo is enabled.</summary>
internal sealed class DemoDataService(
    IOptions<DemoOptions> options,
    IMentionIngestor ingestor,
    TimeProvider timeProvider,
    PulseMetrics metrics,
    ILogger<DemoDataService> logger) : BackgroundService
{
    // After a stall (debugger, GC, slow ingest) replaying minutes of traffic at once would flood the silo.
    private static readonly TimeSpan MaxCatchUp = TimeSpan.FromSeconds(5);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        if (!settings.Enabled)
        {
            DemoLog.Disabled(logger);
            return;
        }

        var brands = DemoBrands.Load(settings.BrandsFile);
        var start = timeProvider.GetUtcNow();
        var scenario = new DemoScenario(brands, settings, start);
        DemoLog.Started(logger, brands.Count, settings.Seed, settings.RateMultiplier, settings.CrisisInterval, start + settings.FirstCrisisDelay);

        using var timer = new PeriodicTimer(settings.TickInterval, timeProvider);
        var lastTick = start;
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false))
            {
                var now = timeProvider.GetUtcNow();
                if (now - lastTick > MaxCatchUp)
                {
                    DemoLog.SkippedAhead(logger, now - lastTick);
                    lastTick = now - MaxCatchUp;
                }

                await TickAsync(scenario, settings, lastTick, now, stoppingToken).ConfigureAwait(false);
                lastTick = now;
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Host shutdown.
        }
    }

    private async Task TickAsync(DemoScenario scenario, DemoOptions settings, DateTimeOffset from, DateTimeOffset to, CancellationToken stoppingToken)
    {
        foreach (var crisis in scenario.CrisesStartingIn(from, to))
        {
            DemoLog.CrisisStarted(logger, crisis.Number, crisis.BrandName, crisis.Hashtag, settings.CrisisDuration);
        }

        var mentions = scenario.Generate(from, to);
        if (mentions.Count == 0)
        {
            return;
        }

        try
        {
            var taken = await ingestor.IngestAsync(mentions, stoppingToken).ConfigureAwait(false);
            metrics.Ingested(PulseMetrics.DemoSource, mentions.Count, taken.Mentions, taken.Matched);
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
        {
            // A demo that stops at the first hiccup shows nothing; the next tick tries again.
            DemoLog.IngestFailed(logger, exception, mentions.Count);
        }
    }
}
