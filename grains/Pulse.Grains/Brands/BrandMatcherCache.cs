using Microsoft.Extensions.Logging;
using Pulse.Grains.Mentions;

namespace Pulse.Grains.Brands;

/// <summary>
/// Keeps this silo's compiled matcher in step with the catalog. Asking the catalog "anything newer?" once per batch is
/// cheap and means a brand saved over the API applies to the very next batch. What changed is put on top of the
/// compiled base (<see cref="CompiledBrands.With"/>), so a brand saved costs a compile of the recently changed brands,
/// not of every brand; once more than <see cref="MaxChanges"/> have piled up, a new base is compiled in the background
/// while the current matcher keeps matching, and swapped in with the changes made meanwhile on top.
/// </summary>
internal sealed partial class BrandMatcherCache(IGrainFactory grains, ILogger<BrandMatcherCache> logger) : IDisposable
{
    /// <summary>Changed brands on top of the base past which the base is compiled again.</summary>
    public const int MaxChanges = BrandChangeLog.MaxIds;

    private readonly SemaphoreSlim _gate = new(1, 1);

    /// <summary>This silo's copy of the catalog at <see cref="_current"/>'s version, for compiling a new base (under the gate).</summary>
    private readonly Dictionary<string, BrandDefinition> _brands = new(StringComparer.OrdinalIgnoreCase);

    private volatile CompiledBrands _current = CompiledBrands.Empty;

    /// <summary>While a new base compiles: the ids changed since the brands it compiles were taken (under the gate).</summary>
    private HashSet<string>? _changedSinceRebuild;

    /// <summary>Counts complete replacements of the catalog; a rebuild started before one is dropped (under the gate).</summary>
    private int _generation;

    /// <summary>The rebuild running in the background, if any; for tests to wait on.</summary>
    internal Task Rebuilding { get; private set; } = Task.CompletedTask;

    public async ValueTask<CompiledBrands> CurrentAsync()
    {
        var current = _current;
        var changes = await Catalog.GetChangesSinceAsync(current.Version);
        if (changes is null)
        {
            return current;
        }

        await _gate.WaitAsync();
        try
        {
            while (true)
            {
                current = _current;
                if (current.Version == changes.Version)
                {
                    return current; // another partition applied it meanwhile
                }

                if (changes.IsComplete || changes.Since == current.Version)
                {
                    return Apply(changes);
                }

                // Asked from a version another partition has since moved past.
                changes = await Catalog.GetChangesSinceAsync(current.Version);
                if (changes is null)
                {
                    return current;
                }
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>
    /// <see cref="CurrentAsync"/> for an ingestor matching before it accepts: a catalog that cannot be read makes the
    /// batch unavailable (503, the client keeps it) rather than an error.
    /// </summary>
    public async ValueTask<CompiledBrands> CurrentForIngestAsync()
    {
        try
        {
            return await CurrentAsync();
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            throw new IngestUnavailableException("The brand catalog could not be read.", ex);
        }
    }

    private IBrandCatalogGrain Catalog => grains.GetGrain<IBrandCatalogGrain>(IBrandCatalogGrain.Key);

    /// <summary>Applies <paramref name="changes"/> (under the gate) and returns the new current compile.</summary>
    private CompiledBrands Apply(BrandCatalogChanges changes)
    {
        CompiledBrands next;
        if (changes.IsComplete)
        {
            _brands.Clear();
            foreach (var brand in changes.Upserted)
            {
                _brands[brand.Id] = brand;
            }

            _generation++;
            _changedSinceRebuild = null;
            next = CompiledBrands.Compile(changes.Version, changes.Upserted);
        }
        else
        {
            foreach (var id in changes.Deleted)
            {
                _brands.Remove(id);
            }

            foreach (var brand in changes.Upserted)
            {
                _brands.Remove(brand.Id);
                _brands[brand.Id] = brand;
            }

            _changedSinceRebuild?.UnionWith(changes.Deleted);
            _changedSinceRebuild?.UnionWith(changes.Upserted.Select(b => b.Id));
            next = _current.With(changes.Version, changes.Upserted, changes.Deleted);
        }

        foreach (var (brand, reason) in next.Skipped)
        {
            LogSkipped(brand, next.Version, reason);
        }

        _current = next;
        if (next.ChangeCount > MaxChanges && _changedSinceRebuild is null)
        {
            StartRebuild();
        }

        return next;
    }

    /// <summary>Compiles every brand as a new base off the ingest path (called under the gate).</summary>
    private void StartRebuild()
    {
        var version = _current.Version;
        var generation = _generation;
        BrandDefinition[] brands = [.. _brands.Values];
        _changedSinceRebuild = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        LogRebuilding(brands.Length, version, _current.ChangeCount);
        Rebuilding = Task.Run(async () =>
        {
            CompiledBrands? rebuilt = null;
            try
            {
                rebuilt = CompiledBrands.Compile(version, brands);
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                LogRebuildFailed(ex, version);
            }

            try
            {
                await _gate.WaitAsync();
            }
            catch (ObjectDisposedException)
            {
                return; // the silo is shutting down
            }

            try
            {
                if (generation == _generation && _changedSinceRebuild is { } changed)
                {
                    _changedSinceRebuild = null;
                    if (rebuilt is not null)
                    {
                        Swap(rebuilt, changed);
                    }
                }
            }
            finally
            {
                _gate.Release();
            }
        });
    }

    /// <summary>The rebuilt base, with what changed while it compiled on top, becomes current (under the gate).</summary>
    private void Swap(CompiledBrands rebuilt, HashSet<string> changed)
    {
        var delta = BrandCatalogChanges.Delta(_current.Version, _current.Version, changed, _brands);
        var next = rebuilt.With(_current.Version, delta.Upserted, delta.Deleted);
        _current = next;
        LogRebuilt(rebuilt.Version, next.Version, next.ChangeCount);
        if (next.ChangeCount > MaxChanges)
        {
            StartRebuild();
        }
    }

    public void Dispose() => _gate.Dispose();

    [LoggerMessage(Level = LogLevel.Error, Message = "Brand {Brand} is left out of matching (catalog version {Version}): {Reason} Fix its query over the API")]
    private partial void LogSkipped(string brand, long version, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Compiling {Count} brands (catalog version {Version}) in the background: {Changes} changed brands are matched on top of the last compile until it is done")]
    private partial void LogRebuilding(int count, long version, int changes);

    [LoggerMessage(Level = LogLevel.Information, Message = "Brands compiled at catalog version {Version}; now at version {Current} with {Changes} changed brands on top")]
    private partial void LogRebuilt(long version, long current, int changes);

    [LoggerMessage(Level = LogLevel.Error, Message = "Compiling the brands of catalog version {Version} failed; changed brands keep being matched on top of the last compile")]
    private partial void LogRebuildFailed(Exception exception, long version);
}
