using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Pulse.Grains.Digests;

/// <summary>
/// On a silo with the archive: once the host has started, makes sure the scheduler's reminder exists (every silo asks;
/// the first registers it). Retried a few times, as a cluster that is still forming may refuse the call.
/// </summary>
internal sealed partial class DigestSchedulerStart(
    IGrainFactory grains, IBrandDigestSource source, IHostApplicationLifetime lifetime, TimeProvider clock, ILogger<DigestSchedulerStart> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!source.Available)
        {
            return;
        }

        var started = new TaskCompletionSource();
        using (lifetime.ApplicationStarted.Register(started.SetResult))
        {
            await started.Task.WaitAsync(stoppingToken).ConfigureAwait(false);
        }

        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await grains.GetGrain<IDigestSchedulerGrain>(IDigestSchedulerGrain.Key).StartAsync().ConfigureAwait(false);
                return;
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                if (attempt == 10)
                {
                    // Not fatal to the host: another silo's start, or this one's next, registers the reminder.
                    LogGaveUp(e);
                    return;
                }

                LogRetry(e, attempt);
                await Task.Delay(TimeSpan.FromSeconds(10), clock, stoppingToken).ConfigureAwait(false);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Could not start the digest scheduler; weekly digests wait for a silo that can")]
    private partial void LogGaveUp(Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not start the digest scheduler (attempt {Attempt}); retrying")]
    private partial void LogRetry(Exception exception, int attempt);
}
