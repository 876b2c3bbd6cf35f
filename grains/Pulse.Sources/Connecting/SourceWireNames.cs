namespace Pulse.Sources.Connecting;

/// <summary>Source kinds and states by their names at the edges: HTTP, the configuration file and metrics' tags.</summary>
public static class SourceWireNames
{
    public static string Of(SourceKind kind) => kind switch
    {
        SourceKind.Jetstream => "jetstream",
        SourceKind.Mastodon => "mastodon",
        SourceKind.Rss => "rss",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown source kind."),
    };

    public static string Of(SourceState state) => state switch
    {
        SourceState.Connecting => "connecting",
        SourceState.Live => "live",
        SourceState.BackingOff => "backing-off",
        SourceState.Failed => "failed",
        SourceState.Paused => "paused",
        _ => throw new ArgumentOutOfRangeException(nameof(state), state, "Unknown source state."),
    };

    public static bool TryParseKind(string? text, out SourceKind kind)
    {
        foreach (var candidate in Enum.GetValues<SourceKind>())
        {
            if (string.Equals(text?.Trim(), Of(candidate), StringComparison.OrdinalIgnoreCase))
            {
                kind = candidate;
                return true;
            }
        }

        kind = default;
        return false;
    }
}
