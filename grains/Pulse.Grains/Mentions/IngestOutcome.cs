namespace Pulse.Grains.Mentions;

/// <summary>What ingest took from one call: every mention it was given, and how many of them named at least one brand.</summary>
public readonly record struct IngestOutcome(int Mentions, int Matched)
{
    public static IngestOutcome None { get; } = new(0, 0);
}
