using Microsoft.Extensions.Logging;

namespace Pulse.Sources.Mastodon;

internal sealed partial class MastodonRun
{
    [LoggerMessage(Level = LogLevel.Information, Message = "Mastodon source {Source} live on {Path} after status {Cursor}")]
    private partial void LogLive(string source, string path, string? cursor);

    [LoggerMessage(Level = LogLevel.Information, Message = "Mastodon source {Source} streams from {Host}, the streaming host its instance announces")]
    private partial void LogStreamingHost(string source, string host);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Mastodon source {Source} backing off for {Delay}: {Problem}")]
    private partial void LogBackingOff(string source, TimeSpan delay, string problem);

    [LoggerMessage(Level = LogLevel.Error, Message = "Mastodon source {Source} failed: {Problem}")]
    private partial void LogFailed(string source, string problem);

    [LoggerMessage(Level = LogLevel.Information, Message = "Mastodon source {Source} back-filled {Count} statuses up to {Cursor}")]
    private partial void LogBackfilled(string source, int count, string? cursor);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Mastodon source {Source}: back-fill stopped at its page limit after {Count} statuses (up to {Cursor}); the rest of the gap is lost")]
    private partial void LogBackfillCut(string source, int count, string? cursor);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Mastodon source {Source} waits {Pace} before the next page to stay within the rate limit")]
    private partial void LogPacing(string source, TimeSpan pace);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Mastodon source {Source} skipped a {Reason} '{Type}' event")]
    private partial void LogSkipped(string source, string reason, string type);
}
