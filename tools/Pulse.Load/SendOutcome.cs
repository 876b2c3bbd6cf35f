namespace Pulse.Load;

/// <summary>
/// What became of one request: mentions accepted and rejected, and for a failed request the kind of failure
/// (<c>http-503</c>, <c>timeout</c>, …) and how long the server asked to be left alone.
/// </summary>
internal readonly record struct SendOutcome(int Accepted, int Rejected, string? Error = null, TimeSpan? RetryAfter = null);
