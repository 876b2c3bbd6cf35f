using StackExchange.Redis;
using Pulse.Ingest.Contracts;

namespace Pulse.Load;

/// <summary>
/// Appends batches straight to the ingest log: per partition one <c>XADD {clusterId}:ingest:{partition} * mentions
/// [JSON array]</c>. Like a producer that knows what each post is about (docs/ingest-log.md), it appends a mention to
/// the partition that owns the brand it was written for, untagged, so Pulse still matches it; probes, written for no
/// pool brand, go by their id. The XADDs of a batch go out as one pipelined Redis batch.
/// </summary>
internal sealed class RedisLoadSender : ILoadSender
{
    private static readonly RedisValue MentionsField = "mentions";

    private readonly IDatabase _database;
    private readonly RedisKey[] _keys;
    private readonly LoadBatch[] _partitions;
    private readonly int[] _brandPartitions;

    public RedisLoadSender(IDatabase database, string clusterId, int partitions, IReadOnlyList<LoadBrand> brands)
    {
        _database = database;
        _brandPartitions = [.. brands.Select(b => IngestPartitions.OfBrand(b.Id, partitions))];
        _keys = [.. Enumerable.Range(0, partitions).Select(p => (RedisKey)IngestLogKey(clusterId, p))];
        _partitions = [.. Enumerable.Range(0, partitions).Select(_ => new LoadBatch(jsonArray: true))];
    }

    public static string IngestLogKey(string clusterId, int partition) => $"{clusterId}:ingest:{partition}";

    public void Begin(DateTimeOffset timestamp)
    {
        foreach (var batch in _partitions)
        {
            batch.Begin(timestamp);
        }
    }

    public void Add(ReadOnlySpan<char> id, PooledMention mention) =>
        _partitions[mention.BrandIndex >= 0 ? _brandPartitions[mention.BrandIndex] : IngestPartitions.Of(id, _partitions.Length)].Add(id, mention);

    public async Task<SendOutcome> SendAsync(CancellationToken cancellationToken)
    {
        var pipeline = _database.CreateBatch();
        var adds = new List<(Task<RedisValue> Add, int Count)>(_partitions.Length);
        for (var p = 0; p < _partitions.Length; p++)
        {
            if (_partitions[p].Count > 0)
            {
                adds.Add((pipeline.StreamAddAsync(_keys[p], MentionsField, _partitions[p].Complete()), _partitions[p].Count));
            }
        }

        pipeline.Execute();
        int accepted = 0, failed = 0;
        string? error = null;
        foreach (var (add, count) in adds)
        {
            try
            {
                await add.WaitAsync(cancellationToken).ConfigureAwait(false);
                accepted += count;
            }
            catch (Exception e) when (e is RedisException or TimeoutException)
            {
                failed += count;
                error = e is TimeoutException or RedisTimeoutException ? "timeout" : "redis";
            }
        }

        return new SendOutcome(accepted, failed, error);
    }
}
