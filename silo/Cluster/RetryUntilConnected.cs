namespace Pulse.Silo.Cluster;

/// <summary>A dashboard-only host waits for the cluster (silos still starting, Redis briefly down) instead of failing its start.</summary>
internal sealed partial class RetryUntilConnected(ILogger<RetryUntilConnected> logger) : IClientConnectionRetryFilter
{
    private static readonly TimeSpan Delay = TimeSpan.FromSeconds(2);

    public async Task<bool> ShouldRetryConnectionAttempt(Exception exception, CancellationToken cancellationToken)
    {
        LogNotConnected(exception.Message);
        try
        {
            await Task.Delay(Delay, cancellationToken);
        }
        catch (OperationCanceledException)
        {
            return false;
        }

        return true;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Cannot reach the cluster yet ({Reason}); retrying")]
    private partial void LogNotConnected(string reason);
}
