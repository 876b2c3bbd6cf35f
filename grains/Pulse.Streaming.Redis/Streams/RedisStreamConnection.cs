using StackExchange.Redis;

namespace Pulse.Streaming.Redis;

/// <summary>
/// The provider's one multiplexer, shared by its adapter, receivers and log. Connected on first use and retried on
/// the next use if that fails, so a host starts (and recovers) while Redis is down.
/// </summary>
internal sealed class RedisStreamConnection(RedisStreamOptions options) : IAsyncDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private ConnectionMultiplexer? _multiplexer;

    public async Task<IDatabase> GetDatabaseAsync(CancellationToken cancellationToken = default)
    {
        var multiplexer = Volatile.Read(ref _multiplexer);
        if (multiplexer is null)
        {
            await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                multiplexer = _multiplexer ??= await ConnectionMultiplexer.ConnectAsync(
                    options.ConfigurationOptions?.Clone() ?? throw new InvalidOperationException("RedisStreamOptions.ConfigurationOptions is not set.")).ConfigureAwait(false);
            }
            finally
            {
                _gate.Release();
            }
        }

        return multiplexer.GetDatabase();
    }

    public async ValueTask DisposeAsync()
    {
        if (_multiplexer is { } multiplexer)
        {
            await multiplexer.DisposeAsync().ConfigureAwait(false);
        }

        _gate.Dispose();
    }
}
