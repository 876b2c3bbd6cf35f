using Microsoft.Extensions.Logging;
using Pulse.Sources.Connecting;

namespace Pulse.Sources.Mastodon;

/// <summary>
/// Listens to a Mastodon instance's streaming API (server-sent events) and turns new public statuses into mentions.
/// Streams cannot be resumed, so every (re)connect with a cursor first back-fills the gap from the REST timeline.
/// Stateless itself: each <see cref="RunAsync"/> keeps its own <see cref="MastodonRun"/>.
/// </summary>
public sealed partial class MastodonConnector(
    HttpClient http,
    TimeProvider clock,
    ILogger<MastodonConnector> logger,
    MastodonOptions? options = null) : ISourceConnector
{
    private readonly MastodonOptions _options = options ?? new MastodonOptions();

    public SourceKind Kind => SourceKind.Mastodon;

    public async Task RunAsync(SourceDefinition source, string? cursor, ISourceSink sink, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(sink);

        var endpoints = MastodonEndpoints.For(source, out var problem);
        if (string.IsNullOrWhiteSpace(source.Token))
        {
            problem = "A Mastodon source needs a bearer token: instances since Mastodon 4.2 refuse streaming without one.";
        }

        if (endpoints is null || problem is not null)
        {
            LogInvalidSource(source.Id, problem);
            sink.StateChanged(SourceState.Failed, problem);
            return;
        }

        if (cursor is not null && !StatusId.IsValid(cursor))
        {
            // Not something this connector saved: sending it to the instance could only fail. Start from now instead.
            LogInvalidCursor(source.Id);
            cursor = null;
        }

        var run = new MastodonRun(http, clock, logger, _options, source, endpoints, sink, cursor);
        await run.RunAsync(cancellationToken).ConfigureAwait(false);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Mastodon source {Source} cannot run: {Problem}")]
    private partial void LogInvalidSource(string source, string? problem);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Mastodon source {Source}: the saved cursor is not a status id; starting from now")]
    private partial void LogInvalidCursor(string source);
}
