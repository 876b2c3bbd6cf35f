using Pulse.Sources.Connecting;

namespace Pulse.Sources.Running;

/// <summary>What a source grain persists: its cursor, and what it was a cursor for.</summary>
[GenerateSerializer]
public sealed class SourceCursorState
{
    [Id(0)]
    public string? Cursor { get; set; }

    [Id(1)]
    public SourceKind? Kind { get; set; }

    [Id(2)]
    public Uri? Url { get; set; }
}
