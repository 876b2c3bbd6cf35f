using Pulse.Grains.Channels;

namespace Pulse.Grains.Tests.Channels;

/// <summary>An <see cref="IChannelCheckpointStore"/> in memory, with the Redis store's semantics: a save replaces the
/// checkpoint, appends its chunk and drops the oldest chunks, all at once.</summary>
internal sealed class InMemoryCheckpointStore : IChannelCheckpointStore
{
    private readonly Dictionary<string, (byte[] Checkpoint, List<byte[]> Chunks)> _grains = [];

    public Task<StoredChannel?> ReadAsync(string grain, CancellationToken cancellationToken = default) =>
        Task.FromResult(_grains.TryGetValue(grain, out var saved) ? new StoredChannel(saved.Checkpoint, [.. saved.Chunks]) : null);

    public Task WriteAsync(string grain, byte[] checkpoint, byte[] chunk, int dropOldest, CancellationToken cancellationToken = default)
    {
        var chunks = _grains.TryGetValue(grain, out var saved) ? saved.Chunks : [];
        chunks.RemoveRange(0, Math.Min(dropOldest, chunks.Count));
        chunks.Add(chunk);
        _grains[grain] = (checkpoint, chunks);
        return Task.CompletedTask;
    }

    /// <summary>Replaces the stored checkpoint as is (a corrupted or an older version's save).</summary>
    public void Overwrite(string grain, byte[] checkpoint) => _grains[grain] = (checkpoint, _grains[grain].Chunks);

    public byte[] Checkpoint(string grain) => _grains[grain].Checkpoint;
}
