using Pulse.Silo.Cluster;

namespace Pulse.Silo.Hosting;

/// <summary>What one `pulse` process is: a silo (embedded or cluster) serving everything, or a dashboard-only Orleans client.</summary>
public enum PulseHostKind
{
    /// <summary>The default: one silo, in-memory state, no external dependency.</summary>
    EmbeddedSilo,

    /// <summary>`--redis`: a silo of a cluster whose membership, state and ingest log live in Redis.</summary>
    ClusterSilo,

    /// <summary>`--dashboard-only`: an Orleans client of a cluster serving dashboards and the read and alert APIs; no ingest.</summary>
    DashboardOnly,
}

/// <summary>The host's kind, decided once from configuration and registered as a service so mapping can follow it.</summary>
public sealed record PulseHostMode(PulseHostKind Kind)
{
    public const string DashboardOnlyKey = "Pulse:DashboardOnly";

    public bool RunsSilo => Kind != PulseHostKind.DashboardOnly;

    public static PulseHostMode From(IConfiguration configuration, RedisClusterOptions redis, DashboardClientOptions client)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(redis);
        ArgumentNullException.ThrowIfNull(client);
        if (!configuration.GetValue<bool>(DashboardOnlyKey))
        {
            return new PulseHostMode(redis.Enabled ? PulseHostKind.ClusterSilo : PulseHostKind.EmbeddedSilo);
        }

        if (!redis.Enabled && client.GatewayEndpoints().Count == 0)
        {
            throw new InvalidOperationException("--dashboard-only joins a cluster: give --redis HOST:PORT (or --gateway HOST:PORT).");
        }

        if (configuration.GetValue<bool>("Pulse:Demo:Enabled"))
        {
            throw new InvalidOperationException("--demo feeds mentions through a silo's ingest; a --dashboard-only host has none.");
        }

        return new PulseHostMode(PulseHostKind.DashboardOnly);
    }
}
