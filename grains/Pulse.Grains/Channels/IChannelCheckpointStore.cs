namespace Pulse.Grains.Channels;

/// <summary>
/// Where (brand, channel) grains keep their checkpoints in cluster mode: per grain a small checkpoint (windows, feed,
/// applied positions) that each save replaces, and an append-only journal of id chunks (see <see cref="SeenIdsJournal"/>).
/// </summary>
public interface IChannelCheckpointStore
{
    /// <summary>The grain's checkpoint and its journal's chunks, oldest first; null when it never saved.</summary>
    Task<StoredChannel?> ReadAsync(string grain, CancellationToken cancellationToken = default);

    /// <summary>
    /// Atomically: drops the <paramref name="dropOldest"/> oldest chunks, appends <paramref name="chunk"/> and replaces the
    /// checkpoint. All or nothing, so a restore never sees ids whose mentions the checkpoint's windows do not hold.
    /// </summary>
    Task WriteAsync(string grain, byte[] checkpoint, byte[] chunk, int dropOldest, CancellationToken cancellationToken = default);
}

/// <summary>What <see cref="IChannelCheckpointStore.ReadAsync"/> found: the serialized checkpoint and the journal's chunks.</summary>
public sealed record StoredChannel(byte[] Checkpoint, IReadOnlyList<byte[]> Chunks);
