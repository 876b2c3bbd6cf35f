using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Pulse.Grains;
using Pulse.Grains.Mentions;
using Pulse.Grains.Telemetry;
using Pulse.Sources.Connecting;

namespace Pulse.Sources.Running;

/// <summary>
/// Orchestrates one source: runs its connector on a task of its own (a connection loop must not hold the grain's turn),
/// hands it a <see cref="SourceSink"/>, and saves the sink's cursor on a keep-alive timer.
/// </summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1001", Justification = "The run's token source is disposed when the run stops, at the latest on deactivation.")]
internal sealed partial class SourceGrain(
    [PersistentState("source", GrainStorageNames.Pulse)] IPersistentState<SourceCursorState> state,
    SourceConnectors connectors,
    IMentionIngestor ingestor,
    TimeProvider clock,
    PulseMetrics metrics,
    IOptions<SourcesOptions> options,
    ILogger<SourceGrain> logger) : Grain, ISourceGrain
{
    private SourceDefinition? _definition;
    private SourceSink? _sink;
    private CancellationTokenSource? _stop;
    private Task? _run;
    private IGrainTimer? _saver;
    private bool _wasSilent;

    public async Task EnsureRunningAsync(SourceDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(definition);
        if (_run is not null && definition == _definition)
        {
            return; // running, or stopped as Failed: only a changed definition restarts a failed source
        }

        await StopRunAsync();
        if (CursorBelongsElsewhere(definition))
        {
            state.State.Cursor = null;
        }

        state.State.Kind = definition.Kind;
        state.State.Url = definition.Url;
        _definition = definition;
        var sink = new SourceSink(ingestor, clock, state.State.Cursor, options.Value.SilenceFloor(definition), metrics, definition.Kind);
        _sink = sink;
        _stop = new CancellationTokenSource();
        var connector = connectors.For(definition.Kind);
        var cursor = state.State.Cursor;
        var stopping = _stop.Token;
        LogStarting(definition.Id, definition.Kind, cursor is not null);
        _run = Task.Run(() => connector.RunAsync(definition, cursor, sink, stopping), CancellationToken.None);
        var every = options.Value.CursorSaveInterval;
        _saver ??= this.RegisterGrainTimer(SaveAsync, new GrainTimerCreationOptions(every, every) { KeepAlive = true });
    }

    public async Task SuperviseAsync(SourceDefinition listed)
    {
        ArgumentNullException.ThrowIfNull(listed);
        if (_run is not null && listed == _definition)
        {
            return;
        }

        // About to start or restart on a list that may predate a delete or a replace: only the catalog's word counts.
        var current = await GrainFactory.GetGrain<ISourceCatalogGrain>(ISourceCatalogGrain.Key).GetAsync(this.GetPrimaryKeyString());
        if (current is not null)
        {
            await EnsureRunningAsync(current);
        }
        else if (_run is null && _definition is null)
        {
            DeactivateOnIdle(); // deleted: the delete already stopped it and cleared its cursor
        }
        else
        {
            await StopAsync();
        }
    }

    public Task<SourceStatus> GetStatusAsync() => Task.FromResult(_sink?.Status() ?? SourceStatus.Paused);

    public async Task StopAsync()
    {
        await StopRunAsync();
        _saver?.Dispose();
        _saver = null;
        _sink = null;
        _definition = null;
        await state.ClearStateAsync();
        DeactivateOnIdle();
    }

    public override async Task OnDeactivateAsync(DeactivationReason reason, CancellationToken cancellationToken)
    {
        // A graceful move (shutdown, rebalancing) hands on the newest cursor; a killed silo leaves the last saved one.
        await StopRunAsync();
        try
        {
            await SaveAsync(cancellationToken);
        }
#pragma warning disable CA1031 // at shutdown the storage may already be gone (the embedded default's memory storage is a grain)
        catch (Exception e)
#pragma warning restore CA1031
        {
            LogSaveOnDeactivateFailed(_definition?.Id, e.Message);
        }

        await base.OnDeactivateAsync(reason, cancellationToken);
    }

    private async Task SaveAsync(CancellationToken cancellationToken)
    {
        if (_sink is not { } sink || _definition is not { } definition)
        {
            return;
        }

        var status = sink.Status();
        if (status.Silent != _wasSilent)
        {
            _wasSilent = status.Silent;
            LogSilence(definition.Id, status.Silent, status.LastEventAt);
        }

        if (sink.Cursor is { } cursor && cursor != state.State.Cursor)
        {
            state.State.Cursor = cursor;
            await state.WriteStateAsync(cancellationToken);
        }
    }

    private async Task StopRunAsync()
    {
        if (_stop is null || _run is null)
        {
            return;
        }

        await _stop.CancelAsync();
        try
        {
            // Connectors return promptly on cancellation; a stuck one is left behind rather than blocking the grain.
            await _run.WaitAsync(TimeSpan.FromSeconds(10));
        }
        catch (Exception e) when (e is TimeoutException or OperationCanceledException)
        {
            LogStopSlow(_definition?.Id);
        }

        _stop.Dispose();
        _stop = null;
        _run = null;
    }

    /// <summary>
    /// A cursor is a position in one network's stream: it is kept when only the Jetstream host changes (the connector
    /// rewinds by time across hosts) and dropped when the kind or, for feeds and instances, the URL changes.
    /// </summary>
    private bool CursorBelongsElsewhere(SourceDefinition definition) =>
        state.State.Kind is { } kind && (kind != definition.Kind || (kind != SourceKind.Jetstream && state.State.Url != definition.Url));

    [LoggerMessage(Level = LogLevel.Information, Message = "Source {Source} ({Kind}) starting; resuming from a saved cursor: {Resume}")]
    private partial void LogStarting(string source, SourceKind kind, bool resume);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Source {Source} silent: {Silent}, last event at {LastEventAt}")]
    private partial void LogSilence(string source, bool silent, DateTimeOffset? lastEventAt);

    [LoggerMessage(Level = LogLevel.Information, Message = "Source {Source}: cursor not saved on deactivation ({Reason}); it resumes from the last saved one")]
    private partial void LogSaveOnDeactivateFailed(string? source, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Source {Source} did not stop within 10 s; left behind")]
    private partial void LogStopSlow(string? source);
}
