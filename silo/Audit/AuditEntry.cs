namespace Pulse.Silo.Audit;

/// <summary>An entry as the log holds it: its <see cref="Position"/> (whose clock gives <see cref="At"/>) and the record.</summary>
public sealed record AuditEntry(AuditPosition Position, AuditRecord Record)
{
    /// <summary>When the log took the entry (UTC): one clock for all hosts in cluster mode, Redis's.</summary>
    public DateTimeOffset At => Position.Time;
}
