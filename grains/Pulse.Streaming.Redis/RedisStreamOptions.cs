using System.ComponentModel.DataAnnotations;
using StackExchange.Redis;

namespace Pulse.Streaming.Redis;

/// <summary>
/// One Redis Streams provider: <see cref="Queues"/> Redis streams named <c>{KeyPrefix}:{i}</c>, each carrying the Orleans
/// stream (<see cref="StreamNamespace"/>, "i"). The fixed mapping lets producers outside Orleans write with plain XADD.
/// </summary>
public sealed class RedisStreamOptions : IValidatableObject
{
    public const int DefaultQueues = 8;
    public const int DefaultReadCount = 100;

    /// <summary>The Redis server(s) and client settings. Set <c>AbortOnConnectFail = false</c> to start while Redis is down.</summary>
    public ConfigurationOptions? ConfigurationOptions { get; set; }

    /// <summary>Prefix of every key the provider writes: queues, committed positions and <c>{KeyPrefix}:dead</c>.</summary>
    [Required]
    public string KeyPrefix { get; set; } = "orleans:streams";

    /// <summary>Number of queues (Redis streams); stream keys "0" to Queues-1.</summary>
    [Range(1, 1024)]
    public int Queues { get; set; } = DefaultQueues;

    /// <summary>The one Orleans stream namespace the provider carries.</summary>
    [Required]
    public string StreamNamespace { get; set; } = "";

    /// <summary>Most entries one poll of a queue reads (XRANGE COUNT).</summary>
    [Range(1, 10_000)]
    public int ReadCount { get; set; } = DefaultReadCount;

    /// <summary>How often each queue is polled; short, since it bounds live latency.</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "00:01:00")]
    public TimeSpan PollPeriod { get; set; } = TimeSpan.FromMilliseconds(50);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (ConfigurationOptions is null || ConfigurationOptions.EndPoints.Count == 0)
        {
            yield return new ValidationResult("RedisStreamOptions.ConfigurationOptions must name at least one Redis endpoint.", [nameof(ConfigurationOptions)]);
        }

        if (KeyPrefix is { Length: > 0 } && KeyPrefix.EndsWith(':'))
        {
            yield return new ValidationResult("RedisStreamOptions.KeyPrefix must not end with ':' (the provider adds it).", [nameof(KeyPrefix)]);
        }

        if (string.IsNullOrWhiteSpace(StreamNamespace))
        {
            yield return new ValidationResult("RedisStreamOptions.StreamNamespace must be set.", [nameof(StreamNamespace)]);
        }
    }
}
