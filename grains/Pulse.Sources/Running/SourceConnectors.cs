using Pulse.Sources.Connecting;

namespace Pulse.Sources.Running;

/// <summary>The registered connectors, one per <see cref="SourceKind"/>.</summary>
internal sealed class SourceConnectors(IEnumerable<ISourceConnector> connectors)
{
    private readonly Dictionary<SourceKind, ISourceConnector> _byKind = connectors.ToDictionary(c => c.Kind);

    public ISourceConnector For(SourceKind kind) =>
        _byKind.TryGetValue(kind, out var connector) ? connector : throw new InvalidOperationException($"No connector is registered for {kind}.");
}
