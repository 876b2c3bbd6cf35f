using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Pulse.Testing;

namespace Pulse.Silo.Tests.Sources;

/// <summary>A source that cannot reach its feed says so in its status, and deleting it stops it.</summary>
[Collection(SourcesHostCollection.Name)]
public sealed class SourceFailureTests(SourcesHostFixture host)
{
    [Fact]
    public async Task A_feed_nothing_listens_on_shows_backing_off_with_the_error_until_deleted()
    {
        var url = $"http://127.0.0.1:{FreePort.Next()}/feed.xml";
        var created = await host.Http.PutAsJsonAsync("/api/sources/dead-feed", new { kind = "rss", url, pollSeconds = 1 });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);

        var status = await Eventually.GetAsync(
            async () => await host.SourceAsync("dead-feed"),
            s => s?.GetProperty("lastError").ValueKind == JsonValueKind.String,
            TimeSpan.FromSeconds(30));

        Assert.NotNull(status);
        Assert.Equal("backing-off", status.Value.GetProperty("state").GetString());
        Assert.False(string.IsNullOrWhiteSpace(status.Value.GetProperty("lastError").GetString()));
        Assert.Equal(JsonValueKind.String, status.Value.GetProperty("lastErrorAt").ValueKind);
        Assert.Equal(0, status.Value.GetProperty("received").GetInt64());

        Assert.Equal(HttpStatusCode.NoContent, (await host.Http.DeleteAsync("/api/sources/dead-feed")).StatusCode);
        Assert.Null(await host.SourceAsync("dead-feed"));
        Assert.DoesNotContain((await host.Http.GetFromJsonAsync<JsonElement>("/api/sources")).EnumerateArray(), s => s.GetProperty("id").GetString() == "dead-feed");
    }
}
