using System.Diagnostics.Metrics;
using System.Globalization;

namespace Pulse.Grains.Telemetry;

/// <summary>
/// Pulse's own instruments, on the meter <see cref="MeterName"/> beside Orleans', ASP.NET Core's and the runtime's.
/// docs/observability.md lists each with its unit, tags and meaning; this class is the one place they are defined.
/// </summary>
/// <remarks>
/// Ingest adds once per request or batch, never once per mention, and no call here allocates: tag values are constants,
/// wire names or cached partition numbers. Tags have few values (source kind, reason, partition, alert kind, outcome);
/// never a brand, whose ids would make one series per brand.
/// </remarks>
public sealed class PulseMetrics
{
    public const string MeterName = "Pulse";

    /// <summary>The <c>source</c> tag of mentions posted to <c>POST /api/mentions</c>.</summary>
    public const string HttpSource = "http";

    /// <summary>The <c>source</c> tag of the demo generator's mentions.</summary>
    public const string DemoSource = "demo";

    /// <summary>The <c>reason</c> tag of mentions refused because the ingest log did not store them (503).</summary>
    public const string UnavailableReason = "unavailable";

    // Partition numbers as tag values, made once: a partition reports every batch.
    private static readonly string[] PartitionNames = [.. Enumerable.Range(0, 64).Select(p => p.ToString(CultureInfo.InvariantCulture))];

    private readonly Counter<long> _received;
    private readonly Counter<long> _accepted;
    private readonly Counter<long> _matched;
    private readonly Counter<long> _rejected;
    private readonly Counter<long> _requests;
    private readonly Counter<long> _deduplicated;
    private readonly Counter<long> _partitionMentions;
    private readonly Counter<long> _alertSignals;
    private readonly Counter<long> _sourceEvents;
    private readonly Histogram<double> _sourceLag;
    private readonly Counter<long> _webhookDeliveries;
    private readonly UpDownCounter<long> _hubConnections;
    private readonly Counter<long> _hubMessages;
    private readonly Counter<long> _archiveRows;
    private readonly UpDownCounter<long> _archiveBuffered;
    private readonly Counter<long> _archiveFailures;

