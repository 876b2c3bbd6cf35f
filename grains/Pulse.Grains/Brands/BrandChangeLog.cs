namespace Pulse.Grains.Brands;

/// <summary>
/// The catalog's recent versions, each with the ids it changed, up to <see cref="MaxIds"/> ids in all: enough for a
/// matcher to apply what changed since its version instead of recompiling every brand. A change larger than the bound
/// (a bulk import) empties the log, so matchers from before it get the whole catalog, which they compile once.
/// </summary>
internal sealed class BrandChangeLog
{
    /// <summary>Most changed ids the log keeps; a matcher's overlay recompiles that many brands per change at most.</summary>
    public const int MaxIds = 1024;

    private readonly Queue<(long Version, string[] Ids)> _entries = new();
    private int _ids;

    /// <param name="version">The catalog's version when the log starts: it can answer for this version onwards.</param>
    public BrandChangeLog(long version) => Oldest = version;

    /// <summary>The oldest version the log can tell the changes since.</summary>
    public long Oldest { get; private set; }

    /// <summary>Records that <paramref name="version"/> (the one after the last recorded) changed <paramref name="ids"/>.</summary>
    public void Add(long version, string[] ids)
    {
        if (ids.Length > MaxIds)
        {
            _entries.Clear();
            _ids = 0;
            Oldest = version;
            return;
        }

        _entries.Enqueue((version, ids));
        _ids += ids.Length;
        while (_ids > MaxIds)
        {
            var (dropped, droppedIds) = _entries.Dequeue();
            _ids -= droppedIds.Length;
            Oldest = dropped;
        }
    }

    /// <summary>The ids changed after <paramref name="version"/>, or null when the log does not reach back that far.</summary>
    public HashSet<string>? ChangedSince(long version, long current)
    {
        if (version < Oldest || version > current)
        {
            return null;
        }

        var changed = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (at, ids) in _entries)
        {
            if (at > version)
            {
                changed.UnionWith(ids);
            }
        }

        return changed;
    }
}
