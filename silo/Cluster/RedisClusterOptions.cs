using System.ComponentModel.DataAnnotations;
using StackExchange.Redis;

namespace Pulse.Silo.Cluster;

/// <summary>
/// Cluster mode's one external dependency (section "Pulse:Redis", or `--redis HOST:PORT` with
/// `--redis-password` and `--redis-tls`). Set <see cref="Endpoint"/> and `pulse` runs in cluster mode:
/// membership, grain state and the ingest log all live in this Redis.
/// </summary>
public sealed class RedisClusterOptions
{
    public const string Section = "Pulse:Redis";

    /// <summary>HOST:PORT of the Redis server; empty means the embedded default (no Redis).</summary>
    public string? Endpoint { get; set; }

    public string? Password { get; set; }

    public bool Tls { get; set; }

    /// <summary>Orleans cluster id: silos with the same Redis and cluster id form one cluster.</summary>
    [Required]
    public string ClusterId { get; set; } = "pulse";

    /// <summary>How long a Redis call may take before it counts as failed (ingest then answers 503).</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:01:00")]
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(5);

    public bool Enabled => !string.IsNullOrWhiteSpace(Endpoint);

    /// <summary>StackExchange.Redis settings for every Redis client Pulse creates (clustering, storage, streams).</summary>
    public ConfigurationOptions ToConfigurationOptions()
    {
        var options = new ConfigurationOptions
        {
            Password = string.IsNullOrEmpty(Password) ? null : Password,
            Ssl = Tls,
            AbortOnConnectFail = false, // start, and recover, while Redis is down; calls fail fast meanwhile
            ConnectTimeout = (int)Timeout.TotalMilliseconds,
            SyncTimeout = (int)Timeout.TotalMilliseconds,
            AsyncTimeout = (int)Timeout.TotalMilliseconds,
            ClientName = "pulse",
        };
        options.EndPoints.Add(Endpoint ?? throw new InvalidOperationException("Pulse:Redis:Endpoint is not set."));
        return options;
    }
}
