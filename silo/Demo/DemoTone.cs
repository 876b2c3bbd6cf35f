namespace Pulse.Silo.Demo;

/// <summary>How a generated post is worded; the scorer has to find this out on its own.</summary>
internal enum DemoTone
{
    Positive,
    Neutral,
    Negative,
}
