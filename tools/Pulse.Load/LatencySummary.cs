namespace Pulse.Load;

/// <summary>Latency percentiles in milliseconds over <see cref="Count"/> samples (null when there were none).</summary>
internal sealed record LatencySummary(int Count, double? P50, double? P90, double? P99, double? Max);
