using Orleans.Serialization;

namespace Pulse.Grains.Channels;

/// <summary>
/// A (brand, channel)'s state in its <see cref="IChannelCheckpointStore"/> (cluster mode): read back on activation, saved
/// when the ingest partitions commit or the grain deactivates. The checkpoint is written with the Orleans serializer,
/// the ids as journal chunks.
/// </summary>
internal static class ChannelCheckpoints
{
    /// <summary>The saved state of <paramref name="key"/>, or a fresh one if it never saved; either journals its ids.</summary>
    public static async Task<ChannelState> RestoreAsync(
        IChannelCheckpointStore store, Serializer serializer, ChannelKey key, ChannelWindowOptions options, TimeProvider clock, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(serializer);
        var saved = await store.ReadAsync(key.ToString(), cancellationToken);
        if (saved is null)
        {
            return ChannelState.Restore(key, options, clock, null, []);
        }

        var checkpoint = serializer.Deserialize<ChannelCheckpoint>(saved.Checkpoint)
            ?? throw new InvalidOperationException($"The checkpoint of {key} is empty.");
        return ChannelState.Restore(key, options, clock, checkpoint, [.. saved.Chunks.Select(c => SeenIdsChunk.FromBytes(c))]);
    }

    /// <summary>Saves <paramref name="state"/> if it changed since its last save.</summary>
    public static async Task SaveAsync(IChannelCheckpointStore store, Serializer serializer, ChannelState state)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(serializer);
        ArgumentNullException.ThrowIfNull(state);
        if (state.Changed)
        {
            var save = state.Capture();
            await store.WriteAsync(state.Key.ToString(), serializer.SerializeToArray(save.Checkpoint), save.Chunk.ToBytes(), save.Drop);
            state.Saved(save);
        }
    }
}
