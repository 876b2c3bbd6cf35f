using Orleans.Serialization;

namespace Pulse.Grains.Channels;

/// <summary>
/// A (brand, channel)'s state in its <see cref="IChannelCheckpointStore"/> (cluster mode): read back on activation, saved
/// when the ingest partitions commit or the grain deactivates. The checkpoint is written with the Orleans serializer,
/// the ids as journal chunks; the channel's live detection rides along (<see cref="ChannelCheckpoint.Detection"/>).
/// </summary>
internal static class ChannelCheckpoints
{
    /// <summary>
    /// The saved state of <paramref name="key"/>, or a fresh one if it never saved; either journals its ids. The checkpoint
    /// read (null: none) also holds the saved detection, for <see cref="ChannelDetection.ResumeFrom"/>.
    /// </summary>
    public static async Task<(ChannelState State, ChannelCheckpoint? Saved)> RestoreAsync(
        IChannelCheckpointStore store, Serializer serializer, ChannelKey key, ChannelWindowOptions options, TimeProvider clock, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(serializer);
        var saved = await store.ReadAsync(key.ToString(), cancellationToken);
        if (saved is null)
        {
            return (ChannelState.Restore(key, options, clock, null, []), null);
        }

        var checkpoint = serializer.Deserialize<ChannelCheckpoint>(saved.Checkpoint)
            ?? throw new InvalidOperationException($"The checkpoint of {key} is empty.");
        return (ChannelState.Restore(key, options, clock, checkpoint, [.. saved.Chunks.Select(c => SeenIdsChunk.FromBytes(c))]), checkpoint);
    }

    /// <summary>
    /// Saves <paramref name="state"/>, with <paramref name="detection"/> as it is now, if the state changed since its last
    /// save. Detection alone changing is no reason to write: the buckets it observed since are in the saved windows or
    /// the log, and a restore observes them again.
    /// </summary>
    public static async Task SaveAsync(IChannelCheckpointStore store, Serializer serializer, ChannelState state, ChannelDetection detection)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(serializer);
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(detection);
        if (state.Changed)
        {
            var save = state.Capture();
            var checkpoint = save.Checkpoint with { Detection = detection.Capture() };
            await store.WriteAsync(state.Key.ToString(), serializer.SerializeToArray(checkpoint), save.Chunk.ToBytes(), save.Drop);
            state.Saved(save);
        }
    }
}
