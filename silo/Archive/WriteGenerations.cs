namespace Pulse.Silo.Archive;

/// <summary>
/// Which appended deliveries are still unwritten, grouped in generations, so that a flush can wait for everything
/// appended before it and nothing after. Each append joins the current generation; a flush closes it and completes
/// once no delivery of it or of an earlier one is left unwritten. Writers finish batches in any order.
/// </summary>
/// <remarks>
/// Cluster mode commits an ingest partition's log position only after this wait: rows still in a silo's buffer when
/// it dies are then after the commit, and the replay writes them again (idempotently).
/// </remarks>
internal sealed class WriteGenerations
{
    private readonly Lock _lock = new();
    private readonly SortedDictionary<long, int> _unwritten = [];
    private readonly List<(long Generation, TaskCompletionSource Done)> _waiters = [];
    private long _current;

    /// <summary>Generations a flush is waiting for: a writer should write what it holds rather than fill its batch.</summary>
    public bool FlushWaiting
    {
        get
        {
            lock (_lock)
            {
                return _waiters.Count > 0;
            }
        }
    }

    /// <summary>Counts one more unwritten delivery; returns its generation, to hand back to <see cref="Written"/>.</summary>
    public long Appended()
    {
        lock (_lock)
        {
            _unwritten[_current] = _unwritten.GetValueOrDefault(_current) + 1;
            return _current;
        }
    }

    /// <summary>Deliveries are written (one generation per delivery, repeats allowed); completes the flushes they held up.</summary>
    public void Written(IEnumerable<long> generations)
    {
        List<TaskCompletionSource>? done = null;
        lock (_lock)
        {
            foreach (var generation in generations)
            {
                if (!_unwritten.TryGetValue(generation, out var left))
                {
                    throw new InvalidOperationException($"Generation {generation} has no unwritten delivery.");
                }

                if (left == 1)
                {
                    _unwritten.Remove(generation);
                }
                else
                {
                    _unwritten[generation] = left - 1;
                }
            }

            var oldest = _unwritten.Count == 0 ? long.MaxValue : _unwritten.Keys.First();
            for (var i = _waiters.Count - 1; i >= 0; i--)
            {
                if (_waiters[i].Generation < oldest)
                {
                    (done ??= []).Add(_waiters[i].Done);
                    _waiters.RemoveAt(i);
                }
            }
        }

        // Outside the lock: continuations may run inline.
        done?.ForEach(d => d.TrySetResult());
    }

    /// <summary>Completes once every delivery appended before this call is written.</summary>
    public Task FlushAsync(CancellationToken cancellationToken)
    {
        lock (_lock)
        {
            var closed = _current++;
            if (_unwritten.Count == 0 || _unwritten.Keys.First() > closed)
            {
                return Task.CompletedTask;
            }

            var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _waiters.Add((closed, done));
            return done.Task.WaitAsync(cancellationToken);
        }
    }
}
