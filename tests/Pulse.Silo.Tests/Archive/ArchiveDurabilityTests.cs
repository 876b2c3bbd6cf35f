using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Pulse.Silo.Tests.Functional;
using Pulse.Testing;

namespace Pulse.Silo.Tests.Archive;

/// <summary>
/// Pulse and PostgreSQL both stopped and started again: what the archive holds (mentions, search, annotations, reports)
/// is all still there. The brand comes from a brands file, as an operator of the embedded default keeps it.
/// </summary>
[Trait("Category", "Slow")]
[Collection(ArchiveHostCollection.Name)]
public sealed class ArchiveDurabilityTests(ArchiveHostFixture fixture)
{
    [Fact]
    public async Task The_archive_search_annotations_and_reports_survive_a_restart_of_pulse_and_postgres()
    {
        var brands = Path.Combine(Path.GetTempPath(), $"pulse-durable-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(brands, """[{"id":"durable","name":"Durable","keywords":["durablix"]}]""");
        try
        {
            var at = DateTimeOffset.UtcNow.AddHours(-3);
            await using (var first = await StartAsync(brands))
            {
                var lines = Enumerable.Range(0, 25).Select(i => JsonSerializer.Serialize(new { id = $"d{i}", channel = "x", text = $"durablix Lieferung {i}", timestamp = at.AddMinutes(i) }));
                (await first.Http.PostAsync("/api/mentions", new StringContent(string.Join('\n', lines), Encoding.UTF8, "application/x-ndjson"))).EnsureSuccessStatusCode();
                (await first.Http.PostAsJsonAsync("/api/brands/durable/annotations", new { title = "Before the restart", at })).EnsureSuccessStatusCode();
                await Eventually.GetAsync(() => CountAsync(first, "q=lieferung"), n => n == 25, TimeSpan.FromSeconds(60));
            }

            await fixture.Postgres.StopAsync();
            await fixture.Postgres.StartAsync();

            await using var second = await StartAsync(brands);
            Assert.Equal(25, await Eventually.GetAsync(() => CountAsync(second, "q=Lieferungen"), n => n == 25, TimeSpan.FromSeconds(60)));
            var annotations = await second.Http.GetFromJsonAsync<JsonElement>("/api/brands/durable/annotations");
            Assert.Equal("Before the restart", Assert.Single(annotations.EnumerateArray()).GetProperty("title").GetString());
            var report = await second.Http.GetFromJsonAsync<JsonElement>("/api/brands/durable/report?from=" + Uri.EscapeDataString(at.AddHours(-1).ToString("O")));
            Assert.Equal(25, report.GetProperty("totals").GetProperty("mentions").GetInt64());
        }
        finally
        {
            File.Delete(brands);
        }
    }

    private Task<RunningHost> StartAsync(string brands) => RunningHost.StartAsync(
    [
        "--postgres", fixture.Postgres.ConnectionString(),
        "--brands", brands,
        $"--silo-port={FreePort.Next()}",
        $"--gateway-port={FreePort.Next()}",
    ]);

    private static async Task<int> CountAsync(RunningHost host, string query)
    {
        var response = await host.Http.GetAsync($"/api/mentions/search?brand=durable&limit=200&{query}");
        return response.IsSuccessStatusCode ? (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("items").GetArrayLength() : -1;
    }
}
