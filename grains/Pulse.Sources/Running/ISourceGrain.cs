using Pulse.Sources.Connecting;

namespace Pulse.Sources.Running;

/// <summary>
/// One configured source (key: its id), running exactly once in the cluster wherever Orleans places it. It owns the
/// connection loop and saves its cursor every few seconds; when its silo dies, the next supervisor call activates it
/// elsewhere and it resumes from that cursor.
/// </summary>
public interface ISourceGrain : IGrainWithStringKey
{
    /// <summary>Starts the source under <paramref name="definition"/>, or restarts it when the definition changed.</summary>
    Task EnsureRunningAsync(SourceDefinition definition);

    /// <summary>
    /// The supervisor's call with the definition its round listed. A no-op while that definition runs; otherwise the list may
    /// be stale (the source was deleted or replaced since), so the catalog's current definition is run, or none.
    /// </summary>
    Task SuperviseAsync(SourceDefinition listed);

    Task<SourceStatus> GetStatusAsync();

    /// <summary>Stops the source and forgets its cursor (the source was deleted).</summary>
    Task StopAsync();
}
