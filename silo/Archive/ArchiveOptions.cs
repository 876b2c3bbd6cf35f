namespace Pulse.Silo.Archive;

/// <summary>
/// The mention archive in PostgreSQL (section <see cref="Section"/>, validated at start by
/// <see cref="ArchiveOptionsValidator"/>). Off unless a connection string is set (`pulse --postgres CONNECTION`).
/// </summary>
public sealed class ArchiveOptions
{
    public const string Section = "Pulse:Archive";

    /// <summary>An Npgsql connection string, e.g. Host=127.0.0.1;Database=pulse;Username=pulse. None: no archive.</summary>
    public string? ConnectionString { get; set; }

    /// <summary>
    /// Mentions per write, packed into one row per brand, partition and hour. A write's cost in PostgreSQL is mostly per
    /// brand (its row, the row's index entries, one per distinct word) and per brand, channel and hour (the rollups' rows),
    /// not per mention: the more mentions a write holds, the less each pays. A second at the embedded default's target
    /// rate (100 000/s); more only lengthens the time a mention waits.
    /// </summary>
    public int BatchSize { get; set; } = 100_000;

    /// <summary>
    /// Writes at once, each on its own connection, so one encodes while another waits on PostgreSQL. Two silos'
    /// writers may touch the same rollup rows; they take their locks in key order.
    /// </summary>
    public int Writers { get; set; } = 2;

    /// <summary>The longest a buffered mention waits for a full write before it is written anyway (and searchable).</summary>
    public TimeSpan FlushInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// Rows held while PostgreSQL is slow or down: four writes (one being written by each writer, as much again arriving
    /// meanwhile), about four seconds at the embedded default's top rate or minutes at a realistic one, at roughly 1 KB
    /// each. Past it cluster mode waits (the ingest log keeps the rest) and the embedded default drops, logging how many.
    /// </summary>
    public int BufferCapacity { get; set; } = 400_000;

    /// <summary>Raw mentions (text, author, URL) are deleted past this age: search and reports look back 90 days.</summary>
    public TimeSpan MentionRetention { get; set; } = TimeSpan.FromDays(90);

    /// <summary>
    /// Hourly rollups: twice the longest hourly chart (90 days), so a 90-day view can be set against the 90 days before.
    /// </summary>
    public TimeSpan HourlyRollupRetention { get; set; } = TimeSpan.FromDays(180);

    /// <summary>Daily rollups: two years, for year-over-year comparisons in reports.</summary>
    public TimeSpan DailyRollupRetention { get; set; } = TimeSpan.FromDays(730);

    /// <summary>How often expired rows are deleted.</summary>
    public TimeSpan RetentionInterval { get; set; } = TimeSpan.FromHours(1);

    public bool Enabled => !string.IsNullOrWhiteSpace(ConnectionString);
}
