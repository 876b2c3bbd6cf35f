using Pulse.Grains.Telemetry;

namespace Pulse.Silo.Ingest;

/// <summary>What one parsed <c>POST /api/mentions</c> adds to <see cref="PulseMetrics"/>: a few adds per request, none per mention.</summary>
internal static class IngestCounts
{
    /// <summary>The request's items, those taken (<paramref name="matched"/> of them named a brand), those rejected by reason, and its outcome.</summary>
    public static void Parsed(PulseMetrics metrics, MentionParseResult result, int matched)
    {
        if (result.Failure != MentionBatchFailure.None)
        {
            // Nothing of the body was judged item by item: there are no items to count.
            metrics.IngestRequest(result.Failure == MentionBatchFailure.TooManyItems ? IngestRequestOutcomes.TooManyItems : IngestRequestOutcomes.Malformed);
            return;
        }

        metrics.Ingested(PulseMetrics.HttpSource, result.Accepted.Count + result.RejectedCount, result.Accepted.Count, matched);
        CountRejections(metrics, result.Errors);
        metrics.IngestRequest(result.IsFullyAccepted ? IngestRequestOutcomes.Accepted
            : result.Accepted.Count > 0 ? IngestRequestOutcomes.Partial
            : IngestRequestOutcomes.Rejected);
    }

    /// <summary>A 503: the valid items were offered but not taken; the invalid ones were rejected as usual.</summary>
    public static void Unavailable(PulseMetrics metrics, MentionParseResult result)
    {
        metrics.Ingested(PulseMetrics.HttpSource, result.Accepted.Count + result.RejectedCount, 0, 0);
        metrics.Rejected(PulseMetrics.HttpSource, PulseMetrics.UnavailableReason, result.Accepted.Count);
        CountRejections(metrics, result.Errors);
        metrics.IngestRequest(IngestRequestOutcomes.Unavailable);
    }

    /// <summary>
    /// One rejection per rejected item, under its first error's field ('json' for an item that is no JSON object). Errors
    /// come in item order, so an item's errors are adjacent; a run of items with the same reason is added at once.
    /// </summary>
    private static void CountRejections(PulseMetrics metrics, IReadOnlyList<IngestError> errors)
    {
        string? reason = null;
        var run = 0;
        var line = -1;
        foreach (var error in errors)
        {
            if (error.Line == line)
            {
                continue; // a further error of the same item
            }

            line = error.Line;
            var itemReason = error.Field ?? "json";
            if (itemReason != reason)
            {
                if (run > 0)
                {
                    metrics.Rejected(PulseMetrics.HttpSource, reason!, run);
                }

                reason = itemReason;
                run = 0;
            }

            run++;
        }

        if (run > 0)
        {
            metrics.Rejected(PulseMetrics.HttpSource, reason!, run);
        }
    }
}
