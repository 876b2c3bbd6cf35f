using Microsoft.Extensions.Logging;
using Orleans.Streams;
using Pulse.Grains.Brands;
using Pulse.Grains.Channels;
using Pulse.Grains.Mentions;

namespace Pulse.Grains.Ingest;

/// <summary>
/// Where a mention becomes window updates: matches and scores each batch from its partition stream,
/// then hands every (brand, channel) grain its share as one call. Batches are processed one at a time,
/// which pushes back on the stream when grains fall behind.
/// </summary>
[ImplicitStreamSubscription(StreamNames.IngestNamespace)]
internal sealed partial class IngestPartitionGrain(
    BrandMatcherCache brands,
    MentionEnricher enricher,
    ILogger<IngestPartitionGrain> logger) : Grain, IIngestPartitionGrain
{
    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        var stream = this.GetStreamProvider(StreamNames.Provider)
            .GetStream<MentionBatch>(StreamId.Create(StreamNames.IngestNamespace, this.GetPrimaryKeyString()));
        await stream.SubscribeAsync((batch, _) => ProcessAsync(batch));
    }

    private async Task ProcessAsync(MentionBatch batch)
    {
        var compiled = await brands.CurrentAsync();
        var groups = enricher.Enrich(batch.Mentions, compiled, out var unmatched);
        if (unmatched > 0)
        {
            LogUnmatched(unmatched, batch.Mentions.Length);
        }

        var calls = new List<Task>(groups.Count);
        foreach (var (key, mentions) in groups)
        {
            calls.Add(GrainFactory.GetGrain<IBrandChannelGrain>(key.ToString()).RecordAsync([.. mentions]));
        }

        await Task.WhenAll(calls);
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "{Unmatched} of {Total} mentions matched no brand and were dropped")]
    private partial void LogUnmatched(int unmatched, int total);
}
