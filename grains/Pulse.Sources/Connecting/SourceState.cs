namespace Pulse.Sources.Connecting;

/// <summary>What a source's connection is doing now.</summary>
public enum SourceState
{
    /// <summary>Opening the connection (or the first poll).</summary>
    Connecting,

    /// <summary>Connected and receiving (a feed: its last poll succeeded).</summary>
    Live,

    /// <summary>Waiting before the next attempt after an error, a 429 or a 5xx.</summary>
    BackingOff,

    /// <summary>Stopped on an error that retrying cannot fix (e.g. 401: a wrong token); needs a changed definition.</summary>
    Failed,

    /// <summary>Not running, by the operator's choice.</summary>
    Paused,
}
