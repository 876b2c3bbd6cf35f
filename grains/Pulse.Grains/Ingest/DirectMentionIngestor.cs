using System.Diagnostics;
using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Pulse.Grains.Brands;
using Pulse.Grains.Feeds;
using Pulse.Grains.Mentions;
using Pulse.Grains.Telemetry;
using Pulse.Ingest.Contracts;

namespace Pulse.Grains.Ingest;

/// <summary>
/// The embedded default's ingest: matches and scores each request's mentions on the request's own thread, then hands
/// them straight to the partition grains, without a stream in between. Memory streams serialised every batch to bytes
/// and back and pulled it through a queue grain; a grain call with an immutable argument passes the same objects by
/// reference within the silo.
/// </summary>
/// <remarks>
/// <para>
/// Partitions own brands, not mention ids: a brand's mentions all go through one partition, so each partition feeds
/// only its own brands' (brand, channel) grains and a delivery makes about a third of the grain calls it made when
/// every partition fed every grain.
/// </para>
/// <para>
/// Each partition has a bounded inbox: <see cref="IngestAsync"/> returns once the mentions are queued there (the 202)
/// and waits while it is full (backpressure to the HTTP client). The partition's pump sends whatever has queued up as
/// one batch, so under load batches grow and each (brand, channel) grain gets fewer, larger calls. Like memory streams,
/// nothing here survives the process.
/// </para>
/// </remarks>
internal sealed partial class DirectMentionIngestor : IMentionIngestor, IDisposable
{
    private readonly IGrainFactory _grains;
    private readonly BrandMatcherCache _brands;
    private readonly MentionEnricher _enricher;
    private readonly FeedCounter _feeds;
    private readonly ILogger<DirectMentionIngestor> _logger;
    private readonly int _maxDelivery;
    private readonly Channel<Queued>[] _inboxes;
    private readonly CancellationTokenSource _stopping = new();

    public DirectMentionIngestor(
        IGrainFactory grains,
        BrandMatcherCache brands,
        MentionEnricher enricher,
        FeedCounter feeds,
        IOptions<IngestPartitionOptions> options,
        ILogger<DirectMentionIngestor> logger)
    {
        _grains = grains;
        _brands = brands;
        _enricher = enricher;
        _feeds = feeds;
        _logger = logger;
        var o = options.Value;
        _maxDelivery = o.MaxDeliveryMentions;
        _inboxes = new Channel<Queued>[o.Partitions];
        for (var p = 0; p < _inboxes.Length; p++)
        {
            _inboxes[p] = Channel.CreateBounded<Queued>(new BoundedChannelOptions(o.QueuedBatches) { SingleReader = true });
            var partition = p;
            _ = Task.Run(() => PumpAsync(partition));
        }
    }

    public async Task<IngestOutcome> IngestAsync(IReadOnlyList<Mention> mentions, CancellationToken cancellationToken = default)
    {
        if (mentions.Count == 0)
        {
            return IngestOutcome.None;
        }

        var brands = await _brands.CurrentForIngestAsync();

        var groups = new List<ScoredMention>?[_inboxes.Length];
        var matched = _enricher.Score(mentions, brands, scored => (groups[IngestPartitions.OfBrand(scored.BrandId, groups.Length)] ??= []).Add(scored));
        var unmatched = mentions.Count - matched.Count;
        if (unmatched > 0)
        {
            LogUnmatched(unmatched, mentions.Count);
        }

        // The request's trace, if it is traced, continues in the delivery that carries its mentions.
        var trace = Activity.Current?.Context ?? default;
        for (var p = 0; p < groups.Length; p++)
        {
            if (groups[p] is { } group)
            {
                try
                {
                    await _inboxes[p].Writer.WriteAsync(new Queued([.. group], trace), cancellationToken);
                }
                catch (ChannelClosedException ex)
                {
                    throw new IngestUnavailableException("The silo is shutting down.", ex);
                }
            }
        }

        _feeds.Count(mentions); // every accepted mention, matched or not: the channel's feed as it arrives
        return new IngestOutcome(mentions.Count, matched);
    }

    private async Task PumpAsync(int partition)
    {
        // The pump outlives whatever request first resolved the ingestor: its calls belong to the traces of what they carry.
        Activity.Current = null;
        var inbox = _inboxes[partition].Reader;
        var grain = _grains.GetGrain<IIngestPartitionGrain>(partition.ToString(System.Globalization.CultureInfo.InvariantCulture));
        var pending = new List<ScoredMention>();
        try
        {
            while (await inbox.WaitToReadAsync(_stopping.Token))
            {
                pending.Clear();
                ActivityContext trace = default;
                while (pending.Count < _maxDelivery && inbox.TryRead(out var queued))
                {
                    pending.AddRange(queued.Mentions);
                    trace = PulseActivities.Prefer(trace, queued.Trace);
                }

                using var activity = PulseActivities.StartPartitionDelivery(partition, pending.Count, trace);
                try
                {
                    await grain.DeliverAsync(new ScoredBatch([.. pending]));
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    // Not durable on the embedded default (as with memory streams): the partition already retried its grains.
                    LogDeliveryFailed(partition, pending.Count, ex);
                    activity?.SetStatus(ActivityStatusCode.Error, ex.Message);
                }
            }
        }
        catch (OperationCanceledException)
        {
            // shutting down
        }
    }

    /// <summary>One request's mentions for a partition, with the request's trace context (default when it has none).</summary>
    private readonly record struct Queued(ScoredMention[] Mentions, ActivityContext Trace);

    public void Dispose()
    {
        foreach (var inbox in _inboxes)
        {
            inbox.Writer.TryComplete();
        }

        _stopping.Cancel();
        _stopping.Dispose();
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "{Unmatched} of {Total} mentions matched no brand and were dropped")]
    private partial void LogUnmatched(int unmatched, int total);

    [LoggerMessage(Level = LogLevel.Error, Message = "Partition {Partition}: {Count} mentions could not be delivered and were dropped")]
    private partial void LogDeliveryFailed(int partition, int count, Exception exception);
}
