namespace Pulse.Grains.Channels;

/// <summary>
/// The grain's side of its incremental id journal: which ids it saw since the last save (they go out as the next
/// chunk), and when the chunks already stored were written, so that chunks every id of which has expired are dropped.
/// </summary>
/// <remarks>
/// A save used to write the whole de-duplication set, which holds every id of the last one to two horizons (an hour
/// by default): at 50 000 mentions/s that is the bulk of every checkpoint, rewritten every commit. The journal writes
/// each sighting once. Every id passed to the set is recorded, duplicates included: a sighting moves an id into the
/// current generation, and the chunk's time is what puts it there again on restore.
/// </remarks>
internal sealed class SeenIdsJournal
{
    private readonly List<ulong> _pending = [];
    private readonly Queue<DateTimeOffset> _stored;

    public SeenIdsJournal(IEnumerable<DateTimeOffset> stored)
    {
        _stored = new Queue<DateTimeOffset>(stored);
    }

    public int Pending => _pending.Count;

    public int Stored => _stored.Count;

    public void Seen(ulong hash) => _pending.Add(hash);

    /// <summary>
    /// The chunk to append now and how many of the oldest stored chunks to drop: those written before
    /// <paramref name="expiredBefore"/> (the start of the previous generation), whose ids a restore would drop anyway.
    /// Nothing changes until <see cref="Saved"/>: a failed write is retried with the same ids at the next save.
    /// </summary>
    public (SeenIdsChunk Chunk, int Drop) Prepare(DateTimeOffset now, DateTimeOffset expiredBefore)
    {
        var drop = 0;
        foreach (var at in _stored)
        {
            if (at >= expiredBefore)
            {
                break;
            }

            drop++;
        }

        return (new SeenIdsChunk(now, [.. _pending]), drop);
    }

    /// <summary>The chunk from <see cref="Prepare"/> is stored and the dropped ones are gone.</summary>
    public void Saved(SeenIdsChunk chunk, int dropped)
    {
        for (var i = 0; i < dropped; i++)
        {
            _stored.Dequeue();
        }

        _stored.Enqueue(chunk.SavedAt);
        _pending.Clear();
    }
}
