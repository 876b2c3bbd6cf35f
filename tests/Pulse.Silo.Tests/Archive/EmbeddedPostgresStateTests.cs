using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Npgsql;
using Pulse.Silo.Tests.Functional;
using Pulse.Testing;

namespace Pulse.Silo.Tests.Archive;

/// <summary>
/// The embedded default with `--postgres` keeps its configuration in PostgreSQL: what one Pulse was told through the API,
/// the next one started on the same database knows (docs/archive.md, "Grain state in PostgreSQL").
/// </summary>
[Trait("Category", "Slow")]
[Collection(ArchiveHostCollection.Name)]
public sealed class EmbeddedPostgresStateTests(ArchiveHostFixture fixture)
{
    [Fact]
    public async Task A_brand_added_through_the_api_is_there_after_a_restart()
    {
        var database = await NewDatabaseAsync();
        await using (var first = await StartAsync(database))
        {
            var created = await first.Http.PutAsJsonAsync("/api/brands/kept", new { name = "Kept", keywords = new[] { "keptix" } });
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        }

        await using var second = await StartAsync(database);
        var brand = await second.Http.GetFromJsonAsync<JsonElement>("/api/brands/kept");
        Assert.Equal("Kept", brand.GetProperty("name").GetString());
        Assert.Equal(["keptix"], brand.GetProperty("keywords").EnumerateArray().Select(k => k.GetString()));
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

    private static Task<RunningHost> StartAsync(string connectionString) => RunningHost.StartAsync(
    [
        "--postgres", connectionString,
        $"--silo-port={FreePort.Next()}",
        $"--gateway-port={FreePort.Next()}",
    ]);
}
