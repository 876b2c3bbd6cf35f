namespace Pulse.Grains.Digests;

/// <summary>What a brand's digest grain did when the scheduler asked it for the week due.</summary>
public enum DigestOutcome
{
    /// <summary>Queued to the brand's webhooks now.</summary>
    Sent,

    /// <summary>Sent earlier and every delivery is over (delivered or given up).</summary>
    Done,

    /// <summary>Sent, and some delivery is still under way: ask again later.</summary>
    Pending,

    /// <summary>The brand has no webhooks, or opted out (alert settings' "digest": false).</summary>
    NotWanted,

    /// <summary>The archive could not build it, or the outbox was full: ask again later.</summary>
    Unavailable,
}

public static class DigestOutcomes
{
    /// <summary>Whether the scheduler may leave the brand alone until the next week.</summary>
    public static bool IsSettled(this DigestOutcome outcome) => outcome is DigestOutcome.Done or DigestOutcome.NotWanted;
}
