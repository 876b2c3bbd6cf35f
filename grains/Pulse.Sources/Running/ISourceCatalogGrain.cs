using Pulse.Sources.Connecting;

namespace Pulse.Sources.Running;

/// <summary>The cluster's single list of sources (key <see cref="Key"/>), persisted in grain storage like the brands.</summary>
public interface ISourceCatalogGrain : IGrainWithStringKey
{
    const string Key = "sources";

    Task<SourceDefinition[]> ListAsync();

    /// <summary>Interleaves: a source grain asks it while the catalog may be waiting on that source grain (put, delete).</summary>
    [Orleans.Concurrency.AlwaysInterleave]
    Task<SourceDefinition?> GetAsync(string id);

    /// <summary>Creates or replaces a source and (re)starts it; true when it was new.</summary>
    Task<bool> PutAsync(SourceDefinition source);

    /// <summary>Removes a source and stops it; false when there was none.</summary>
    Task<bool> DeleteAsync(string id);

    /// <summary>Adds the sources whose ids are not in the catalog yet (the configuration file never overwrites API edits).</summary>
    Task<int> AddMissingAsync(SourceDefinition[] sources);
}
