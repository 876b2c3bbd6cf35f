using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Pulse.Grains.Mentions;
using Pulse.Grains.Telemetry;

namespace Pulse.Silo.Ingest;

/// <summary>Handles <c>POST /api/mentions</c>: bounded read, parse, ingest the valid items, answer.</summary>
internal sealed class MentionIngestHandler(
    MentionBatchParser parser,
    IOptions<IngestOptions> options,
    TimeProvider time,
    PulseMetrics metrics,
    ILogger<MentionIngestHandler> logger)
{
    public async Task<IResult> HandleAsync(HttpContext context, IMentionIngestor ingestor)
    {
        var request = context.Request;
        var cancellationToken = context.RequestAborted;
        if (!MentionContentTypes.TryGetFormat(request.ContentType, out var format))
        {
            logger.UnsupportedContentType(request.ContentType);
            metrics.IngestRequest(IngestRequestOutcomes.UnsupportedMediaType);
            return IngestProblems.UnsupportedMediaType(request.ContentType);
        }

        int maxBodyBytes = options.Value.MaxBodyBytes;
        if (request.ContentLength > maxBodyBytes)
        {
            logger.BodyTooLarge(maxBodyBytes);
            metrics.IngestRequest(IngestRequestOutcomes.TooLarge);
            return IngestProblems.BodyTooLarge(maxBodyBytes);
        }

        // Our limit counts decoded body bytes; the server's (Kestrel: 30 MB by default) counts raw
        // bytes including chunk framing, so it gets twice ours: it still bounds what is read,
        // without rejecting a chunked body that is within our limit.
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } sizeFeature)
        {
            sizeFeature.MaxRequestBodySize = 2L * maxBodyBytes;
        }

        MentionParseResult result;
        try
        {
            using var body = await BoundedBodyReader.ReadAsync(request.BodyReader, request.ContentLength, maxBodyBytes, cancellationToken).ConfigureAwait(false);
            if (body is null)
            {
                logger.BodyTooLarge(maxBodyBytes);
                metrics.IngestRequest(IngestRequestOutcomes.TooLarge);
                return IngestProblems.BodyTooLarge(maxBodyBytes);
            }

            result = parser.Parse(body.Span, format, time.GetUtcNow());
        }
        catch (BadHttpRequestException ex) when (ex.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            logger.BodyTooLarge(maxBodyBytes);
            metrics.IngestRequest(IngestRequestOutcomes.TooLarge);
            return IngestProblems.BodyTooLarge(maxBodyBytes);
        }

        // Valid items are ingested even when others are rejected, before answering.
        var matched = 0;
        if (result.Accepted.Count > 0)
        {
            try
            {
                matched = (await ingestor.IngestAsync(result.Accepted, cancellationToken).ConfigureAwait(false)).Matched;
            }
            catch (IngestUnavailableException ex)
            {
                // Nothing may be reported as accepted: the client keeps the batch and retries (mention ids de-duplicate).
                logger.IngestUnavailable(ex, result.Accepted.Count);
                IngestCounts.Unavailable(metrics, result);
                return IngestProblems.Unavailable(IngestProblems.UnavailableRetryAfter);
            }
        }

        IngestCounts.Parsed(metrics, result, matched);
        if (result.IsFullyAccepted)
        {
            logger.Ingested(result.Accepted.Count);
            return TypedResults.Accepted((string?)null, new IngestAccepted(result.Accepted.Count));
        }

        if (result.Failure == MentionBatchFailure.None)
        {
            logger.ItemsRejected(result.RejectedCount, result.Errors.Count, result.Accepted.Count);
        }
        else
        {
            logger.BatchRejected(result.Failure);
        }

        return IngestProblems.Rejected(result);
    }
}
