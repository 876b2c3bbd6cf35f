using Npgsql;

namespace Pulse.Silo.Archive.GrainState;

/// <summary>
/// Reminders in the archive's PostgreSQL (<c>pulse_reminders</c>), for the embedded default with `--postgres`: an alert's
/// webhook resends outlive the process. One row per (service id, grain, reminder name); its ETag is new on every upsert
/// (a random one, so a reminder removed and registered again never gets an old ETag back).
/// </summary>
internal sealed partial class PostgresReminderTable(ArchiveDatabase database, string serviceId, ILogger<PostgresReminderTable> logger) : IReminderTable
{
    /// <summary>How long a starting silo waits for PostgreSQL (a machine booting both) before its start fails.</summary>
    internal static readonly TimeSpan StartPatience = TimeSpan.FromSeconds(30);

    private static readonly TimeSpan RetryDelay = TimeSpan.FromSeconds(1);

    private const string Columns = "grain_id, reminder_name, start_at, period, etag";

    private static readonly string ReadByGrain = $"SELECT {Columns} FROM {ArchiveSchema.Reminders} WHERE service_id = @service AND grain_id = @grain";

    private static readonly string ReadOne = $"{ReadByGrain} AND reminder_name = @name";

    // (begin, end] on the ring; begin >= end wraps around past uint.MaxValue (and begin == end is the whole ring).
    private static readonly string ReadRange = $"""
        SELECT {Columns} FROM {ArchiveSchema.Reminders}
        WHERE service_id = @service
          AND CASE WHEN @begin < @end THEN grain_hash > @begin AND grain_hash <= @end
                   ELSE grain_hash > @begin OR grain_hash <= @end END
        """;

    private static readonly string Upsert = $"""
        INSERT INTO {ArchiveSchema.Reminders} (service_id, grain_id, reminder_name, start_at, period, grain_hash, etag)
        VALUES (@service, @grain, @name, @start, @period, @hash, @etag)
        ON CONFLICT (service_id, grain_id, reminder_name)
        DO UPDATE SET start_at = excluded.start_at, period = excluded.period, grain_hash = excluded.grain_hash, etag = excluded.etag
        """;

    private static readonly string Remove = $"DELETE FROM {ArchiveSchema.Reminders} WHERE service_id = @service AND grain_id = @grain AND reminder_name = @name AND etag = @etag";

    private static readonly string Clear = $"DELETE FROM {ArchiveSchema.Reminders} WHERE service_id = @service";

    /// <summary>
    /// Makes sure of the tables while the silo starts (before any reminder is read), waiting a while for a PostgreSQL that
    /// is still starting; one that stays away fails the start, as a Pulse that cannot keep its reminders should not pretend to.
    /// </summary>
    public async Task StartAsync(CancellationToken cancellationToken = default)
    {
        var giveUpAt = DateTime.UtcNow + StartPatience;
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await database.EnsureSchemaAsync(cancellationToken).ConfigureAwait(false);
                return;
            }
            catch (NpgsqlException e) when (e.IsTransient && DateTime.UtcNow < giveUpAt)
            {
                LogWaiting(attempt, e.Message);
                await Task.Delay(RetryDelay, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    public Task<ReminderTableData> ReadRows(GrainId grainId) => ReadRows(grainId, CancellationToken.None);

    public async Task<ReminderTableData> ReadRows(GrainId grainId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = Command(ReadByGrain, connection, grainId);
        return new ReminderTableData(await ReadAllAsync(command, cancellationToken).ConfigureAwait(false));
    }

    public Task<ReminderTableData> ReadRows(uint begin, uint end) => ReadRows(begin, end, CancellationToken.None);

    public async Task<ReminderTableData> ReadRows(uint begin, uint end, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = new NpgsqlCommand(ReadRange, connection);
        command.Parameters.Add(new NpgsqlParameter<string>("service", serviceId));
        command.Parameters.Add(new NpgsqlParameter<long>("begin", begin));
        command.Parameters.Add(new NpgsqlParameter<long>("end", end));
        return new ReminderTableData(await ReadAllAsync(command, cancellationToken).ConfigureAwait(false));
    }

    public Task<ReminderEntry?> ReadRow(GrainId grainId, string reminderName) => ReadRow(grainId, reminderName, CancellationToken.None);

    public async Task<ReminderEntry?> ReadRow(GrainId grainId, string reminderName, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = Command(ReadOne, connection, grainId, reminderName);
        return (await ReadAllAsync(command, cancellationToken).ConfigureAwait(false)).SingleOrDefault();
    }

    public Task<string?> UpsertRow(ReminderEntry entry) => UpsertRow(entry, CancellationToken.None);

    public async Task<string?> UpsertRow(ReminderEntry entry, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var etag = Guid.NewGuid().ToString("N");
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = Command(Upsert, connection, entry.GrainId, entry.ReminderName);
        // Orleans hands UTC; an unspecified kind is taken as UTC too, as its reminder service does.
        var start = entry.StartAt.Kind == DateTimeKind.Local ? entry.StartAt.ToUniversalTime() : DateTime.SpecifyKind(entry.StartAt, DateTimeKind.Utc);
        command.Parameters.Add(new NpgsqlParameter<DateTime>("start", start));
        command.Parameters.Add(new NpgsqlParameter<TimeSpan>("period", entry.Period));
        command.Parameters.Add(new NpgsqlParameter<long>("hash", entry.GrainId.GetUniformHashCode()));
        command.Parameters.Add(new NpgsqlParameter<string>("etag", etag));
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        return etag;
    }

    public Task<bool> RemoveRow(GrainId grainId, string reminderName, string eTag) => RemoveRow(grainId, reminderName, eTag, CancellationToken.None);

    public async Task<bool> RemoveRow(GrainId grainId, string reminderName, string eTag, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = Command(Remove, connection, grainId, reminderName);
        command.Parameters.Add(new NpgsqlParameter<string>("etag", eTag));
        return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) == 1;
    }

    public Task TestOnlyClearTable() => TestOnlyClearTable(CancellationToken.None);

    public async Task TestOnlyClearTable(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = new NpgsqlCommand(Clear, connection);
        command.Parameters.Add(new NpgsqlParameter<string>("service", serviceId));
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    private NpgsqlCommand Command(string sql, NpgsqlConnection connection, GrainId grainId, string? reminderName = null)
    {
        var command = new NpgsqlCommand(sql, connection);
        command.Parameters.Add(new NpgsqlParameter<string>("service", serviceId));
        command.Parameters.Add(new NpgsqlParameter<string>("grain", grainId.ToString()));
        if (reminderName is not null)
        {
            command.Parameters.Add(new NpgsqlParameter<string>("name", reminderName));
        }

        return command;
    }

    private static async Task<List<ReminderEntry>> ReadAllAsync(NpgsqlCommand command, CancellationToken cancellationToken)
    {
        var entries = new List<ReminderEntry>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            entries.Add(new ReminderEntry
            {
                GrainId = GrainId.Parse(reader.GetString(0)),
                ReminderName = reader.GetString(1),
                StartAt = reader.GetFieldValue<DateTime>(2),
                Period = reader.GetFieldValue<TimeSpan>(3),
                ETag = reader.GetString(4),
            });
        }

        return entries;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Reminders: PostgreSQL not reachable yet (attempt {Attempt}), trying again: {Error}")]
    private partial void LogWaiting(int attempt, string error);
}
