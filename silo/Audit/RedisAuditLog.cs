using Pulse.Silo.Cluster;
using StackExchange.Redis;
using Pulse.Streaming.Redis;

namespace Pulse.Silo.Audit;

/// <summary>
/// Cluster mode's audit log: the stream <c>{ClusterId}:audit</c>, one for all hosts. XADD with <c>MAXLEN ~</c> keeps it
/// near <see cref="IAuditLog.Capacity"/> (Redis trims whole nodes, so a few more may stay) and Redis numbers the entries,
/// so entries from every host are in one order on one clock. Fields are plain names, readable with redis-cli XRANGE.
/// </summary>
internal sealed class RedisAuditLog(IConnectionMultiplexer redis, RedisClusterOptions options, int capacity = IAuditLog.Capacity) : IAuditLog
{
    private const string WhoId = "who-id";
    private const string WhoName = "who-name";
    private const string WhoKind = "who-kind";
    private const string Action = "action";
    private const string Target = "target";
    private const string Detail = "detail";
    private const string Client = "client";

    /// <summary>Entries read per XREVRANGE while filtering: a filtered page over the whole log is about 20 round trips.</summary>
    private const int Chunk = AuditQuery.MaxLimit;

    private readonly RedisKey _stream = $"{options.ClusterId}:audit";

    public async Task<AuditEntry> AppendAsync(AuditRecord record, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(record);
        var fields = new List<NameValueEntry>(7)
        {
            new(WhoId, record.Who.Id),
            new(WhoName, record.Who.Name),
            new(WhoKind, AuditNames.ActorKind.Of(record.Who.Kind)),
            new(Action, AuditNames.Action.Of(record.Action)),
        };
        AddIfSet(fields, Target, record.Target);
        AddIfSet(fields, Detail, record.Detail);
        AddIfSet(fields, Client, record.Client);
        var id = await redis.GetDatabase()
            .StreamAddAsync(_stream, [.. fields], maxLength: capacity, useApproximateMaxLength: true)
            .WaitAsync(cancellationToken).ConfigureAwait(false);
        return new AuditEntry(Position(id), record);
    }

    public async Task<AuditPage> ReadAsync(AuditQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        var database = redis.GetDatabase();
        var found = new List<AuditEntry>(Math.Min(query.Limit + 1, 64));
        // "(" makes the upper end exclusive (Redis 6.2+): a cursor is the last entry of the previous page.
        RedisValue end = query.Before is { } before ? "(" + before : "+";
        while (found.Count <= query.Limit)
        {
            var chunk = await database.StreamRangeAsync(_stream, minId: "-", maxId: end, count: Chunk, messageOrder: Order.Descending)
                .WaitAsync(cancellationToken).ConfigureAwait(false);
            foreach (var raw in chunk)
            {
                var entry = Read(raw);
                if (query.Matches(entry.Record))
                {
                    found.Add(entry);
                    if (found.Count > query.Limit)
                    {
                        break;
                    }
                }
            }

            if (chunk.Length < Chunk)
            {
                break;
            }

            end = "(" + chunk[^1].Id;
        }

        return AuditPages.Of(found, query.Limit);
    }

    private static void AddIfSet(List<NameValueEntry> fields, string name, string? value)
    {
        if (value is not null)
        {
            fields.Add(new NameValueEntry(name, value));
        }
    }

    private static AuditEntry Read(StreamEntry raw)
    {
        var who = new AuditActor(
            raw[WhoId].ToString(),
            raw[WhoName].ToString(),
            AuditNames.ActorKind.TryParse(raw[WhoKind], out var kind) ? kind : throw Unreadable(raw, WhoKind));
        var action = AuditNames.Action.TryParse(raw[Action], out var known) ? known : throw Unreadable(raw, Action);
        return new AuditEntry(Position(raw.Id), new AuditRecord(who, action, Optional(raw[Target]), Optional(raw[Detail]), Optional(raw[Client])));
    }

    private static string? Optional(RedisValue value) => value.IsNull ? null : value.ToString();

    private static RedisEntryId Position(RedisValue id) =>
        RedisEntryId.TryParse(id, out var position) ? position : throw new InvalidDataException($"'{id}' is not a stream id.");

    // Loud rather than skipped: an audit page that silently leaves entries out would be worse than an error.
    private static InvalidDataException Unreadable(StreamEntry raw, string field) =>
        new($"Audit entry {raw.Id} has an unknown {field} '{raw[field]}' (written by a newer Pulse?).");
}
