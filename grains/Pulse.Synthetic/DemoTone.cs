namespace Pulse.Synthetic;

/// <summary>How a generated post is worded; the scorer has to find this out on its own.</summary>
public enum DemoTone
{
    Positive,
    Neutral,
    Negative,
}
