namespace Pulse.Analytics.Windows;

/// <summary>
/// A <see cref="RecentMentionIds"/> as plain data, for checkpoints: the id hashes of both generations and how far the
/// current generation had run, anchored to the wall clock.
/// </summary>
/// <remarks>The monotonic timestamp origin of the saving process means nothing in another process, so the position
/// is saved as (<paramref name="SavedAt"/>, <paramref name="IntoGeneration"/>) and the restoring side works out from
/// its own wall clock how many generations have passed since.</remarks>
/// <param name="Horizon">The horizon the ids were kept under; generations are one horizon long.</param>
/// <param name="SavedAt">Wall-clock time of the export.</param>
/// <param name="IntoGeneration">How long the current generation had been running at <paramref name="SavedAt"/>, in [0, Horizon).</param>
/// <param name="Current">Hashes seen in the current generation.</param>
/// <param name="Previous">Hashes seen in the previous generation and not since.</param>
public sealed record RecentMentionIdsState(TimeSpan Horizon, DateTimeOffset SavedAt, TimeSpan IntoGeneration, ulong[] Current, ulong[] Previous);
