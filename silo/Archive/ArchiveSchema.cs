using Npgsql;

namespace Pulse.Silo.Archive;

/// <summary>
/// The archive's tables, created when missing. A mention naming two brands is archived under each, as it counts in each
/// brand's windows.
/// </summary>
internal static class ArchiveSchema
{
    /// <summary>
    /// Archived mentions, a row per batch: one brand's mentions from one write (and, in a cluster, one ingest
    /// partition), packed (Batches.BatchBodyWriter), with the batch's distinct search terms in a word index. A row per
    /// mention with its own indexed tsvector cost about 65 µs to write, six cores at 100 000 mentions a second; a batch
    /// costs PostgreSQL a few µs per mention (docs/performance.md). Earlier versions' <c>pulse_mentions</c> is not read.
    /// </summary>
    public const string Batches = "pulse_mention_batches";

    /// <summary>
    /// Per (brand, channel) and UTC hour or day: counts by sentiment label, the sentiment sum (mean = sum / mentions),
    /// engagement (likes + shares + comments) and reach. Kept far longer than raw mentions, for long-range charts and
    /// reports.
    /// </summary>
    public const string HourlyRollup = "pulse_rollup_hourly";

    public const string DailyRollup = "pulse_rollup_daily";

    /// <summary>
    /// Alerts as they last changed, one row per alert: its id and the time it started (an embedded default's numbering
    /// starts again after a restart, so the id alone may repeat).
    /// </summary>
    public const string Alerts = "pulse_alerts";

    /// <summary>Events a team records against a brand's timeline (a campaign, a press release, an outage).</summary>
    public const string Annotations = "pulse_annotations";

    /// <summary>
    /// The embedded default's brand catalog (Brands.PostgresBrandCatalogStore): one row per brand, and the catalog's version
    /// in a table of one row. Unused in a cluster, whose catalog is in Redis.
    /// </summary>
    public const string Brands = "pulse_brands";

    public const string BrandCatalog = "pulse_brand_catalog";

    /// <summary>
    /// The embedded default's grain state (GrainState.PostgresGrainStorage): one row per service, grain and state name,
    /// the state in Orleans' binary format and its version (the ETag). A cleared state keeps its row with no state, so
    /// its version never goes back and an ETag from before the clear stays stale. Unused in a cluster (Redis).
    /// </summary>
    public const string GrainState = "pulse_grain_state";

    /// <summary>The embedded default's reminders (GrainState.PostgresReminderTable), by service, grain and name.</summary>
    public const string Reminders = "pulse_reminders";

    /// <summary>Several silos may start at once: the advisory lock makes one of them create and the others wait.</summary>
    private const long LockKey = 0x70756c7365; // "pulse"

