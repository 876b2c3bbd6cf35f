namespace Pulse.Grains.Digests;

/// <summary>
/// What one digest covers: seven local days [<see cref="From"/>, <see cref="To"/>) from midnight to midnight in the
/// schedule's time zone (167 or 169 hours across a clock change), set against the seven before
/// [<see cref="ComparisonFrom"/>, <see cref="From"/>); and <see cref="DueAt"/>, when the schedule sends it.
/// </summary>
public sealed record DigestPeriod(DigestWeek Week, DateOnly FirstDay, DateTimeOffset From, DateTimeOffset To, DateTimeOffset ComparisonFrom, DateTimeOffset DueAt);
