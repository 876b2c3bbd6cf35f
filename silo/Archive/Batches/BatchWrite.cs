using Pulse.Analytics.TextSearch;
using Pulse.Grains.Archive;
using Pulse.Grains.Mentions;

namespace Pulse.Silo.Archive.Batches;

/// <summary>
/// One archive write: the deliveries a writer gathered, without the mentions already held, packed into a batch per
/// (brand, partition, hour) and written with their rollups in one transaction. One per writer loop: it keeps its buffers.
/// </summary>
internal sealed class BatchWrite(SearchAnalyzer analyzer)
{
    private readonly BatchBuilder _builder = new(analyzer);
    private readonly WriteGroups _groups = new();
    private readonly RollupDelta _hourly = new();
    private readonly RollupDelta _daily = new();
    private readonly List<NewBatch> _batches = [];

    /// <summary>Writes <paramref name="deliveries"/>; returns how many mentions were new (the rest were held already).</summary>
    public async Task<int> WriteAsync(
        ArchiveDatabase database, IReadOnlyList<(IReadOnlyList<ScoredMention> Mentions, ArchiveOrigin? Origin)> deliveries, CancellationToken cancellationToken)
    {
        _groups.Clear();
        foreach (var replay in deliveries.Where(d => d.Origin is { Replayed: true }).GroupBy(d => d.Origin!.Value.Partition))
        {
            var committed = replay.Min(d => d.Origin!.Value.Committed);
            var brands = replay.SelectMany(d => d.Mentions).Select(m => m.BrandId).ToHashSet(StringComparer.Ordinal);
            await BatchRows.AddWrittenAsync(database, replay.Key, committed, brands, _groups.Written, cancellationToken);
        }

        foreach (var (mentions, origin) in deliveries)
        {
            _groups.Add(mentions, origin);
        }

        _batches.Clear();
        _hourly.Clear();
        foreach (var (brand, partition, mentions, last) in _groups.Groups)
        {
            _batches.Add(_builder.Build(brand, partition, last, mentions));
            foreach (var scored in mentions)
            {
                _hourly.Add(scored);
            }
        }

        _hourly.SumDays(_daily);

        if (_batches.Count > 0)
        {
            await BatchRows.WriteAsync(database, _batches, _hourly, _daily, cancellationToken);
        }

        return _groups.Mentions;
    }
}
