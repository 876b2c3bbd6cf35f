using System.Collections.Concurrent;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Orleans.TestingHost;
using Pulse.Grains.Digests;
using Pulse.Grains.Webhooks;

namespace Pulse.Grains.Tests.Digests;

/// <summary>
/// One in-process silo whose digest schedule reads <see cref="Clock"/> (the rest of the silo keeps real time), whose
/// digests come from <see cref="Source"/> and whose webhook jobs land in <see cref="Outbox"/> instead of being sent.
/// </summary>
public sealed class DigestClusterFixture : IAsyncLifetime
{
    public InProcessTestCluster Cluster { get; private set; } = null!;

    public IGrainFactory Grains => Cluster.Client;

    public SettableClock Clock { get; } = new();

    public RecordingDigestSource Source { get; } = new();

    public RecordingOutbox Outbox { get; } = new();

    public async Task InitializeAsync()
    {
        var builder = new InProcessTestClusterBuilder(1);
        builder.ConfigureSilo((_, silo) =>
        {
            silo.AddMemoryGrainStorage(GrainStorageNames.Pulse);
            silo.UseInMemoryReminderService();
            silo.Services.AddPulseGrains(new ConfigurationBuilder().Build()).AddPulseDirectIngest();
            silo.Services.Replace(ServiceDescriptor.Singleton(new DigestSchedule(new DigestOptions(), Clock)));
            silo.Services.Replace(ServiceDescriptor.Singleton<IBrandDigestSource>(Source));
            silo.Services.Replace(ServiceDescriptor.Singleton<IWebhookOutbox>(Outbox));
        });
        Cluster = builder.Build();
        await Cluster.DeployAsync();
    }

    public async Task DisposeAsync()
    {
        await Cluster.StopAllSilosAsync();
        await Cluster.DisposeAsync();
    }
}

/// <summary>A clock a test sets to any instant, backwards too (each test starts from its own).</summary>
public sealed class SettableClock : TimeProvider
{
    private long _ticks = DateTimeOffset.UtcNow.UtcTicks;

    public DateTimeOffset Now
    {
        get => new(Interlocked.Read(ref _ticks), TimeSpan.Zero);
        set => Interlocked.Exchange(ref _ticks, value.UtcTicks);
    }

    public override DateTimeOffset GetUtcNow() => Now;
}

/// <summary>Builds a small digest for whatever period is asked, and remembers the asks.</summary>
public sealed class RecordingDigestSource : IBrandDigestSource
{
    public ConcurrentQueue<(string Brand, DigestPeriod Period)> Asked { get; } = new();

    public bool Available => true;

    public Task<BrandDigest> BuildAsync(string brandId, DigestPeriod period, CancellationToken cancellationToken)
    {
        Asked.Enqueue((brandId, period));
        var totals = new DigestTotals(7, 0.1, 70);
        return Task.FromResult(new BrandDigest(
            brandId, brandId, period.Week, period.From, period.To, totals, totals, new DigestChange(0, 0, 0), [], [], new DigestIncidents(0, 0, null), [], null));
    }
}

/// <summary>Takes every job and sends none (deliveries stay pending).</summary>
public sealed class RecordingOutbox : IWebhookOutbox
{
    public ConcurrentQueue<WebhookJob> Jobs { get; } = new();

    public bool TryEnqueue(WebhookJob job)
    {
        Jobs.Enqueue(job);
        return true;
    }

    public WebhookJob[] For(string brand) => [.. Jobs.Where(j => j.Message is DigestMessage d && d.Digest.BrandId == brand)];
}
