using Microsoft.Extensions.Logging;

namespace Pulse.Sources.Rss;

/// <summary>The RSS connector's log messages (source-generated: no boxing, no formatting when the level is off).</summary>
internal static partial class RssLog
{
    [LoggerMessage(EventId = 1, Level = LogLevel.Warning, Message = "RSS source {SourceId}: unreadable cursor ignored, starting without one")]
    public static partial void CursorIgnored(ILogger logger, string sourceId, Exception? exception);

    [LoggerMessage(EventId = 2, Level = LogLevel.Information, Message = "RSS source {SourceId}: {Count} new items from {Url}")]
    public static partial void Accepted(ILogger logger, string sourceId, int count, Uri url);

    [LoggerMessage(EventId = 3, Level = LogLevel.Warning, Message = "RSS source {SourceId}: {Problem}; next attempt in {Delay}")]
    public static partial void BackingOff(ILogger logger, string sourceId, string problem, TimeSpan delay);

    [LoggerMessage(EventId = 4, Level = LogLevel.Error, Message = "RSS source {SourceId}: {Problem}; stopped until its definition changes")]
    public static partial void Failed(ILogger logger, string sourceId, string problem);

    [LoggerMessage(EventId = 5, Level = LogLevel.Warning, Message = "RSS source {SourceId}: feed document skipped ({Reason})")]
    public static partial void DocumentSkipped(ILogger logger, string sourceId, string reason, Exception? exception);

    [LoggerMessage(EventId = 6, Level = LogLevel.Debug, Message = "RSS source {SourceId}: item skipped ({Reason})")]
    public static partial void ItemSkipped(ILogger logger, string sourceId, string reason, Exception? exception);

    [LoggerMessage(EventId = 7, Level = LogLevel.Warning, Message = "RSS source {SourceId}: the sink did not take the items; retrying")]
    public static partial void SinkFailed(ILogger logger, string sourceId, Exception exception);
}
