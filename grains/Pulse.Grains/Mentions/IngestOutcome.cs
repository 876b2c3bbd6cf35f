namespace Pulse.Grains.Mentions;

/// <summary>
/// What ingest took from one call: every mention it was given, and those of them that named at least one brand (the
/// same instances, in order), so a source can remember which of its posts are monitored.
/// </summary>
public readonly record struct IngestOutcome(int Mentions, IReadOnlyList<Mention> MatchedMentions)
{
    public static IngestOutcome None { get; } = new(0, []);

    /// <summary>How many mentions named at least one brand.</summary>
    public int Matched => MatchedMentions.Count;
}
