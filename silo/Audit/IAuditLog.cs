namespace Pulse.Silo.Audit;

/// <summary>
/// The append-only record of who changed what: in memory for the embedded silo, a Redis stream in cluster mode so every
/// host writes to and reads one log. Both keep about the newest <see cref="Capacity"/> entries; nothing else removes one.
/// </summary>
public interface IAuditLog
{
    /// <summary>
    /// Entries kept: months of a team's changes in a few MB. The oldest go first, so a flood of refused sign-ins (slowed by
    /// the per-address sign-in limit) can push old entries out; the log lines (<see cref="AuditTrail"/>) keep a copy.
    /// </summary>
    const int Capacity = 10_000;

    /// <summary>Appends <paramref name="record"/>; the log's clock stamps it.</summary>
    Task<AuditEntry> AppendAsync(AuditRecord record, CancellationToken cancellationToken = default);

    Task<AuditPage> ReadAsync(AuditQuery query, CancellationToken cancellationToken = default);
}
