using Microsoft.Extensions.Logging;
using Pulse.Grains.Mentions;
using Pulse.Sources.Connecting;

namespace Pulse.Sources.Rss;

/// <summary>
/// Polls RSS 2.0 and Atom 1.0 feeds with conditional GET. Each item is accepted once, across polls and restarts: the
/// ids already accepted travel in the cursor with the ETag and Last-Modified. One instance serves any number of feeds.
/// </summary>
public sealed class RssConnector : ISourceConnector
{
    private readonly FeedFetcher _fetcher;
    private readonly TimeProvider _time;
    private readonly ILogger<RssConnector> _logger;
    private readonly RssConnectorOptions _options;

    public RssConnector(HttpClient http, TimeProvider time, ILogger<RssConnector> logger, RssConnectorOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(http);
        _time = time ?? throw new ArgumentNullException(nameof(time));
        _logger = logger ?? throw new ArgumentNullException(nameof(logger));
        _options = options ?? new RssConnectorOptions();
        _fetcher = new FeedFetcher(http, _time, _options);
    }

    public SourceKind Kind => SourceKind.Rss;

    public async Task RunAsync(SourceDefinition source, string? cursor, ISourceSink sink, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(sink);

        var poll = new FeedPoll(source, Resume(source, cursor), sink, _options, _logger);
        var interval = TimeSpan.FromSeconds(Math.Max(1, source.PollSeconds));
        var failures = 0;
        sink.StateChanged(SourceState.Connecting);
        try
        {
            while (!cancellationToken.IsCancellationRequested)
            {
                var fetched = await _fetcher.GetAsync(source.Url, poll.Cursor.ETag, poll.Cursor.LastModified, cancellationToken).ConfigureAwait(false);
                var outcome = await poll.HandleAsync(fetched, _time.GetUtcNow(), cancellationToken).ConfigureAwait(false);
                TimeSpan wait;
                switch (outcome)
                {
                    case PollOutcome.Done:
                        failures = 0;
                        wait = interval;
                        break;
                    case PollOutcome.Retry retry:
                        failures++;
                        wait = RssBackoff.Delay(failures, interval, retry.RetryAfter, _options.MaxBackoff, _options.MaxRetryAfter);
                        RssLog.BackingOff(_logger, source.Id, retry.Problem, wait);
                        sink.StateChanged(SourceState.BackingOff, retry.Problem);
                        break;
                    case PollOutcome.Stop stop:
                        RssLog.Failed(_logger, source.Id, stop.Problem);
                        sink.StateChanged(SourceState.Failed, stop.Problem);
                        return;
                    default:
                        throw new InvalidOperationException($"Unknown poll outcome {outcome}.");
                }

                await Task.Delay(wait, _time, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Stopped by the caller: the cursor the sink holds is where the next run resumes.
        }
    }

    /// <summary>
    /// The saved cursor, or a fresh start (logged) when there is none or it cannot be read. A fresh start accepts the
    /// items the feed shows now: a feed is only a short window of its recent past, so for a feed "from now" means from
    /// that window, and an unreadable cursor costs at most one window of repeats, never a lost item.
    /// </summary>
    private RssCursor Resume(SourceDefinition source, string? cursor)
    {
        var feed = IdHash.Hex(source.Url.AbsoluteUri);
        if (cursor is null)
        {
            return RssCursor.Start(feed);
        }

        if (RssCursor.TryParse(cursor, feed, out var resumed, out var problem))
        {
            return resumed;
        }

        RssLog.CursorIgnored(_logger, source.Id, problem);
        return RssCursor.Start(feed);
    }
}
