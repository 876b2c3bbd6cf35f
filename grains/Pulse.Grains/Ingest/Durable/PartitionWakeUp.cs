using System.Globalization;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Pulse.Grains.Ingest.Durable;

/// <summary>
/// Cluster mode: whenever membership declares a silo dead, wakes every ingest partition grain, so that those that died
/// with it reactivate and replay what they held uncommitted.
/// </summary>
/// <remarks>
/// A partition grain is otherwise activated only by its stream. The stream's reader lives wherever the queue balancer
/// put it, not necessarily with the grain, and it had already handed the dead grain every entry it read; unless new
/// entries arrive, it delivers nothing more, and the mentions the dead grain had not yet handed on (or whose grains died
/// with it before saving) would stay uncounted. Waking all partitions is one call each; live ones just answer.
/// </remarks>
internal sealed partial class PartitionWakeUp(
    IClusterMembershipService membership,
    IGrainFactory grains,
    IOptions<IngestPartitionOptions> partitions,
    TimeProvider clock,
    ILogger<PartitionWakeUp> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var dead = new HashSet<SiloAddress>();
        try
        {
            await foreach (var snapshot in membership.MembershipUpdates.WithCancellation(stoppingToken))
            {
                var newlyDead = snapshot.Members.Values
                    .Where(m => m.Status == SiloStatus.Dead && dead.Add(m.SiloAddress))
                    .Select(m => m.SiloAddress)
                    .ToList();
                if (newlyDead.Count > 0)
                {
                    LogWaking(newlyDead.Count, partitions.Value.Partitions);
                    await Task.WhenAll(Enumerable.Range(0, partitions.Value.Partitions).Select(p => WakeAsync(p, stoppingToken)));
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // stopping
        }
    }

    private async Task WakeAsync(int partition, CancellationToken stoppingToken)
    {
        var grain = grains.GetGrain<IIngestPartitionGrain>(partition.ToString(CultureInfo.InvariantCulture));
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await grain.WakeAsync().WaitAsync(stoppingToken);
                return;
            }
            catch (Exception) when (!stoppingToken.IsCancellationRequested && attempt < 10)
            {
                // Placement may still be settling right after the death: back off (up to about half a minute in all).
                await Task.Delay(RetryBackoff.Delay(attempt, Random.Shared.NextDouble()), clock, stoppingToken);
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                // Orleans' own timeouts surface as OperationCanceledException too: only the host stopping ends this quietly.
                // Its stream's next batch, or the next silo death, activates it instead; /healthz shows a stall meanwhile.
                LogWakeFailed(partition, ex.Message);
                return;
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "{Silos} silo(s) declared dead: waking the {Partitions} ingest partitions, so that any that died with one replay from their commit")]
    private partial void LogWaking(int silos, int partitions);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Ingest partition {Partition} could not be woken after a silo died: {Reason}")]
    private partial void LogWakeFailed(int partition, string reason);
}
