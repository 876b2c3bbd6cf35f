namespace Pulse.Sources.Rss;

/// <summary>What the connector's loop does after one poll.</summary>
internal abstract record PollOutcome
{
    private PollOutcome()
    {
    }

    /// <summary>The poll did what it could (items accepted, nothing new, or a bad document skipped): wait the interval.</summary>
    public sealed record Done : PollOutcome;

    /// <summary>Back off, then poll again.</summary>
    public sealed record Retry(string Problem, TimeSpan? RetryAfter) : PollOutcome;

    /// <summary>Report Failed and return: retrying cannot help.</summary>
    public sealed record Stop(string Problem) : PollOutcome;
}
