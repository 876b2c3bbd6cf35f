using Microsoft.Extensions.Logging;

namespace Pulse.Silo.Ingest;

/// <summary>Source-generated log events of the ingest endpoint.</summary>
internal static partial class IngestLog
{
    [LoggerMessage(EventId = 1, Level = LogLevel.Debug, Message = "Ingested {Accepted} mention(s)")]
    public static partial void Ingested(this ILogger logger, int accepted);

    [LoggerMessage(EventId = 2, Level = LogLevel.Information,
        Message = "Ingest batch partly rejected: {Rejected} item(s) rejected with {Errors} error(s), {Accepted} accepted")]
    public static partial void ItemsRejected(this ILogger logger, int rejected, int errors, int accepted);

    [LoggerMessage(EventId = 3, Level = LogLevel.Information, Message = "Ingest batch rejected as a whole: {Failure}")]
    public static partial void BatchRejected(this ILogger logger, MentionBatchFailure failure);

    [LoggerMessage(EventId = 4, Level = LogLevel.Information, Message = "Ingest body larger than {MaxBodyBytes} bytes rejected")]
    public static partial void BodyTooLarge(this ILogger logger, int maxBodyBytes);

    [LoggerMessage(EventId = 5, Level = LogLevel.Debug, Message = "Ingest content type '{ContentType}' not supported")]
    public static partial void UnsupportedContentType(this ILogger logger, string? contentType);

    [LoggerMessage(EventId = 6, Level = LogLevel.Warning,
        Message = "Ingest log unavailable: a batch of {Mentions} mention(s) was not accepted (503, client retries)")]
    public static partial void IngestUnavailable(this ILogger logger, Exception exception, int mentions);
}
