namespace Pulse.Sources.Connecting;

/// <summary>
/// Turns one network's events into mentions. One instance serves any number of sources of its <see cref="Kind"/>;
/// all per-source state lives in <see cref="RunAsync"/> and in the cursor it hands to the sink.
/// </summary>
public interface ISourceConnector
{
    SourceKind Kind { get; }

    /// <summary>
    /// Listens until <paramref name="cancellationToken"/> is cancelled, starting after <paramref name="cursor"/> (null: from
    /// now). Reconnects and backs off by itself, reporting each state to the sink; returns only on cancellation or after
    /// reporting <see cref="SourceState.Failed"/>. Never throws for anything the network sends.
    /// </summary>
    Task RunAsync(SourceDefinition source, string? cursor, ISourceSink sink, CancellationToken cancellationToken);
}