    public PulseMetrics(IMeterFactory meters)
    {
        ArgumentNullException.ThrowIfNull(meters);
        Meter = meters.Create(MeterName);
        _received = Meter.CreateCounter<long>("pulse.mentions.received", "{mention}", "Mentions offered to ingest: items of POST /api/mentions (valid or not) and posts from sources and the demo.");
        _accepted = Meter.CreateCounter<long>("pulse.mentions.accepted", "{mention}", "Mentions ingest took (valid, and queued or in the ingest log).");
        _matched = Meter.CreateCounter<long>("pulse.mentions.matched", "{mention}", "Accepted mentions that named at least one brand.");
        _rejected = Meter.CreateCounter<long>("pulse.mentions.rejected", "{mention}", "Mentions refused, by reason: the first invalid field, 'json' for an item that is not a JSON object, 'unavailable' when the ingest log did not store them.");
        _requests = Meter.CreateCounter<long>("pulse.ingest.requests", "{request}", "POST /api/mentions requests by outcome.");
        _deduplicated = Meter.CreateCounter<long>("pulse.mentions.deduplicated", "{mention}", "Mentions a (brand, channel) grain had already counted (same id within the de-duplication horizon) and skipped.");
        _partitionMentions = Meter.CreateCounter<long>("pulse.partition.mentions", "{mention}", "Scored mentions an ingest partition handed to its (brand, channel) grains, one per brand a mention names; replays included.");
        _alertSignals = Meter.CreateCounter<long>("pulse.alerts.signals", "{signal}", "Detector signals by alert kind and what they did: opened an alert, joined an open one, or were held back (a drop during a data gap).");
        _sourceEvents = Meter.CreateCounter<long>("pulse.source.events", "{event}", "Raw events sources received (posts, likes, deletes, feed items) or skipped as malformed, by source kind.");
        _sourceLag = Meter.CreateHistogram("pulse.source.lag", "s", "How old a source's newest event was when it arrived (now minus the event's own time), by source kind.",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 300, 900, 3600, 21600, 86400] });
        _webhookDeliveries = Meter.CreateCounter<long>("pulse.webhook.deliveries", "{attempt}", "Webhook delivery attempts by outcome (delivered, retrying, failed), and notifications dropped because the outbox was full.");
        _hubConnections = Meter.CreateUpDownCounter<long>("pulse.hub.connections", "{connection}", "Browser connections open on this host's live hub.");
        _hubMessages = Meter.CreateCounter<long>("pulse.hub.messages", "{message}", "Messages the live hub sent to its groups, by event (a group send reaches every browser in the group).");
        _archiveRows = Meter.CreateCounter<long>("pulse.archive.rows", "{row}", "Mentions the archive handled, by outcome: written (new rows), duplicate (already archived: retries, replays), dropped (the buffer was full).");
        _archiveBuffered = Meter.CreateUpDownCounter<long>("pulse.archive.buffered", "{row}", "Mentions taken by the archive and not yet written.");
        _archiveFailures = Meter.CreateCounter<long>("pulse.archive.failures", "{attempt}", "Archive writes that failed and will be retried (PostgreSQL slow or down).");
    }

    private Meter Meter { get; }

    /// <summary>A partition number as a tag value, without allocating for the usual few partitions.</summary>
    public static string PartitionName(int partition) =>
        (uint)partition < (uint)PartitionNames.Length ? PartitionNames[partition] : partition.ToString(CultureInfo.InvariantCulture);

    private static KeyValuePair<string, object?> Partition(int partition) => new("partition", PartitionName(partition));

    /// <summary>One ingest call: <paramref name="received"/> offered, <paramref name="accepted"/> taken, <paramref name="matched"/> of them named a brand.</summary>
    public void Ingested(string source, int received, int accepted, int matched)
    {
        var tag = new KeyValuePair<string, object?>("source", source);
        _received.Add(received, tag);
        _accepted.Add(accepted, tag);
        _matched.Add(matched, tag);
    }

    public void Rejected(string source, string reason, int count) =>
        _rejected.Add(count, new KeyValuePair<string, object?>("source", source), new KeyValuePair<string, object?>("reason", reason));

    public void IngestRequest(string outcome) => _requests.Add(1, new KeyValuePair<string, object?>("outcome", outcome));

    public void Deduplicated(int count)
    {
        if (count > 0)
        {
            _deduplicated.Add(count);
        }
    }

    public void PartitionDelivered(int partition, int mentions) => _partitionMentions.Add(mentions, Partition(partition));

    /// <param name="kind">The alert kind's wire name (spike, drop, negative-shift, viral).</param>
    /// <param name="outcome">opened, joined or held.</param>
    public void AlertSignal(string kind, string outcome) =>
        _alertSignals.Add(1, new KeyValuePair<string, object?>("kind", kind), new KeyValuePair<string, object?>("outcome", outcome));

    /// <param name="source">The source kind's wire name (jetstream, mastodon, rss).</param>
    /// <param name="outcome">received or skipped.</param>
    public void SourceEvents(string source, string outcome, int count) =>
        _sourceEvents.Add(count, new KeyValuePair<string, object?>("source", source), new KeyValuePair<string, object?>("outcome", outcome));

    public void SourceLag(string source, TimeSpan lag) =>
        _sourceLag.Record(Math.Max(0, lag.TotalSeconds), new KeyValuePair<string, object?>("source", source));

    /// <param name="outcome">A webhook delivery status: delivered, retrying, failed or dropped.</param>
    public void WebhookDelivery(string outcome) => _webhookDeliveries.Add(1, new KeyValuePair<string, object?>("outcome", outcome));

    public void ArchiveBuffered(int rows) => _archiveBuffered.Add(rows);

    /// <summary>A written batch: <paramref name="written"/> new rows of <paramref name="rows"/>, the rest duplicates.</summary>
    public void ArchiveWritten(int rows, int written)
    {
        _archiveBuffered.Add(-rows);
        _archiveRows.Add(written, new KeyValuePair<string, object?>("outcome", "written"));
        _archiveRows.Add(rows - written, new KeyValuePair<string, object?>("outcome", "duplicate"));
    }

    public void ArchiveDropped(int rows) => _archiveRows.Add(rows, new KeyValuePair<string, object?>("outcome", "dropped"));

    public void ArchiveFailed() => _archiveFailures.Add(1);

    public void HubConnected() => _hubConnections.Add(1);

    public void HubDisconnected() => _hubConnections.Add(-1);

    /// <summary>
    /// Cluster mode: the ingest log's gauges per partition, read from <paramref name="read"/> whenever metrics are collected
    /// (a scrape, an export); it must answer from what it has, without calling Redis.
    /// </summary>
    public void ObserveIngestLog(Func<IReadOnlyList<IngestLogLag>> read)
    {
        ArgumentNullException.ThrowIfNull(read);
        Meter.CreateObservableGauge("pulse.ingest.log.lag", () => read().Select(l => new Measurement<double>(l.OldestPendingAge.TotalSeconds, Partition(l.Partition))),
            "s", "Age of the oldest ingest-log entry after the partition's last commit (0 when none): how far the partition's saved state trails the log.");
        Meter.CreateObservableGauge("pulse.ingest.log.entries", () => read().Select(l => new Measurement<long>(l.Entries, Partition(l.Partition))),
            "{entry}", "Entries in the partition's ingest log: roughly those not yet committed (trimming after a commit is approximate).");
    }

    /// <param name="event">The hub event's name (brandSummaries, channelSnapshots, alerts, dataGaps).</param>
    public void HubMessages(string @event, int count)
    {
        if (count > 0)
        {
            _hubMessages.Add(count, new KeyValuePair<string, object?>("event", @event));
        }
    }
}
