using System.Globalization;
using System.Text.Json;
using Pulse.Grains.Brands;
using Pulse.Silo.Cluster;
using StackExchange.Redis;

namespace Pulse.Silo.Brands;

/// <summary>
/// Cluster mode's brand catalog: the hash <c>{ClusterId}:brands</c> maps each brand id to the brand's JSON (the API's
/// shape, readable with <c>redis-cli HGET</c>), and <c>{ClusterId}:brands:version</c> holds the catalog version. A write is
/// one MULTI/EXEC of the changed brands and the version, so the two never disagree.
/// </summary>
internal sealed class RedisBrandCatalogStore(IConnectionMultiplexer redis, RedisClusterOptions options) : IBrandCatalogStore
{
    // Bounds one command's size: an import of 100 000 brands is ten HSETs (in one transaction), not one huge one.
    private const int FieldsPerCommand = 10_000;

    // Read with HSCAN pages rather than one HGETALL, so a catalog of 100 000 brands does not hold up Redis for the
    // partitions' and channels' commands while it is read.
    private const int ScanPage = 4_096;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private readonly RedisKey _brands = $"{options.ClusterId}:brands";
    private readonly RedisKey _version = $"{options.ClusterId}:brands:version";

    public async Task<StoredBrandCatalog?> ReadAsync(CancellationToken cancellationToken = default)
    {
        var database = redis.GetDatabase();
        var version = await database.StringGetAsync(_version).WaitAsync(cancellationToken).ConfigureAwait(false);
        if (version.IsNull)
        {
            return null;
        }

        var brands = new List<BrandDefinition>();
        await foreach (var entry in database.HashScanAsync(_brands, pageSize: ScanPage).WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            brands.Add(Deserialize(entry));
        }

        return new StoredBrandCatalog(long.Parse((string)version!, CultureInfo.InvariantCulture), brands);
    }

    public async Task WriteAsync(long version, IReadOnlyCollection<BrandDefinition> upserted, IReadOnlyCollection<string> deleted, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(upserted);
        ArgumentNullException.ThrowIfNull(deleted);
        var transaction = redis.GetDatabase().CreateTransaction();
        foreach (var chunk in deleted.Chunk(FieldsPerCommand))
        {
            _ = transaction.HashDeleteAsync(_brands, [.. chunk.Select(id => (RedisValue)id)]);
        }

        foreach (var chunk in upserted.Chunk(FieldsPerCommand))
        {
            _ = transaction.HashSetAsync(_brands, [.. chunk.Select(b => new HashEntry(b.Id, JsonSerializer.SerializeToUtf8Bytes(b, Json)))]);
        }

        _ = transaction.StringSetAsync(_version, version);
        if (!await transaction.ExecuteAsync().WaitAsync(cancellationToken).ConfigureAwait(false))
        {
            throw new RedisException($"Brand catalog version {version} was not written (transaction discarded).");
        }
    }

    private BrandDefinition Deserialize(HashEntry entry)
    {
        try
        {
            return JsonSerializer.Deserialize<BrandDefinition>((byte[])entry.Value!, Json)
                ?? throw new JsonException("null");
        }
        catch (JsonException ex)
        {
            throw new InvalidDataException($"Brand '{entry.Name}' in Redis hash '{_brands}' is not a brand's JSON: {ex.Message}", ex);
        }
    }
}
