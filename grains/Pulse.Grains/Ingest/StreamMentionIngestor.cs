using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Runtime;
using Orleans.Streams;
using Pulse.Grains.Brands;
using Pulse.Grains.Feeds;
using Pulse.Grains.Mentions;
using Pulse.Ingest.Contracts;

namespace Pulse.Grains.Ingest;

/// <summary>
/// Publishes mentions to the ingest partitions' streams, routed by brand: each mention is matched here and appended,
/// tagged with its brand, to the partition that owns that brand (once per brand it names), so each partition feeds and
/// checkpoints only its own brands' (brand, channel) grains. Mentions that name no brand are not logged.
/// </summary>
/// <remarks>
/// Exactness does not depend on the routing: a (brand, channel) grain de-duplicates by mention id whichever partition
/// a mention comes from, and producers writing to the log directly may pick any partition (docs/ingest-log.md).
/// </remarks>
internal sealed partial class StreamMentionIngestor(
    IClusterClient client,
    BrandMatcherCache brands,
    FeedCounter feeds,
    IOptions<IngestPartitionOptions> options,
    ILogger<StreamMentionIngestor> logger) : IMentionIngestor
{
    public async Task<IngestOutcome> IngestAsync(IReadOnlyList<Mention> mentions, CancellationToken cancellationToken = default)
    {
        if (mentions.Count == 0)
        {
            return IngestOutcome.None;
        }

        var compiled = await brands.CurrentForIngestAsync();
        var partitions = options.Value.Partitions;
        var groups = Route(mentions, compiled, partitions, out var matched);
        var unmatched = mentions.Count - matched.Count;
        if (unmatched > 0)
        {
            LogUnmatched(unmatched, mentions.Count);
        }

        var provider = client.GetStreamProvider(StreamNames.Provider);
        var sends = new List<Task>(partitions);
        for (var p = 0; p < partitions; p++)
        {
            if (groups[p] is { } group)
            {
                var stream = provider.GetStream<MentionBatch>(StreamId.Create(StreamNames.IngestNamespace, p.ToString(System.Globalization.CultureInfo.InvariantCulture)));
                sends.Add(stream.OnNextAsync(new MentionBatch([.. group])));
            }
        }

        try
        {
            await Task.WhenAll(sends).WaitAsync(cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            throw new IngestUnavailableException("The ingest log did not store the batch.", ex);
        }

        feeds.Count(mentions); // every accepted mention, matched or not: the channel's feed as it arrives
        return new IngestOutcome(mentions.Count, matched);
    }

    /// <summary>
    /// Each mention, tagged with each brand it names, in the list of the partition that owns that brand;
    /// <paramref name="matched"/> the mentions that named at least one.
    /// </summary>
    internal static List<Mention>?[] Route(IReadOnlyList<Mention> mentions, CompiledBrands brands, int partitions, out List<Mention> matched)
    {
        var groups = new List<Mention>?[partitions];
        matched = brands.MatchAll(mentions, (mention, matched) =>
        {
            foreach (var brandId in matched)
            {
                var routed = string.Equals(mention.Brand, brandId, StringComparison.Ordinal) ? mention : mention with { Brand = brandId };
                (groups[IngestPartitions.OfBrand(brandId, partitions)] ??= []).Add(routed);
            }
        });
        return groups;
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "{Unmatched} of {Total} mentions matched no brand and were not logged")]
    private partial void LogUnmatched(int unmatched, int total);
}
