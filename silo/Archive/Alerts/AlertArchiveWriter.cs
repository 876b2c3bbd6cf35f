using System.Threading.Channels;
using Npgsql;
using NpgsqlTypes;
using Pulse.Grains.Alerts;
using Pulse.Grains.Archive;

namespace Pulse.Silo.Archive.Alerts;

/// <summary>
/// Keeps each alert's latest state in the archive's alerts table. Grains hand changes over without waiting; one loop
/// upserts them, newest change winning (a late write of an older state changes nothing), and retries while PostgreSQL
/// is down. Alerts are few (a handful a day per brand), so the queue is unbounded.
/// </summary>
internal sealed partial class AlertArchiveWriter(ArchiveDatabase database, TimeProvider clock, ILogger<AlertArchiveWriter> logger) : BackgroundService, IAlertArchive
{
    private static readonly TimeSpan Retry = TimeSpan.FromSeconds(2);

    private readonly Channel<Alert> _changes = Channel.CreateUnbounded<Alert>(new UnboundedChannelOptions { SingleReader = true });

    public void Record(Alert alert) => _changes.Writer.TryWrite(alert);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var batch = new List<Alert>();
        try
        {
            while (await _changes.Reader.WaitToReadAsync(stoppingToken))
            {
                while (batch.Count < 500 && _changes.Reader.TryRead(out var alert))
                {
                    batch.Add(alert);
                }

                while (true)
                {
                    try
                    {
                        await WriteAsync(batch, stoppingToken);
                        batch.Clear();
                        break;
                    }
                    catch (Exception e) when (e is NpgsqlException or TimeoutException or IOException && !stoppingToken.IsCancellationRequested)
                    {
                        LogRetrying(batch.Count, e.Message);
                        await Task.Delay(Retry, clock, stoppingToken);
                    }
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Alerts still queued stay in their grains' state; the next change of each writes it again.
        }
    }

    private async Task WriteAsync(List<Alert> alerts, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var upsert = new NpgsqlBatch(connection);
        foreach (var alert in alerts)
        {
            var acknowledged = alert.History.FirstOrDefault(h => h.Action == "acknowledge");
            var resolved = alert.History.FirstOrDefault(h => h.Action == "resolve");
            var command = new NpgsqlBatchCommand(
                $"""
                INSERT INTO {ArchiveSchema.Alerts} AS a (brand_id, alert_id, started_at, updated_at, kind, severity, state, channels, message, value, expected,
                    acknowledged_at, acknowledged_by, resolved_at, resolved_by)
                VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15)
                ON CONFLICT (brand_id, started_at, alert_id) DO UPDATE SET
                    updated_at = excluded.updated_at, kind = excluded.kind, severity = excluded.severity, state = excluded.state,
                    channels = excluded.channels, message = excluded.message, value = excluded.value, expected = excluded.expected,
                    acknowledged_at = excluded.acknowledged_at, acknowledged_by = excluded.acknowledged_by,
                    resolved_at = excluded.resolved_at, resolved_by = excluded.resolved_by
                WHERE excluded.updated_at >= a.updated_at
                """);
            command.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Text, Value = ArchiveText.Clean(alert.BrandId) });
            command.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Text, Value = ArchiveText.Clean(alert.Id) });
            command.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.TimestampTz, Value = alert.StartedAt.UtcDateTime });
            command.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.TimestampTz, Value = alert.UpdatedAt.UtcDateTime });
            command.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Text, Value = AlertWireNames.Kind.Of(alert.Kind) });
            command.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Integer, Value = alert.Severity });
            command.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Text, Value = AlertWireNames.State.Of(alert.State) });
            command.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text, Value = alert.Channels.Select(ArchiveText.Clean).ToArray() });
            command.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Text, Value = ArchiveText.Clean(alert.Message) });
            command.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Double, Value = alert.Value });
            command.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Double, Value = alert.Expected });
            command.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.TimestampTz, Value = acknowledged is null ? DBNull.Value : acknowledged.At.UtcDateTime });
            command.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Text, Value = acknowledged is null ? DBNull.Value : ArchiveText.Clean(acknowledged.By) });
            command.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.TimestampTz, Value = resolved is null ? DBNull.Value : resolved.At.UtcDateTime });
            command.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Text, Value = resolved is null ? DBNull.Value : ArchiveText.Clean(resolved.By) });
            upsert.BatchCommands.Add(command);
        }

        await upsert.ExecuteNonQueryAsync(cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Archive: writing {Count} alert changes failed, retrying: {Error}")]
    private partial void LogRetrying(int count, string error);
}
