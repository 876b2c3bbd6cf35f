using Pulse.Streaming.Redis;

namespace Pulse.Silo.Audit;

/// <summary>The embedded silo's audit log: the newest <see cref="IAuditLog.Capacity"/> entries, gone when the process ends.</summary>
public sealed class InMemoryAuditLog(TimeProvider clock, int capacity = IAuditLog.Capacity) : IAuditLog
{
    private readonly Lock _gate = new();
    private readonly List<AuditEntry> _entries = []; // oldest first, positions strictly rising

    public Task<AuditEntry> AppendAsync(AuditRecord record, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(record);
        lock (_gate)
        {
            var entry = new AuditEntry(Next(), record);
            _entries.Add(entry);
            if (_entries.Count > capacity)
            {
                _entries.RemoveAt(0);
            }

            return Task.FromResult(entry);
        }
    }

    public Task<AuditPage> ReadAsync(AuditQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        var found = new List<AuditEntry>(Math.Min(query.Limit, 64));
        lock (_gate)
        {
            for (var i = _entries.Count - 1; i >= 0 && found.Count <= query.Limit; i--)
            {
                var entry = _entries[i];
                if ((query.Before is not { } before || entry.Position < before) && query.Matches(entry.Record))
                {
                    found.Add(entry);
                }
            }
        }

        return Task.FromResult(AuditPages.Of(found, query.Limit));
    }

    /// <summary>As a Redis stream numbers entries: the clock's millisecond, or the last one's if the clock went back.</summary>
    private RedisEntryId Next()
    {
        var now = clock.GetUtcNow().ToUnixTimeMilliseconds();
        if (_entries.Count == 0 || _entries[^1].Position.Milliseconds < now)
        {
            return new RedisEntryId(now, 0);
        }

        var last = _entries[^1].Position;
        return last with { Sequence = last.Sequence + 1 };
    }
}
