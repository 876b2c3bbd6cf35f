namespace Pulse.Grains.Channels;

/// <summary>
/// One save of a (brand, channel)'s state: the checkpoint that replaces the stored one, the journal's chunk of ids seen
/// since the last save, and how many of the oldest stored chunks to drop (see <see cref="IChannelCheckpointStore.WriteAsync"/>).
/// </summary>
internal sealed record ChannelSave(ChannelCheckpoint Checkpoint, SeenIdsChunk Chunk, int Drop);