    private static readonly string Create = $"""
        SELECT pg_advisory_xact_lock({LockKey});
        CREATE TABLE IF NOT EXISTS {Batches} (
            brand_id       text        NOT NULL,
            part           integer     NOT NULL,
            last_major     bigint      NOT NULL,
            last_minor     bigint      NOT NULL,
            first_at       timestamptz NOT NULL,
            last_at        timestamptz NOT NULL,
            top_engagement bigint      NOT NULL,
            mentions       integer     NOT NULL,
            terms          text[]      NOT NULL,
            body           bytea       NOT NULL,
            archived_at    timestamptz NOT NULL DEFAULT now()
        );
        -- Packed by Pulse with LZ4 already: PostgreSQL need not try again.
        ALTER TABLE {Batches} ALTER COLUMN body SET STORAGE EXTERNAL;
        -- A brand's batches by time (search, reports); every brand's by time (retention, searches across brands).
        CREATE INDEX IF NOT EXISTS {Batches}_brand_time ON {Batches} (brand_id, last_at, first_at);
        CREATE INDEX IF NOT EXISTS {Batches}_time ON {Batches} (last_at);
        -- A replay reads what was written past its partition's commit.
        CREATE INDEX IF NOT EXISTS {Batches}_replay ON {Batches} (part, last_major, last_minor) WHERE part >= 0;
        -- Engagement tier terms (Batches.EngagementTiers), apart from the words so the word index and its statistics
        -- stay as they were. None (NULL) in batches written before them, or by a silo of an earlier version during an
        -- upgrade (its COPY leaves the column out): searches read those as holding every tier, found through this
        -- index, which empties as retention deletes them.
        ALTER TABLE {Batches} ADD COLUMN IF NOT EXISTS tiers text[];
        CREATE INDEX IF NOT EXISTS {Batches}_untiered ON {Batches} (brand_id, top_engagement) WHERE tiers IS NULL;
        CREATE TABLE IF NOT EXISTS {HourlyRollup} (
            brand_id   text        NOT NULL,
            channel    text        NOT NULL,
            bucket     timestamptz NOT NULL,
            mentions   bigint      NOT NULL,
            positive   bigint      NOT NULL,
            neutral    bigint      NOT NULL,
            negative   bigint      NOT NULL,
            sentiment_sum double precision NOT NULL,
            engagement bigint      NOT NULL,
            reach      bigint      NOT NULL,
            PRIMARY KEY (brand_id, channel, bucket)
        );
        CREATE TABLE IF NOT EXISTS {DailyRollup} (LIKE {HourlyRollup} INCLUDING ALL);
        -- Every write updates the current hour's and day's rows of each brand and channel it holds. Room left on each page
        -- lets an update stay on its page (HOT): no new key index entry, and the dead version is pruned in place. Half a
        -- page free: each row on it can take a new version before the page must be pruned.
        ALTER TABLE {HourlyRollup} SET (fillfactor = 50);
        ALTER TABLE {DailyRollup} SET (fillfactor = 50);
        CREATE TABLE IF NOT EXISTS {Annotations} (
            id         bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
            brand_id   text        NOT NULL,
            kind       text        NOT NULL,
            title      text        NOT NULL,
            note       text,
            starts_at  timestamptz NOT NULL,
            ends_at    timestamptz,
            created_by text        NOT NULL,
            created_at timestamptz NOT NULL DEFAULT now()
        );
        CREATE INDEX IF NOT EXISTS {Annotations}_brand_time ON {Annotations} (brand_id, starts_at);
        CREATE TABLE IF NOT EXISTS {Alerts} (
            brand_id        text        NOT NULL,
            alert_id        text        NOT NULL,
            started_at      timestamptz NOT NULL,
            updated_at      timestamptz NOT NULL,
            kind            text        NOT NULL,
            severity        integer     NOT NULL,
            state           text        NOT NULL,
            channels        text[]      NOT NULL,
            message         text        NOT NULL,
            value           double precision NOT NULL,
            expected        double precision NOT NULL,
            acknowledged_at timestamptz,
            acknowledged_by text,
            resolved_at     timestamptz,
            resolved_by     text,
            PRIMARY KEY (brand_id, started_at, alert_id)
        );
        CREATE TABLE IF NOT EXISTS {Brands} (
            id         text  PRIMARY KEY,
            definition jsonb NOT NULL
        );
        CREATE TABLE IF NOT EXISTS {BrandCatalog} (
            one     boolean PRIMARY KEY DEFAULT true CHECK (one),
            version bigint  NOT NULL
        );
        CREATE TABLE IF NOT EXISTS {GrainState} (
            service_id text   NOT NULL,
            grain_type text   NOT NULL,
            grain_key  text   NOT NULL,
            state_name text   NOT NULL,
            state      bytea,
            version    bigint NOT NULL,
            updated_at timestamptz NOT NULL DEFAULT now(),
            PRIMARY KEY (service_id, grain_type, grain_key, state_name)
        );
        CREATE TABLE IF NOT EXISTS {Reminders} (
            service_id    text        NOT NULL,
            grain_id      text        NOT NULL,
            reminder_name text        NOT NULL,
            start_at      timestamptz NOT NULL,
            period        interval    NOT NULL,
            grain_hash    bigint      NOT NULL,
            etag          text        NOT NULL,
            PRIMARY KEY (service_id, grain_id, reminder_name)
        );
        -- A silo reads the reminders of its share of the hash ring.
        CREATE INDEX IF NOT EXISTS {Reminders}_hash ON {Reminders} (service_id, grain_hash);
        """;

