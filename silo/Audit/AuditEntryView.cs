namespace Pulse.Silo.Audit;

/// <summary>An audit entry as <c>GET /api/audit</c> shows it: enums by their kebab-case names, <see cref="Id"/> the cursor.</summary>
public sealed record AuditEntryView(string Id, DateTimeOffset At, AuditActorView Who, string Action, string? Target, string? Detail, string? Client)
{
    public static AuditEntryView Of(AuditEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var record = entry.Record;
        return new AuditEntryView(
            entry.Position.ToString(),
            entry.At,
            new AuditActorView(record.Who.Id, record.Who.Name, AuditNames.ActorKind.Of(record.Who.Kind)),
            AuditNames.Action.Of(record.Action),
            record.Target,
            record.Detail,
            record.Client);
    }
}

/// <summary>Who acted: <c>{"id": "user:anna", "name": "anna", "kind": "user"}</c>.</summary>
public sealed record AuditActorView(string Id, string Name, string Kind);

/// <summary>One page: <see cref="Next"/> goes back as <c>?before=</c> for older entries; null when there are none.</summary>
public sealed record AuditPageView(AuditEntryView[] Entries, string? Next);
