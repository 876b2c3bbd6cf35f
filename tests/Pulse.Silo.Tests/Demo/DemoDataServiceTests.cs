using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Pulse.Grains;
using Pulse.Grains.Telemetry;
using Pulse.Silo.Demo;

namespace Pulse.Silo.Tests.Demo;

public class DemoDataServiceTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task FeedsUniqueMentionsToTheIngestorWhileEnabled()
    {
        var ingestor = new RecordingIngestor();

        await RunUntil(ingestor, enabled: true, () => ingestor.Batches.Count >= 3);

        var ids = ingestor.Batches.SelectMany(b => b).Select(m => m.Id).ToList();
        Assert.NotEmpty(ids);
        Assert.Equal(ids.Count, ids.Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public async Task KeepsFeedingAfterTheIngestorFails()
    {
        var ingestor = new RecordingIngestor(failFirst: 2);

        await RunUntil(ingestor, enabled: true, () => !ingestor.Batches.IsEmpty);

        Assert.True(ingestor.Calls >= 3);
        Assert.NotEmpty(ingestor.Batches);
    }

    [Fact]
    public async Task StaysSilentWhenDisabled()
    {
        var ingestor = new RecordingIngestor();
        var timeline = Task.Delay(TimeSpan.FromMilliseconds(300));

        await RunUntil(ingestor, enabled: false, () => timeline.IsCompleted);

        Assert.Equal(0, ingestor.Calls);
    }

    private static async Task RunUntil(RecordingIngestor ingestor, bool enabled, Func<bool> done)
    {
        var options = Options.Create(new DemoOptions
        {
            Enabled = enabled,
            TickInterval = TimeSpan.FromMilliseconds(20),
            RateMultiplier = 5, // a few mentions every tick
            BrandsFile = DemoBrands.DefaultFilePath,
        });
        using var services = new ServiceCollection().AddPulseMetrics().BuildServiceProvider();
        using var service = new DemoDataService(options, ingestor, TimeProvider.System, services.GetRequiredService<PulseMetrics>(), NullLogger<DemoDataService>.Instance);

        await service.StartAsync(CancellationToken.None);
        var deadline = DateTime.UtcNow + Patience;
        while (!done() && DateTime.UtcNow < deadline)
        {
            await Task.Delay(20);
        }

        await service.StopAsync(CancellationToken.None);
        Assert.True(done(), "condition not reached in time");
    }
}
