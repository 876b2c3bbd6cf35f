using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Pulse.Sources.Running;

/// <summary>
/// On every silo: once the host has started, asks every catalogued source grain to be running, every
/// <see cref="SourcesOptions.SupervisorInterval"/>. Grains are single-activation, so each source runs once in the cluster;
/// when a silo dies, the next round (from any survivor) activates its sources elsewhere, and they resume from their
/// saved cursors. A call to a running source is a no-op.
/// </summary>
internal sealed partial class SourceSupervisor(
    IGrainFactory grains,
    IHostApplicationLifetime lifetime,
    IOptions<SourcesOptions> options,
    TimeProvider clock,
    ILogger<SourceSupervisor> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var started = new TaskCompletionSource();
        using (lifetime.ApplicationStarted.Register(started.SetResult))
        {
            await started.Task.WaitAsync(stoppingToken).ConfigureAwait(false);
        }

        using var timer = new PeriodicTimer(options.Value.SupervisorInterval, clock);
        do
        {
            try
            {
                var sources = await grains.GetGrain<ISourceCatalogGrain>(ISourceCatalogGrain.Key).ListAsync().ConfigureAwait(false);
                await Task.WhenAll(sources.Select(s => grains.GetGrain<ISourceGrain>(s.Id).SuperviseAsync(s))).ConfigureAwait(false);
            }
#pragma warning disable CA1031 // a round that fails (a silo just died, Redis blinked) is simply tried again next round
            catch (Exception e) when (e is not OperationCanceledException)
#pragma warning restore CA1031
            {
                LogRoundFailed(e);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false));
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Source supervision round failed; retrying next round")]
    private partial void LogRoundFailed(Exception exception);
}
