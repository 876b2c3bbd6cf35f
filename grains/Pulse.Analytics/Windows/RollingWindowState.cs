namespace Pulse.Analytics.Windows;

/// <summary>
/// A <see cref="RollingWindow"/> as plain data, for checkpoints: where its head stood and its non-empty buckets.
/// </summary>
/// <remarks>
/// <para><paramref name="Head"/> is an event-time slot (UTC ticks / resolution ticks; -1 when nothing was ever added), not
/// a monotonic timestamp, so a window restored in another process or on another machine lines up with real time.</para>
/// <para>Only non-empty buckets are kept, each with its age: checkpoints are written every few seconds for every active
/// grain, and most channels fill few of the ring's buckets (a quiet one none), while a full ring costs no more than the
/// dense array would plus one small age per bucket.</para>
/// <para>Arrays compare by reference: compare restored windows by their sums and series, not these records.</para>
/// </remarks>
/// <param name="Resolution">The window's bucket width.</param>
/// <param name="Capacity">How many buckets the ring holds.</param>
/// <param name="Head">The newest slot written, -1 for none.</param>
/// <param name="Ages">For each saved bucket, how many slots before <paramref name="Head"/> it lies: 0 is the head's own, at most Capacity - 1.</param>
/// <param name="Buckets">The saved buckets, parallel to <paramref name="Ages"/>; none is empty.</param>
public sealed record RollingWindowState(TimeSpan Resolution, int Capacity, long Head, int[] Ages, Bucket[] Buckets);
