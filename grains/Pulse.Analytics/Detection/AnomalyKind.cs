namespace Pulse.Analytics.Detection;

/// <summary>What a detector saw in a bucket.</summary>
public enum AnomalyKind
{
    None,

    /// <summary>Volume well above its learned baseline.</summary>
    Spike,

    /// <summary>Volume well below its learned baseline for a sustained time (a channel going silent).</summary>
    Drop,

    /// <summary>The negative share of mentions rising against its own baseline.</summary>
    NegativeShift,

    /// <summary>Engagement (shares and comments) surging.</summary>
    Viral,
}
