using Pulse.Sources.Connecting;

namespace Pulse.Sources.Running;

[GenerateSerializer]
public sealed class SourceCatalogState
{
    [Id(0)]
    public Dictionary<string, SourceDefinition> Sources { get; set; } = new(StringComparer.Ordinal);
}
