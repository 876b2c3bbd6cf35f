namespace Pulse.Grains.Channels;

/// <summary>
/// One call to another grain at a time, started by a turn that does not wait for it. A channel grain's timer is not
/// interleaved, so awaiting a grain on a silo that just died would hold every delivery to the channel until Orleans'
/// response timeout (30 s); instead the call runs beside the grain and a later tick reads how it ended.
/// </summary>
internal sealed class GrainCallSlot
{
    private Task? _call;

    /// <summary>A call was started and has not ended yet.</summary>
    public bool Busy => _call is { IsCompleted: false };

    public void Start(Task call)
    {
        if (Busy)
        {
            throw new InvalidOperationException("A call is still in flight.");
        }

        _call = call;
    }

    /// <summary>
    /// The call that has ended since it was started, once (null when none has), with its failure observed and returned
    /// (null when it succeeded).
    /// </summary>
    public Task? TakeEnded(out Exception? failure)
    {
        failure = null;
        if (_call is not { IsCompleted: true } done)
        {
            return null;
        }

        _call = null;
        if (!done.IsCompletedSuccessfully)
        {
            failure = done.Exception?.InnerException ?? new TaskCanceledException(done);
        }

        return done;
    }
}
