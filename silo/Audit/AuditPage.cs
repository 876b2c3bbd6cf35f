using Pulse.Streaming.Redis;

namespace Pulse.Silo.Audit;

/// <summary>Entries newest first; <see cref="Next"/> is the cursor for the following (older) page, null at the log's start.</summary>
public sealed record AuditPage(IReadOnlyList<AuditEntry> Entries, RedisEntryId? Next);
