namespace Pulse.Silo.Audit;

/// <summary>
/// What a writer hands the audit log: who did what to which <see cref="Target"/> (a brand, source or key id, a user name,
/// an alert id), a short <see cref="Detail"/> and the client's address. Never a secret: no webhook URL, key secret,
/// password or source token goes into either text field.
/// </summary>
public sealed record AuditRecord(AuditActor Who, AuditAction Action, string? Target, string? Detail, string? Client);
