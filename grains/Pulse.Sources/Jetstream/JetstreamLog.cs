using Microsoft.Extensions.Logging;

namespace Pulse.Sources.Jetstream;

/// <summary>The connector's log lines, source-generated so a disabled level costs nothing on the hot path.</summary>
internal static partial class JetstreamLog
{
    [LoggerMessage(EventId = 4100, Level = LogLevel.Information, Message = "Jetstream source {SourceId}: connecting to {Url}")]
    public static partial void Connecting(ILogger logger, string sourceId, Uri url);

    [LoggerMessage(EventId = 4101, Level = LogLevel.Information, Message = "Jetstream source {SourceId}: live")]
    public static partial void Live(ILogger logger, string sourceId);

    [LoggerMessage(EventId = 4102, Level = LogLevel.Warning,
        Message = "Jetstream source {SourceId}: connection lost ({Problem}) after {Events} events; retrying in {DelayMs} ms")]
    public static partial void BackingOff(ILogger logger, string sourceId, string problem, long events, long delayMs);

    [LoggerMessage(EventId = 4103, Level = LogLevel.Debug, Message = "Jetstream source {SourceId}: skipped a frame ({Reason})")]
    public static partial void FrameSkipped(ILogger logger, string sourceId, string reason);

    [LoggerMessage(EventId = 4104, Level = LogLevel.Warning,
        Message = "Jetstream source {SourceId}: the saved cursor '{Cursor}' is unreadable; starting from the live tip")]
    public static partial void CursorUnreadable(ILogger logger, string sourceId, string cursor);

    [LoggerMessage(EventId = 4105, Level = LogLevel.Error, Message = "Jetstream source {SourceId}: failed: {Problem}")]
    public static partial void Failed(ILogger logger, string sourceId, string problem);

    [LoggerMessage(EventId = 4106, Level = LogLevel.Debug,
        Message = "Jetstream source {SourceId}: dropped {Duplicates} replayed events already delivered")]
    public static partial void DuplicatesDropped(ILogger logger, string sourceId, long duplicates);
}
