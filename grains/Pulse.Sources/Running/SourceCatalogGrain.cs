using Pulse.Grains;
using Pulse.Sources.Connecting;

namespace Pulse.Sources.Running;

internal sealed class SourceCatalogGrain(
    [PersistentState("sources", GrainStorageNames.Pulse)] IPersistentState<SourceCatalogState> state)
    : Grain, ISourceCatalogGrain
{
    public Task<SourceDefinition[]> ListAsync() =>
        Task.FromResult(state.State.Sources.Values.OrderBy(s => s.Id, StringComparer.Ordinal).ToArray());

    public Task<SourceDefinition?> GetAsync(string id) => Task.FromResult(state.State.Sources.GetValueOrDefault(id));

    public async Task<bool> PutAsync(SourceDefinition source)
    {
        ArgumentNullException.ThrowIfNull(source);
        var isNew = !state.State.Sources.ContainsKey(source.Id);
        state.State.Sources[source.Id] = source;
        await state.WriteStateAsync();

        // Started now rather than at the next supervisor round, so a new source answers with its state at once.
        await GrainFactory.GetGrain<ISourceGrain>(source.Id).EnsureRunningAsync(source);
        return isNew;
    }

    public async Task<bool> DeleteAsync(string id)
    {
        if (!state.State.Sources.Remove(id))
        {
            return false;
        }

        await state.WriteStateAsync();
        await GrainFactory.GetGrain<ISourceGrain>(id).StopAsync();
        return true;
    }

    public async Task<int> AddMissingAsync(SourceDefinition[] sources)
    {
        ArgumentNullException.ThrowIfNull(sources);
        var added = sources.Count(s => state.State.Sources.TryAdd(s.Id, s));
        if (added > 0)
        {
            await state.WriteStateAsync();
        }

        return added;
    }
}
