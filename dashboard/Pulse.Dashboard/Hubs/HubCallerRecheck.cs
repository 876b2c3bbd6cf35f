using System.Security.Claims;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Pulse.Dashboard.Hubs;

/// <summary>
/// Every <see cref="LiveHubOptions.RecheckInterval"/>, asks <see cref="IHubCallerCheck"/> about each caller with an open
/// connection (once per caller, however many tabs it has) and closes the connections of those no longer current. A failing
/// check closes nothing: an unreachable store must not blank every war-room screen.
/// </summary>
internal sealed partial class HubCallerRecheck(
    HubConnections connections,
    IHubCallerCheck check,
    IOptions<LiveHubOptions> options,
    TimeProvider clock,
    ILogger<HubCallerRecheck> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(options.Value.RecheckInterval, clock);
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false))
        {
            try
            {
                await SweepAsync(stoppingToken).ConfigureAwait(false);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                LogCheckFailed(e);
            }
        }
    }

    /// <summary>One pass; returns how many connections it closed.</summary>
    internal async Task<int> SweepAsync(CancellationToken cancellationToken)
    {
        var verdicts = new Dictionary<string, bool>(StringComparer.Ordinal);
        var closed = 0;
        foreach (var connection in connections.Snapshot())
        {
            var caller = connection.User ?? new ClaimsPrincipal();
            var id = caller.FindFirstValue(ClaimTypes.NameIdentifier) ?? "";
            if (!verdicts.TryGetValue(id, out var current))
            {
                current = id.Length > 0 && await check.IsCurrentAsync(caller, cancellationToken).ConfigureAwait(false);
                verdicts[id] = current;
            }

            if (!current)
            {
                LogClosing(connection.ConnectionId, id);
                connection.Abort();
                closed++;
            }
        }

        return closed;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Closing hub connection {ConnectionId}: its caller '{Caller}' was revoked, deleted or changed.")]
    private partial void LogClosing(string connectionId, string caller);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Re-checking the hub's callers failed; connections stay open until the next pass.")]
    private partial void LogCheckFailed(Exception exception);
}
