using System.Collections.Frozen;
using System.Diagnostics.CodeAnalysis;

namespace Pulse.Silo.Ingest;

/// <summary>
/// The configured channel names. Lookup is case-insensitive and span-based, and yields the shared
/// lower-case instance, so a valid channel costs no allocation per mention.
/// </summary>
internal sealed class KnownChannels
{
    private readonly FrozenDictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> _lookup;

    public KnownChannels(IEnumerable<string> channels)
    {
        ArgumentNullException.ThrowIfNull(channels);
        var byName = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var ordered = new List<string>();
        foreach (var channel in channels)
        {
            var canonical = channel.Trim().ToLowerInvariant();
            if (byName.TryAdd(canonical, canonical))
            {
                ordered.Add(canonical);
            }
        }

        _lookup = byName.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase).GetAlternateLookup<ReadOnlySpan<char>>();
        Listing = string.Join(", ", ordered);
    }

    /// <summary>The channels, comma-separated, for error messages.</summary>
    public string Listing { get; }

    public bool TryNormalize(ReadOnlySpan<char> name, [NotNullWhen(true)] out string? channel) =>
        _lookup.TryGetValue(name, out channel);
}
