using System.Net.Sockets;
using Microsoft.Extensions.Options;
using Orleans.Configuration;

namespace Pulse.Silo.Cluster.Membership;

/// <summary>
/// While this silo joins the cluster, declares dead any member listed as active whose silo port refuses connections.
/// </summary>
/// <remarks>
/// A joining Orleans silo first pings every active member and waits, up to
/// <see cref="ClusterMembershipOptions.MaxJoinAttemptTime"/> (5 min), until all of them answer. Only active members
/// probe and vote silos dead. So when the silos of a cluster start together and the first one to become active is
/// killed before another one joins, nobody is left to declare it dead and every other silo waits five minutes, then fails
/// to start. This watch breaks that deadlock with the evidence Orleans itself would need: the member refused
/// <see cref="ClusterMembershipOptions.NumMissedProbesLimit"/> connection attempts in a row, one per
/// <see cref="ClusterMembershipOptions.ProbeTimeout"/>. It starts only after one probe timeout of joining, so a normal
/// join, which takes milliseconds, never opens a connection from here, and it stops once this silo is active.
/// </remarks>
internal sealed partial class JoinWatch(
    IClusterMembershipService membership,
    ILocalSiloDetails local,
    IOptions<ClusterMembershipOptions> options,
    ILogger<JoinWatch> logger) : ILifecycleParticipant<ISiloLifecycle>, IDisposable
{
    private readonly CancellationTokenSource _active = new();
    private Task _watching = Task.CompletedTask;

    public void Participate(ISiloLifecycle lifecycle)
    {
        ArgumentNullException.ThrowIfNull(lifecycle);
        // The silo becomes Joining in AfterRuntimeGrainServices and validates connectivity just before BecomeActive.
        lifecycle.Subscribe(nameof(JoinWatch), ServiceLifecycleStage.AfterRuntimeGrainServices, _ =>
        {
            _watching = Task.Run(() => WatchAsync(_active.Token), CancellationToken.None);
            return Task.CompletedTask;
        }, _ => StopAsync());
        lifecycle.Subscribe(nameof(JoinWatch), ServiceLifecycleStage.Active, _ => StopAsync(), _ => Task.CompletedTask);
    }

    private async Task StopAsync()
    {
        await _active.CancelAsync();
        await _watching;
    }

    public void Dispose() => _active.Dispose();

    private async Task WatchAsync(CancellationToken active)
    {
        var interval = options.Value.ProbeTimeout;
        var refused = new RefusedPeers<SiloAddress>(options.Value.NumMissedProbesLimit);
        try
        {
            await Task.Delay(interval, active);
            while (!active.IsCancellationRequested)
            {
                var peers = membership.CurrentSnapshot.ActiveSilos().Where(s => !s.Equals(local.SiloAddress)).ToList();
                refused.KeepOnly(peers);
                foreach (var peer in peers)
                {
                    if (refused.Observe(peer, await RefusesAsync(peer, interval, active)))
                    {
                        LogDeclaringDead(peer, options.Value.NumMissedProbesLimit);
                        await membership.TryKill(peer);
                    }
                }

                await Task.Delay(interval, active);
            }
        }
        catch (OperationCanceledException) when (active.IsCancellationRequested)
        {
            // active, or stopping
        }
        catch (Exception ex)
        {
            // Never fail the silo over this: Orleans' own join timeout still applies.
            LogWatchFailed(ex);
        }
    }

    private static async Task<bool> RefusesAsync(SiloAddress peer, TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var socket = new Socket(peer.Endpoint.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        try
        {
            await socket.ConnectAsync(peer.Endpoint, deadline.Token);
            return false;
        }
        catch (SocketException ex) when (ex.SocketErrorCode == SocketError.ConnectionRefused)
        {
            return true;
        }
        catch (Exception ex) when (ex is SocketException || (ex is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            return false; // no answer is not proof of death
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Silo {Silo} is listed as active but refused {Attempts} connections in a row while this silo joins; declaring it dead so that the cluster can form")]
    private partial void LogDeclaringDead(SiloAddress silo, int attempts);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The join watch stopped")]
    private partial void LogWatchFailed(Exception exception);
}
