using Microsoft.Extensions.Options;
using Orleans.Runtime;
using Orleans.Streams;
using Pulse.Grains.Mentions;

namespace Pulse.Grains.Ingest;

/// <summary>
/// Publishes mentions to the ingest partitions' streams. A mention's partition follows from its id,
/// so a re-sent mention lands on the same partition and its (brand, channel) grain de-duplicates it.
/// </summary>
internal sealed class StreamMentionIngestor(IClusterClient client, IOptions<IngestPartitionOptions> options) : IMentionIngestor
{
    public async Task IngestAsync(IReadOnlyList<Mention> mentions, CancellationToken cancellationToken = default)
    {
        if (mentions.Count == 0)
        {
            return;
        }

        var partitions = options.Value.Partitions;
        var groups = IngestPartitions.Split(mentions, partitions);

        var provider = client.GetStreamProvider(StreamNames.Provider);
        var sends = new List<Task>(partitions);
        for (var p = 0; p < partitions; p++)
        {
            if (groups[p] is { } group)
            {
                var stream = provider.GetStream<MentionBatch>(StreamId.Create(StreamNames.IngestNamespace, p.ToString(System.Globalization.CultureInfo.InvariantCulture)));
                sends.Add(stream.OnNextAsync(new MentionBatch(group)));
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
    }
}
