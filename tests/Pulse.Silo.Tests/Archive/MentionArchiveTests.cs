using Microsoft.Extensions.DependencyInjection;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using Npgsql;
using Pulse.Silo.Tests.Functional;
using Pulse.Testing;

namespace Pulse.Silo.Tests.Archive;

/// <summary>
/// `pulse --postgres ...` against a real PostgreSQL server: matched mentions land in the archive once each, with what
/// the windows knew of them, and survive PostgreSQL being down for a while.
/// </summary>
[Trait("Category", "Slow")]
[Collection(ArchiveHostCollection.Name)]
public sealed class MentionArchiveTests(ArchiveHostFixture fixture)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    private RunningHost Host => fixture.Host;

    [Fact]
    public async Task Matched_mentions_are_archived_once_each_with_their_fields()
    {
        await AddBrandAsync("arch-a", "archivo");

        // A NUL is valid JSON and Unicode, so ingest takes it; PostgreSQL's text cannot hold it. (A lone surrogate
        // never gets this far: ingest rejects it as invalid Unicode, and keeps the rest of the batch.)
        var first = await PostAsync(
            """{"id":"a1","channel":"x","text":"I love archivo, it is great","author":"@ann","url":"https://example.com/a1","likes":3}""",
            """{"id":"a2","channel":"reddit","text":"archivo with a NUL \u0000 inside"}""",
            """{"id":"a3","channel":"news","text":"nothing to do with any brand"}""",
            """{"id":"a9","channel":"x","text":"archivo with a lone \ud800 surrogate"}""");
        Assert.Equal(HttpStatusCode.BadRequest, first.StatusCode);
        Assert.Contains("\"accepted\":3", await first.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(2, await EventuallyCountAsync("arch-a", 2));

        // The same ids again (a client's retry) and one new mention: only the new one adds a row.
        await PostAsync(
            """{"id":"a1","channel":"x","text":"I love archivo, it is great","author":"@ann","url":"https://example.com/a1","likes":3}""",
            """{"id":"a2","channel":"reddit","text":"archivo with a NUL \u0000 inside"}""",
            """{"id":"a4","channel":"x","text":"archivo is terrible and broken"}""");
        Assert.Equal(3, await EventuallyCountAsync("arch-a", 3));

        await using var connection = await fixture.OpenAsync();
        var rows = await ArchiveContents.ReadAsync(connection, "arch-a");
        Assert.Equal(["a1", "a2", "a4"], rows.Select(r => r.Id));
        Assert.Equal(("x", "@ann", "https://example.com/a1", 3L), (rows[0].Channel, rows[0].Author, rows[0].Url, rows[0].Likes));
        Assert.True(rows[0].Sentiment > 0, "'I love ... great' scores positive");
        Assert.Equal("reddit", rows[1].Channel);
        Assert.Null(rows[1].Author);
        Assert.Equal("archivo with a NUL \u0000 inside", rows[1].Text); // kept as sent: the packed body is bytes, not text
        Assert.True(rows[2].Sentiment < 0, "'terrible and broken' scores negative");

        // The rollups counted each mention once, the retried ones included, by sentiment, with their engagement.
        foreach (var table in (string[])["pulse_rollup_hourly", "pulse_rollup_daily"])
        {
            await using var rollup = new NpgsqlCommand(
                $"SELECT sum(mentions), sum(positive), sum(negative), sum(positive + neutral + negative), sum(engagement) FROM {table} WHERE brand_id = 'arch-a'", connection);
            await using var sums = await rollup.ExecuteReaderAsync();
            Assert.True(await sums.ReadAsync());
            Assert.Equal(3m, sums.GetDecimal(0));
            Assert.True(sums.GetDecimal(1) >= 1 && sums.GetDecimal(2) >= 1, table);
            Assert.Equal(3m, sums.GetDecimal(3));
            Assert.Equal(3m, sums.GetDecimal(4));
        }

        // /metrics counts them: the retried two skipped by the windows, and so never handed to the archive (this host's
        // archive is shared with the other tests, so at least).
        var scrape = Telemetry.PrometheusText.Parse(await Host.Http.GetStringAsync("/metrics"));
        Assert.True(scrape.Sum("pulse_archive_rows_total", ("outcome", "written")) >= 3);
        Assert.True(scrape.Sum("pulse_mentions_deduplicated_total") >= 2);
        Assert.Contains(scrape.Samples, sample => sample.Name == "pulse_archive_buffered");
    }

    [Fact]
    public async Task Mentions_accepted_while_postgres_is_down_are_archived_when_it_is_back()
    {
        await AddBrandAsync("arch-b", "bibliothek");
        await PostAsync("""{"id":"b1","channel":"x","text":"bibliothek eins"}""");
        Assert.Equal(1, await EventuallyCountAsync("arch-b", 1));

        await fixture.Postgres.StopAsync();
        try
        {
            var accepted = await PostAsync(
                """{"id":"b2","channel":"x","text":"bibliothek zwei"}""",
                """{"id":"b3","channel":"mastodon","text":"bibliothek drei"}""");
            Assert.Equal(HttpStatusCode.Accepted, accepted.StatusCode);
            // Ingest and the live windows do not wait for the archive.
            var counted = await Eventually.GetAsync(
                async () => (await Host.Http.GetFromJsonAsync<System.Text.Json.JsonElement>("/api/brands/arch-b/stats?window=1h"))
                    .GetProperty("total").GetProperty("count").GetInt64(),
                n => n == 3,
                Patience);
            Assert.Equal(3, counted);

            // The archive tried while PostgreSQL was down, failed, and keeps the rows for a retry.
            var failures = await Eventually.GetAsync(
                async () => Telemetry.PrometheusText.Parse(await Host.Http.GetStringAsync("/metrics")).Sum("pulse_archive_failures_total"),
                n => n >= 1,
                Patience);
            Assert.True(failures >= 1);
        }
        finally
        {
            await fixture.Postgres.StartAsync();
        }

        Assert.Equal(3, await EventuallyCountAsync("arch-b", 3));
    }

    [Fact]
    public async Task A_flush_returns_once_everything_appended_before_it_is_in_the_table()
    {
        // The writer would otherwise wait up to its flush interval (1 s) for a fuller batch: a flush must not.
        var archive = Host.Services.GetRequiredService<Pulse.Grains.Archive.IMentionArchive>();
        var now = DateTimeOffset.UtcNow;
        for (var delivery = 0; delivery < 5; delivery++)
        {
            await archive.AppendAsync(
                [.. Enumerable.Range(0, 7).Select(i => new Pulse.Grains.Mentions.ScoredMention(
                    new Pulse.Grains.Mentions.Mention($"f{delivery}-{i}", "x", "flush me", now), "arch-f", 0f, Pulse.Analytics.Sentiment.SentimentLabel.Neutral, "en"))],
                origin: null,
                CancellationToken.None);
        }

        await archive.FlushAsync(CancellationToken.None).WaitAsync(Patience);

        Assert.Equal(35, await CountAsync("arch-f"));
        await using var connection = await fixture.OpenAsync();
        await using var rollup = new NpgsqlCommand("SELECT sum(mentions) FROM pulse_rollup_hourly WHERE brand_id = 'arch-f'", connection);
        Assert.Equal(35m, (decimal)(await rollup.ExecuteScalarAsync())!);
    }

    [Fact]
    public async Task A_host_starting_beside_a_writing_one_runs_no_ddl_and_waits_for_no_lock()
    {
        // A writer's open transaction holds a lock on the batches table; DDL (even IF NOT EXISTS) would wait for it.
        await using var writer = await fixture.OpenAsync();
        await using var transaction = await writer.BeginTransactionAsync();
        await using (var insert = new NpgsqlCommand(
            "INSERT INTO pulse_mention_batches (brand_id, part, last_major, last_minor, first_at, last_at, top_engagement, mentions, terms, body) VALUES ('arch-l', -1, 0, 0, now(), now(), 0, 0, '{}', '')",
            writer, transaction))
        {
            await insert.ExecuteNonQueryAsync();
        }

        await using var dataSource = NpgsqlDataSource.Create(fixture.Postgres.ConnectionString() + ";Pooling=false");
        await Pulse.Silo.Archive.ArchiveSchema.EnsureAsync(dataSource, CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(20));

        await using var connection = await fixture.OpenAsync();
        await using var read = new NpgsqlCommand("SELECT fingerprint FROM pulse_schema", connection);
        Assert.Equal(Pulse.Silo.Archive.ArchiveSchema.Fingerprint, await read.ExecuteScalarAsync());
        await transaction.RollbackAsync();
    }

    [Fact]
    public async Task Retention_deletes_raw_mentions_and_rollups_past_their_ages_and_keeps_the_rest()
    {
        // Two writes, so two batches: a batch goes only when its newest mention is past the age.
        foreach (var (id, age) in new[] { ("old", 91), ("new", 89) })
        {
            await ArchiveContents.WriteAsync(Host.Services, new Pulse.Grains.Mentions.ScoredMention(
                new Pulse.Grains.Mentions.Mention(id, "x", id, DateTimeOffset.UtcNow.AddDays(-age)), "arch-r", 0f, Pulse.Analytics.Sentiment.SentimentLabel.Neutral, "en"));
        }

        await using var connection = await fixture.OpenAsync();
        await using (var seed = new NpgsqlCommand(
            """
            DELETE FROM pulse_rollup_hourly WHERE brand_id = 'arch-r';
            DELETE FROM pulse_rollup_daily WHERE brand_id = 'arch-r';
            INSERT INTO pulse_rollup_hourly VALUES ('arch-r', 'x', now() - interval '181 days', 1, 0, 1, 0, 0, 0, 0),
                                                   ('arch-r', 'x', now() - interval '179 days', 1, 0, 1, 0, 0, 0, 0);
            INSERT INTO pulse_rollup_daily VALUES ('arch-r', 'x', now() - interval '731 days', 1, 0, 1, 0, 0, 0, 0),
                                                  ('arch-r', 'x', now() - interval '729 days', 1, 0, 1, 0, 0, 0, 0);
            """, connection))
        {
            await seed.ExecuteNonQueryAsync();
        }

        var deleted = await Host.Services.GetRequiredService<Pulse.Silo.Archive.ArchiveRetention>().DeleteExpiredAsync(CancellationToken.None);

        Assert.True(deleted >= 3, $"deleted {deleted}");
        Assert.Equal(["new"], (await ArchiveContents.ReadAsync(connection, "arch-r")).Select(m => m.Id));
        foreach (var table in (string[])["pulse_mention_batches", "pulse_rollup_hourly", "pulse_rollup_daily"])
        {
            await using var left = new NpgsqlCommand($"SELECT count(*) FROM {table} WHERE brand_id = 'arch-r'", connection);
            Assert.Equal(1L, (long)(await left.ExecuteScalarAsync())!);
        }
    }

    private async Task AddBrandAsync(string id, string keyword) =>
        (await Host.Http.PutAsJsonAsync($"/api/brands/{id}", new { name = id, keywords = new[] { keyword } })).EnsureSuccessStatusCode();

    private Task<HttpResponseMessage> PostAsync(params string[] lines) =>
        Host.Http.PostAsync("/api/mentions", new StringContent(string.Join('\n', lines), Encoding.UTF8, "application/x-ndjson"));

    private async Task<long> EventuallyCountAsync(string brand, long expected) =>
        await Eventually.GetAsync(() => CountAsync(brand), n => n >= expected, Patience);

    private async Task<long> CountAsync(string brand)
    {
        await using var connection = await fixture.OpenAsync();
        return (await ArchiveContents.ReadAsync(connection, brand)).Count;
    }
}

