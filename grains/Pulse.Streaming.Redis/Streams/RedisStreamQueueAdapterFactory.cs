using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Configuration;
using Orleans.Providers.Streams.Common;
using Orleans.Streams;

namespace Pulse.Streaming.Redis;

/// <summary>Builds one provider's pieces: fixed queue mapper, simple cache, adapter and per-queue receivers.</summary>
internal sealed class RedisStreamQueueAdapterFactory : IQueueAdapterFactory
{
    private const int CombinedCacheSize = 40;

    private readonly RedisQueueMapper _mapper;
    private readonly IQueueAdapterCache _cache;
    private readonly RedisStreamQueueAdapter _adapter;
    private readonly IStreamFailureHandler _failureHandler = new NoOpStreamDeliveryFailureHandler(false);

    private RedisStreamQueueAdapterFactory(IServiceProvider services, string name)
    {
        var options = services.GetRequiredService<IOptionsMonitor<RedisStreamOptions>>().Get(name);
        var loggerFactory = services.GetRequiredService<ILoggerFactory>();
        var parts = services.GetRequiredKeyedService<RedisStreamParts>(name);
        _mapper = new RedisQueueMapper(options, name);
        var cacheOptions = services.GetRequiredService<IOptionsMonitor<SimpleQueueCacheOptions>>().Get(name);
        if (parts.Decoder.Combines && cacheOptions.CacheSize > CombinedCacheSize)
        {
            // A combined container holds up to ReadCount entries: keep about as many entries read ahead as the default
            // cache of single entries would.
            cacheOptions = new SimpleQueueCacheOptions { CacheSize = CombinedCacheSize };
        }

        _cache = new SimpleQueueAdapterCache(cacheOptions, name, loggerFactory);
        var deadLetters = new RedisDeadLetters(parts.Keys);
        var receiverLogger = loggerFactory.CreateLogger<RedisStreamQueueReceiver>();
        _adapter = new RedisStreamQueueAdapter(name, _mapper, parts.Keys, parts.Connection, parts.Codec, queueId =>
        {
            var queue = RedisQueueMapper.NumberOf(queueId);
            return new RedisStreamQueueReceiver(queue, _mapper.StreamOf(queue), options.ReadCount, parts.Keys, parts.Connection,
                parts.Log, parts.Decoder, deadLetters, receiverLogger);
        });
    }

    public static IQueueAdapterFactory Create(IServiceProvider services, string name) => new RedisStreamQueueAdapterFactory(services, name);

    public Task<IQueueAdapter> CreateAdapter() => Task.FromResult<IQueueAdapter>(_adapter);

    public Task<IStreamFailureHandler> GetDeliveryFailureHandler(QueueId queueId) => Task.FromResult(_failureHandler);

    public IQueueAdapterCache GetQueueAdapterCache() => _cache;

    public IStreamQueueMapper GetStreamQueueMapper() => _mapper;
}