    /// <summary>
    /// What the tables' definitions are, recorded in <c>pulse_schema</c> once they are in place: a host that finds its
    /// own fingerprint there runs no DDL at all. Even <c>IF NOT EXISTS</c> DDL locks the table (ALTER TABLE takes an
    /// exclusive lock), so a silo starting beside others that write would stall them, or deadlock with their inserts.
    /// </summary>
    internal static readonly string Fingerprint = Convert.ToHexString(
        System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(Create + WordIndex(brandKeyed: true))))[..16];

    public static async Task EnsureAsync(NpgsqlDataSource dataSource, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        if (await RecordedFingerprintAsync(connection, transaction: null, cancellationToken) == Fingerprint)
        {
            return;
        }

        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using (var locked = new NpgsqlCommand(
            $"SELECT pg_advisory_xact_lock({LockKey}); CREATE TABLE IF NOT EXISTS pulse_schema (fingerprint text NOT NULL)", connection, transaction))
        {
            await locked.ExecuteNonQueryAsync(cancellationToken);
        }

        // Another host may have finished while this one waited for the lock.
        if (await RecordedFingerprintAsync(connection, transaction, cancellationToken) == Fingerprint)
        {
            await transaction.RollbackAsync(cancellationToken);
            return;
        }

        await using (var command = new NpgsqlCommand(Create, connection, transaction))
        {
            await command.ExecuteNonQueryAsync(cancellationToken);
        }

        var brandKeyed = await TryBtreeGinAsync(connection, transaction, cancellationToken);
        await using (var search = new NpgsqlCommand(WordIndex(brandKeyed), connection, transaction))
        {
            await search.ExecuteNonQueryAsync(cancellationToken);
        }

        await using (var record = new NpgsqlCommand("DELETE FROM pulse_schema; INSERT INTO pulse_schema (fingerprint) VALUES (@fingerprint)", connection, transaction))
        {
            record.Parameters.AddWithValue("fingerprint", Fingerprint);
            await record.ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
    }

    private static async Task<string?> RecordedFingerprintAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, CancellationToken cancellationToken)
    {
        await using var read = new NpgsqlCommand("SELECT fingerprint FROM pulse_schema LIMIT 1", connection, transaction);
        try
        {
            return await read.ExecuteScalarAsync(cancellationToken) as string;
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.UndefinedTable && transaction is null)
        {
            return null; // a new database: no host has created the tables yet
        }
    }

    /// <summary>
    /// The batches' word and tier indexes: on (brand_id, terms or tiers) when <paramref name="brandKeyed"/> (btree_gin is
    /// there), so a brand's words are found in one index; else on the terms or tiers alone. Most batches have no mention
    /// in a tier: they are left out of the tier index.
    /// </summary>
    private static string WordIndex(bool brandKeyed) => $"""
        CREATE INDEX IF NOT EXISTS {Batches}_{(brandKeyed ? "brand_terms" : "terms")} ON {Batches}
            USING gin ({(brandKeyed ? "brand_id, " : "")}terms);
        CREATE INDEX IF NOT EXISTS {Batches}_{(brandKeyed ? "brand_tiers" : "tiers")} ON {Batches}
            USING gin ({(brandKeyed ? "brand_id, " : "")}tiers) WHERE tiers <> {"'{}'"};
        """;

    /// <summary>
    /// btree_gin (shipped with PostgreSQL, trusted, so a database owner may create it) lets the word index hold the brand
    /// too, so a brand's search intersects inside one index. Without the right to create it, the index is words only.
    /// </summary>
    private static async Task<bool> TryBtreeGinAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, CancellationToken cancellationToken)
    {
        await transaction.SaveAsync("btree_gin", cancellationToken);
        try
        {
            await using var create = new NpgsqlCommand("CREATE EXTENSION IF NOT EXISTS btree_gin", connection, transaction);
            await create.ExecuteNonQueryAsync(cancellationToken);
            return true;
        }
        catch (PostgresException e) when (e.SqlState is PostgresErrorCodes.InsufficientPrivilege or PostgresErrorCodes.UndefinedFile or PostgresErrorCodes.FeatureNotSupported)
        {
            await transaction.RollbackAsync("btree_gin", cancellationToken);
            return false;
        }
    }
}