/// <summary>The archive's test classes share one PostgreSQL server and host, one class at a time.</summary>
[CollectionDefinition(Name)]
public sealed class ArchiveHostCollection : ICollectionFixture<ArchiveHostFixture>
{
    public const string Name = "archive host";
}

/// <summary>A PostgreSQL server and one embedded host archiving into it.</summary>
public sealed class ArchiveHostFixture : IAsyncLifetime
{
    public const string DashboardUrl = "https://pulse.example";

    public PostgresServer Postgres { get; private set; } = null!;

    public RunningHost Host { get; private set; } = null!;

    public async Task<NpgsqlConnection> OpenAsync()
    {
        // Unpooled: the durability test restarts the server, which breaks pooled connections.
        var connection = new NpgsqlConnection(Postgres.ConnectionString() + ";Pooling=false");
        await connection.OpenAsync();
        return connection;
    }

    public async Task InitializeAsync()
    {
        Postgres = await PostgresServer.StartNewAsync();
        Host = await RunningHost.StartAsync(
        [
            "--postgres", Postgres.ConnectionString(),
            // The weekly digest's tests deliver to a receiver on loopback, and link the report under a public address.
            "--Pulse:Outbound:AllowPrivateNetworks=true",
            $"--Pulse:Webhooks:DashboardUrl={DashboardUrl}",
            $"--silo-port={FreePort.Next()}",
            $"--gateway-port={FreePort.Next()}",
        ]);
    }

    public async Task DisposeAsync()
    {
        await Host.DisposeAsync();
        await Postgres.DisposeAsync();
    }
}
