using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Npgsql;
using Orleans;
using Orleans.Configuration;
using Pulse.Grains.Alerts;
using Pulse.Silo.Archive;
using Pulse.Silo.Archive.GrainState;
using Pulse.Silo.Tests.Functional;
using Pulse.Testing;

namespace Pulse.Silo.Tests.Archive;

/// <summary>
/// The embedded default with `--postgres` keeps its configuration and reminders in PostgreSQL: what one Pulse was told
/// through the API (a brand, its alert settings, a source), the next one started on the same database knows, and a
/// reminder stored for it fires there (docs/archive.md, "Grain state in PostgreSQL").
/// </summary>
[Trait("Category", "Slow")]
[Collection(ArchiveHostCollection.Name)]
public sealed class EmbeddedPostgresStateTests(ArchiveHostFixture fixture)
{
    [Fact]
    public async Task Configuration_added_through_the_api_is_there_after_a_restart_and_a_stored_reminder_fires_there()
    {
        var database = await NewDatabaseAsync();
        // Nothing listens there: the source only has to be remembered, not to fetch anything.
        var feed = $"http://127.0.0.1:{FreePort.Next()}/feed.xml";
        string serviceId;
        GrainId alerts;
        await using (var first = await StartAsync(database))
        {
            var created = await first.Http.PutAsJsonAsync("/api/brands/kept", new { name = "Kept", keywords = new[] { "keptix" } });
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
            (await first.Http.PutAsJsonAsync("/api/brands/kept/alert-settings", new { sensitivity = "high", channels = new[] { "x" }, webhookMinimumSeverity = 7 }))
                .EnsureSuccessStatusCode();
            Assert.Equal(HttpStatusCode.Created, (await first.Http.PutAsJsonAsync("/api/sources/kept-feed", new { kind = "rss", url = feed, pollSeconds = 300 })).StatusCode);
            Assert.IsType<PostgresReminderTable>(first.Services.GetRequiredService<IReminderTable>());
            serviceId = first.Services.GetRequiredService<IOptions<ClusterOptions>>().Value.ServiceId;
            alerts = first.Grains.GetGrain<IBrandAlertsGrain>("kept").GetGrainId();
            // The weekly digest's schedule is a reminder too, kept for the next Pulse.
            var digest = $"SELECT count(*) FROM {ArchiveSchema.Reminders} WHERE reminder_name = 'weekly-digest'";
            Assert.Equal(1L, await Eventually.GetAsync(() => CountAsync(database, digest), n => n == 1, TimeSpan.FromSeconds(30)));
        }

        Assert.True(await CountAsync(database, $"SELECT count(*) FROM {ArchiveSchema.GrainState} WHERE state IS NOT NULL") >= 2, "the alert settings and the source catalog are rows of the grain state");
        // The reminder an alerts grain keeps while webhook deliveries are pending, due shortly after the restart. With
        // nothing pending, the grain unregisters it when it fires: its row going is the proof that the next Pulse read it
        // from the table, fired it and removed it there.
        await using (var archive = new ArchiveDatabase(NpgsqlDataSource.Create(database)))
        {
            var table = new PostgresReminderTable(archive, serviceId, NullLogger<PostgresReminderTable>.Instance);
            await table.UpsertRow(new ReminderEntry
            {
                GrainId = alerts,
                ReminderName = "webhook-resend",
                StartAt = DateTime.UtcNow.AddSeconds(10),
                Period = TimeSpan.FromMinutes(1),
            });
        }

        await using var second = await StartAsync(database);
        var brand = await second.Http.GetFromJsonAsync<JsonElement>("/api/brands/kept");
        Assert.Equal("Kept", brand.GetProperty("name").GetString());
        Assert.Equal(["keptix"], brand.GetProperty("keywords").EnumerateArray().Select(k => k.GetString()));
        var settings = await second.Http.GetFromJsonAsync<JsonElement>("/api/brands/kept/alert-settings");
        Assert.Equal("high", settings.GetProperty("sensitivity").GetString());
        Assert.Equal(["x"], settings.GetProperty("channels").EnumerateArray().Select(c => c.GetString()));
        Assert.Equal(7, settings.GetProperty("webhookMinimumSeverity").GetInt32());
        var source = await second.Http.GetFromJsonAsync<JsonElement>("/api/sources/kept-feed");
        Assert.Equal(feed, source.GetProperty("url").GetString());
        // Due 10 s after it was stored; a host slower to start than that fires it at the next period, within a minute.
        var reminders = $"SELECT count(*) FROM {ArchiveSchema.Reminders} WHERE reminder_name = 'webhook-resend'";
        Assert.Equal(0L, await Eventually.GetAsync(() => CountAsync(database, reminders), n => n == 0, TimeSpan.FromSeconds(90)));
    }

    /// <summary>A database of the test's own on the collection's server: the fixture's host keeps its state in "pulse".</summary>
    private async Task<string> NewDatabaseAsync()
    {
        var name = "state_" + Guid.NewGuid().ToString("N")[..12];
        await using var connection = await fixture.OpenAsync();
        await using var create = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
        await create.ExecuteNonQueryAsync();
        return fixture.Postgres.ConnectionString(name);
    }

    private static async Task<long> CountAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString + ";Pooling=false");
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    private static Task<RunningHost> StartAsync(string connectionString) => RunningHost.StartAsync(
    [
        "--postgres", connectionString,
        $"--silo-port={FreePort.Next()}",
        $"--gateway-port={FreePort.Next()}",
        "--Pulse:Outbound:AllowPrivateNetworks=true",
    ]);
}
