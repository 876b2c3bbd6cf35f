using Microsoft.Extensions.Logging;
using Pulse.Grains.Mentions;
using Pulse.Sources.Connecting;

namespace Pulse.Sources.Rss;

/// <summary>
/// One running feed source between polls: its cursor, and what the sink was last told. Turns each fetch into
/// accepted mentions, counts and state changes.
/// </summary>
internal sealed class FeedPoll(SourceDefinition source, RssCursor cursor, ISourceSink sink, RssConnectorOptions options, ILogger logger)
{
    private bool _live;

    /// <summary>The cursor the sink last took (or the one resumed from).</summary>
    public RssCursor Cursor { get; private set; } = cursor;

    public async Task<PollOutcome> HandleAsync(FeedFetch fetched, DateTimeOffset polledAt, CancellationToken cancellationToken)
    {
        switch (fetched)
        {
            case FeedFetch.NotModified:
                sink.Received(0, null);
                return Succeeded();
            case FeedFetch.Oversized oversized:
                // Counted and passed over: the next poll tries again (feeds shrink again once a bad publish is fixed).
                Skip("oversized feed", oversized.DeclaredBytes is { } n ? new InvalidDataException($"{n} bytes declared") : null);
                return Succeeded();
            case FeedFetch.Document document:
                return await AcceptAsync(document, polledAt, cancellationToken).ConfigureAwait(false);
            case FeedFetch.Transient transient:
                _live = false;
                return new PollOutcome.Retry(transient.Problem, transient.RetryAfter);
            case FeedFetch.Permanent permanent:
                return new PollOutcome.Stop(permanent.Problem);
            default:
                throw new InvalidOperationException($"Unknown fetch result {fetched}.");
        }
    }

    private async Task<PollOutcome> AcceptAsync(FeedFetch.Document document, DateTimeOffset polledAt, CancellationToken cancellationToken)
    {
        ParsedFeed feed;
        try
        {
            feed = FeedReader.Parse(document.Body, options.MaxBodyBytes);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // XmlException mostly, but the formatters throw others for odd input; none of it may stop the source. The
            // validators are not kept, so a fixed document arrives even if the server keeps its ETag.
            Skip("malformed feed", e);
            return Succeeded();
        }

        var mapper = new FeedItemMapper(source.Url, source.Channel, feed, polledAt);
        var inDocument = new List<ulong>();
        var unique = new HashSet<ulong>();
        var fresh = new List<Mention>();
        var remembered = 0;
        var empty = 0;
        var broken = 0;
        foreach (var item in feed.Feed.Items)
        {
            FeedEntry entry;
            try
            {
                entry = mapper.Map(item);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // Without a key it cannot be remembered, so it counts again on each poll that still carries it.
                RssLog.ItemSkipped(logger, source.Id, "malformed item", e);
                broken++;
                continue;
            }

            var key = IdHash.Of(entry.Key);
            if (!unique.Add(key))
            {
                continue; // the same guid twice in one document is one item
            }

            inDocument.Add(key);
            if (Cursor.Seen.Contains(key))
            {
                continue;
            }

            remembered++;
            if (entry.Mention is null)
            {
                empty++; // remembered all the same, so it is counted once
                continue;
            }

            fresh.Add(entry.Mention);
        }

        // Ingest wants event order; feeds list newest first. OrderBy is stable for items with the same time.
        fresh = [.. fresh.OrderBy(m => m.Timestamp)];
        var next = Cursor with
        {
            ETag = document.ETag,
            LastModified = document.LastModified,
            Seen = remembered > 0 ? Cursor.Seen.Advance(inDocument, options.RememberedIds) : Cursor.Seen,
        };

        if (remembered > 0 || next.ETag != Cursor.ETag || next.LastModified != Cursor.LastModified)
        {
            try
            {
                await sink.AcceptAsync(fresh, next.Format(), cancellationToken).ConfigureAwait(false);
            }
            catch (Exception e) when (!cancellationToken.IsCancellationRequested)
            {
                // Ingest is down or full. Nothing is remembered, so the same items are offered again after the back-off.
                RssLog.SinkFailed(logger, source.Id, e);
                _live = false;
                return new PollOutcome.Retry($"ingest did not take the items: {e.Message}", null);
            }

            Cursor = next;
        }

        // Counted only once the sink has the items: a failed hand-over is retried, and must not count twice.
        sink.Received(fresh.Count, fresh.Count > 0 ? fresh[^1].Timestamp : null);
        if (fresh.Count > 0)
        {
            RssLog.Accepted(logger, source.Id, fresh.Count, source.Url);
        }

        if (empty > 0)
        {
            sink.Skipped(empty, "empty item");
        }

        if (broken > 0)
        {
            sink.Skipped(broken, "malformed item");
        }

        return Succeeded();
    }

    private void Skip(string reason, Exception? exception)
    {
        RssLog.DocumentSkipped(logger, source.Id, reason, exception);
        sink.Skipped(1, reason);
    }

    /// <summary>Reports Live on the first good poll after a start or a failure, not on every poll.</summary>
    private PollOutcome.Done Succeeded()
    {
        if (!_live)
        {
            _live = true;
            sink.StateChanged(SourceState.Live);
        }

        return new PollOutcome.Done();
    }
}
