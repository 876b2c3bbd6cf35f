using System.Globalization;
using Microsoft.AspNetCore.Http;
using Pulse.Silo.Hosting;

namespace Pulse.Silo.Ingest;

/// <summary>The problem+json answers of the ingest endpoint.</summary>
internal static class IngestProblems
{
    public static IResult UnsupportedMediaType(string? contentType) => Results.Problem(
        statusCode: StatusCodes.Status415UnsupportedMediaType,
        title: "Unsupported content type",
        detail: $"Content type '{contentType ?? "(none)"}' is not supported; send {MentionContentTypes.Json} (an object or an array), "
            + $"{MentionContentTypes.NdJson} or {MentionContentTypes.JsonLines} (one object per line), UTF-8.");

    public static IResult BodyTooLarge(int maxBodyBytes) => Results.Problem(
        statusCode: StatusCodes.Status413PayloadTooLarge,
        title: "Request body too large",
        detail: string.Create(CultureInfo.InvariantCulture, $"The request body exceeds {maxBodyBytes} bytes; split the batch."),
        extensions: new Dictionary<string, object?> { ["limit"] = maxBodyBytes });

    /// <summary>How long a client should wait before retrying a batch the ingest log could not store.</summary>
    public static readonly TimeSpan UnavailableRetryAfter = TimeSpan.FromSeconds(2);

    /// <summary>503 with Retry-After: the ingest log (Redis in cluster mode) did not store the batch, so none of it counts.</summary>
    public static IResult Unavailable(TimeSpan retryAfter) => new RetryAfterResult(retryAfter, Results.Problem(
        statusCode: StatusCodes.Status503ServiceUnavailable,
        title: "Ingest log unavailable",
        detail: string.Create(CultureInfo.InvariantCulture,
            $"The ingest log could not store the batch, so nothing was accepted. Retry the whole batch after {(int)retryAfter.TotalSeconds} s; mention ids de-duplicate re-sent items.")));

    /// <summary>404 on a dashboard-only host, which has no silo and so no ingest.</summary>
    public static IResult NotOnThisHost() => Results.Problem(
        statusCode: StatusCodes.Status404NotFound,
        title: "No ingest on this host",
        detail: "This host serves dashboards only (--dashboard-only). POST mentions to a silo host of the cluster.");

    /// <summary>400 for a batch with errors; valid items, if any, have already been ingested.</summary>
    public static IResult Rejected(MentionParseResult result)
    {
        var acceptedIds = new string[result.Accepted.Count];
        for (int i = 0; i < acceptedIds.Length; i++)
        {
            acceptedIds[i] = result.Accepted[i].Id;
        }

        var (title, detail) = result.Failure switch
        {
            MentionBatchFailure.MalformedBody => ("Malformed request body", $"The request body is not a valid mention batch: {result.Errors[0].Message}"),
            MentionBatchFailure.TooManyItems => ("Too many mentions", result.Errors[0].Message),
            _ when acceptedIds.Length == 0 => ("All mentions were rejected", string.Create(CultureInfo.InvariantCulture,
                $"All {result.RejectedCount} mention(s) are invalid; none was ingested. See 'errors'.")),
            _ => ("Some mentions were rejected", string.Create(CultureInfo.InvariantCulture,
                $"{result.RejectedCount} mention(s) are invalid and were not ingested; {acceptedIds.Length} valid mention(s) were ingested. See 'errors'.")),
        };

        return Results.Problem(
            statusCode: StatusCodes.Status400BadRequest,
            title: title,
            detail: detail,
            extensions: new Dictionary<string, object?>
            {
                ["errors"] = result.Errors,
                ["accepted"] = acceptedIds.Length,
                ["acceptedIds"] = acceptedIds,
            });
    }
}
