namespace Pulse.Silo.Audit;

/// <summary>
/// What the endpoints call once a change has succeeded: appends the entry to <see cref="IAuditLog"/> and writes it as a
/// log line too (operators grep logs, and the line is the copy when the store fails).
/// </summary>
public sealed partial class AuditTrail(IAuditLog log, ILogger<AuditTrail> logger)
{
    /// <summary>Records that the caller of <paramref name="context"/> did <paramref name="action"/> to <paramref name="target"/>.</summary>
    public Task RecordAsync(HttpContext context, AuditAction action, string? target, string? detail = null)
    {
        ArgumentNullException.ThrowIfNull(context);
        return RecordAsync(context, AuditActor.Of(context.User), action, target, detail);
    }

    /// <summary>As above for someone the request is not (yet) signed in as: who just signed in, or a refused sign-in.</summary>
    public async Task RecordAsync(HttpContext context, AuditActor who, AuditAction action, string? target, string? detail = null)
    {
        ArgumentNullException.ThrowIfNull(context);
        var record = new AuditRecord(who, action, target, detail, context.Connection.RemoteIpAddress?.ToString());
        var name = AuditNames.Action.Of(action);
        LogRecorded(name, target, who.Id, record.Client, detail);
        try
        {
            // Not the request's token: the change is made, and a client hanging up now must not erase its record.
            await log.AppendAsync(record, CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // The change itself succeeded and is stored: failing the request now would tell the user it did not, and a
            // retry would do it twice. The line above already holds the entry, so the record survives in the logs.
            LogNotStored(ex, name, target, who.Id);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Audit: {Action} {Target} by {Who} from {Client} ({Detail}).")]
    private partial void LogRecorded(string action, string? target, string who, string? client, string? detail);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Audit: {Action} {Target} by {Who} is in this log but not in the audit log, which failed to take it.")]
    private partial void LogNotStored(Exception exception, string action, string? target, string who);
}
