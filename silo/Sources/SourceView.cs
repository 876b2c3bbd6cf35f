using Pulse.Sources.Connecting;
using Pulse.Sources.Running;

namespace Pulse.Silo.Sources;

/// <summary>
/// A source as the API shows it: its definition (the token never, only whether one is set; credentials in the URL
/// masked, see <see cref="SourceUrls"/>) and its live status.
/// <c>lag</c> is in seconds: now minus the newest event's own time.
/// </summary>
public sealed record SourceView(
    string Id,
    string Kind,
    string Url,
    string Channel,
    int PollSeconds,
    string? Stream,
    bool HasToken,
    string State,
    long Received,
    long Accepted,
    long Skipped,
    DateTimeOffset? LastEventAt,
    double? Lag,
    string? Cursor,
    string? LastError,
    DateTimeOffset? LastErrorAt,
    bool Silent,
    DateTimeOffset? LastPollAt)
{
    public static SourceView Of(SourceDefinition source, SourceStatus status)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(status);
        var stream = source.Stream == "hashtag" ? $"hashtag:{source.Hashtag}" : source.Stream;
        return new SourceView(source.Id, SourceWireNames.Of(source.Kind), SourceUrls.Redacted(source.Url), source.Channel, source.PollSeconds, stream,
            !string.IsNullOrEmpty(source.Token), SourceWireNames.Of(status.State), status.Received, status.Accepted, status.Skipped,
            status.LastEventAt, status.Lag is { } lag ? Math.Round(lag.TotalSeconds, 1) : null, status.Cursor, status.LastError,
            status.LastErrorAt, status.Silent, status.LastPollAt);
    }
}
