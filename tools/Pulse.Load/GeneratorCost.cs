namespace Pulse.Load;

/// <summary>
/// What composing a mention costs this generator, measured before the run on one thread: during the run the server
/// competes for the same cores, so wall time spent composing would count waiting for a core too.
/// </summary>
internal static class GeneratorCost
{
    /// <returns>Microseconds per mention to compose a 1 000-mention NDJSON batch from the pool.</returns>
    public static double MeasureMicroseconds(MentionPool pool, MentionIds ids, TimeProvider time, int mentions = 100_000)
    {
        var batch = new LoadBatch(jsonArray: false);
        var id = new char[MentionIds.MaxLength];
        Compose(batch, pool, ids, id, 1_000); // warm-up: JIT and buffer growth are not the steady cost
        var start = time.GetTimestamp();
        for (var done = 0; done < mentions; done += 1_000)
        {
            Compose(batch, pool, ids, id, 1_000);
        }

        return time.GetElapsedTime(start).TotalMicroseconds / mentions;
    }

    private static void Compose(LoadBatch batch, MentionPool pool, MentionIds ids, char[] id, int count)
    {
        batch.Begin(DateTimeOffset.UnixEpoch);
        for (var i = 0; i < count; i++)
        {
            batch.Add(ids.Format(i, id), pool[i]);
        }

        batch.Complete();
    }
}
