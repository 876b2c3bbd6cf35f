using Microsoft.Extensions.Options;
using Npgsql;

namespace Pulse.Silo.Archive;

/// <summary>
/// Deletes what the archive keeps no longer (<see cref="ArchiveOptions.MentionRetention"/> and the rollups'), every
/// <see cref="ArchiveOptions.RetentionInterval"/>, in chunks so no delete holds locks or bloats a transaction for long.
/// Every silo may run it: deleting what another silo already deleted finds nothing.
/// </summary>
internal sealed partial class ArchiveRetention(
    ArchiveDatabase database,
    IOptions<ArchiveOptions> options,
    TimeProvider clock,
    ILogger<ArchiveRetention> logger) : BackgroundService
{
    private const int Chunk = 50_000;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        using var timer = new PeriodicTimer(settings.RetentionInterval, clock);
        do
        {
            try
            {
                await DeleteExpiredAsync(stoppingToken);
            }
            catch (Exception e) when (e is NpgsqlException or TimeoutException && !stoppingToken.IsCancellationRequested)
            {
                LogFailed(e.Message); // the next round tries again; expired rows wait a little longer
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    /// <summary>One round over every table; returns the rows deleted.</summary>
    public async Task<long> DeleteExpiredAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var now = clock.GetUtcNow();
        long deleted = 0;
        foreach (var (table, column, keep) in (ValueTuple<string, string, TimeSpan>[])[
            // A batch goes once its newest mention is past the age: a mention may outstay it by its batch's span, seconds as a rule.
            (ArchiveSchema.Batches, "last_at", settings.MentionRetention),
            (ArchiveSchema.HourlyRollup, "bucket", settings.HourlyRollupRetention),
            (ArchiveSchema.DailyRollup, "bucket", settings.DailyRollupRetention),
            // Incidents and annotations are what reports set the rollups against: kept as long as the daily rollups.
            (ArchiveSchema.Alerts, "started_at", settings.DailyRollupRetention),
            (ArchiveSchema.Annotations, "coalesce(ends_at, starts_at)", settings.DailyRollupRetention)])
        {
            deleted += await DeleteBeforeAsync(table, column, now - keep, cancellationToken);
        }

        if (deleted > 0)
        {
            LogDeleted(deleted);
        }

        return deleted;
    }

    private async Task<long> DeleteBeforeAsync(string table, string column, DateTimeOffset before, CancellationToken cancellationToken)
    {
        long total = 0;
        while (true)
        {
            await using var connection = await database.OpenAsync(cancellationToken);
            await using var delete = new NpgsqlCommand(
                $"DELETE FROM {table} WHERE ctid IN (SELECT ctid FROM {table} WHERE {column} < @before LIMIT {Chunk})", connection);
            delete.Parameters.AddWithValue("before", before.UtcDateTime);
            var rows = await delete.ExecuteNonQueryAsync(cancellationToken);
            total += rows;
            if (rows < Chunk)
            {
                return total;
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Archive: deleted {Rows} rows past their retention")]
    private partial void LogDeleted(long rows);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Archive: deleting expired rows failed, trying again next round: {Error}")]
    private partial void LogFailed(string error);
}
