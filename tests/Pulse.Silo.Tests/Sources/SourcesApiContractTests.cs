using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace Pulse.Silo.Tests.Sources;

/// <summary>/api/sources over HTTP: status codes, problems naming the field, the write-only token, defaults and wire names.</summary>
[Collection(SourcesHostCollection.Name)]
public sealed class SourcesApiContractTests(SourcesHostFixture host)
{
    /// <summary>A loopback port nothing listens on: rss sources of these tests poll it and back off, never the internet.</summary>
    private const string DeadFeed = "http://127.0.0.1:9/feed.xml";

    private static readonly string[] States = ["connecting", "live", "backing-off", "failed", "paused"];

    [Fact]
    public async Task Put_creates_then_replaces_get_lists_and_reads_delete_removes()
    {
        var created = await PutAsync("crud-feed", new { kind = "rss", url = DeadFeed, pollSeconds = 600 });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal("/api/sources/crud-feed", created.Headers.Location?.OriginalString);
        var view = await created.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("crud-feed", view.GetProperty("id").GetString());
        Assert.Equal(600, view.GetProperty("pollSeconds").GetInt32());

        var replaced = await PutAsync("crud-feed", new { kind = "rss", url = DeadFeed, pollSeconds = 900, channel = "blogs" });
        Assert.Equal(HttpStatusCode.OK, replaced.StatusCode);

        var listed = await host.Http.GetFromJsonAsync<JsonElement>("/api/sources");
        var entry = Assert.Single(listed.EnumerateArray(), s => s.GetProperty("id").GetString() == "crud-feed");
        Assert.Equal(900, entry.GetProperty("pollSeconds").GetInt32());
        var read = await host.Http.GetFromJsonAsync<JsonElement>("/api/sources/crud-feed");
        Assert.Equal("blogs", read.GetProperty("channel").GetString());
        Assert.Equal(DeadFeed, read.GetProperty("url").GetString());

        Assert.Equal(HttpStatusCode.NoContent, (await host.Http.DeleteAsync("/api/sources/crud-feed")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await host.Http.DeleteAsync("/api/sources/crud-feed")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await host.Http.GetAsync("/api/sources/crud-feed")).StatusCode);
        Assert.DoesNotContain((await host.Http.GetFromJsonAsync<JsonElement>("/api/sources")).EnumerateArray(), s => s.GetProperty("id").GetString() == "crud-feed");
    }

    [Fact]
    public async Task Get_of_an_unknown_source_is_404_problem_json()
    {
        var response = await host.Http.GetAsync("/api/sources/no-such-source");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(404, problem.GetProperty("status").GetInt32());
        Assert.Contains("no-such-source", problem.GetProperty("title").GetString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("bad!id", """{"kind":"rss","url":"http://127.0.0.1:9/f"}""", "id")]
    [InlineData("aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", """{"kind":"rss","url":"http://127.0.0.1:9/f"}""", "id")]
    [InlineData("v-other-id", """{"id":"someone-else","kind":"rss","url":"http://127.0.0.1:9/f"}""", "id")]
    [InlineData("v-no-kind", """{"url":"http://127.0.0.1:9/f"}""", "kind")]
    [InlineData("v-bad-kind", """{"kind":"twitter","url":"http://127.0.0.1:9/f"}""", "kind")]
    [InlineData("v-rss-ws", """{"kind":"rss","url":"ws://127.0.0.1:9/f"}""", "url")]
    [InlineData("v-rss-nourl", """{"kind":"rss"}""", "url")]
    [InlineData("v-jet-https", """{"kind":"jetstream","url":"https://127.0.0.1:9/subscribe"}""", "url")]
    [InlineData("v-masto-wss", """{"kind":"mastodon","url":"wss://127.0.0.1:9","token":"t"}""", "url")]
    [InlineData("v-relative", """{"kind":"rss","url":"feed.xml"}""", "url")]
    [InlineData("v-rooted", """{"kind":"rss","url":"/feed.xml"}""", "url")]
    [InlineData("v-channel", """{"kind":"rss","url":"http://127.0.0.1:9/f","channel":"tiktok"}""", "channel")]
    [InlineData("v-poll-0", """{"kind":"rss","url":"http://127.0.0.1:9/f","pollSeconds":0}""", "pollSeconds")]
    [InlineData("v-poll-big", """{"kind":"rss","url":"http://127.0.0.1:9/f","pollSeconds":86401}""", "pollSeconds")]
    [InlineData("v-poll-type", """{"kind":"rss","url":"http://127.0.0.1:9/f","pollSeconds":"x"}""", "pollSeconds")]
    [InlineData("v-poll-frac", """{"kind":"rss","url":"http://127.0.0.1:9/f","pollSeconds":1.5}""", "pollSeconds")]
    [InlineData("v-kind-type", """{"kind":3,"url":"http://127.0.0.1:9/f"}""", "kind")]
    [InlineData("v-masto-token", """{"kind":"mastodon","url":"https://127.0.0.1:9"}""", "token")]
    [InlineData("v-rss-token", """{"kind":"rss","url":"http://127.0.0.1:9/f","token":"secret"}""", "token")]
    [InlineData("v-rss-stream", """{"kind":"rss","url":"http://127.0.0.1:9/f","stream":"public"}""", "stream")]
    [InlineData("v-masto-stream", """{"kind":"mastodon","url":"https://127.0.0.1:9","token":"t","stream":"private"}""", "stream")]
    [InlineData("v-masto-tag", """{"kind":"mastodon","url":"https://127.0.0.1:9","token":"t","stream":"hashtag:"}""", "stream")]
    [InlineData("v-not-json", "kind=rss", "body")]
    [InlineData("v-empty", "", "body")]
    [InlineData("v-null", "null", "body")]
    [InlineData("v-array", "[]", "body")]
    public async Task An_invalid_put_is_400_problem_json_naming_the_field(string id, string body, string parameter)
    {
        using var content = new StringContent(body, Encoding.UTF8, "application/json");
        var response = await host.Http.PutAsync($"/api/sources/{id}", content);

        await AssertInvalidAsync(response, parameter);
        Assert.Equal(HttpStatusCode.NotFound, (await host.Http.GetAsync($"/api/sources/{id}")).StatusCode);
    }

    [Fact]
    public async Task A_body_that_is_not_json_by_content_type_is_400_naming_the_body()
    {
        using var content = new StringContent("""{"kind":"rss","url":"http://127.0.0.1:9/f"}""", Encoding.UTF8, "text/plain");
        var response = await host.Http.PutAsync("/api/sources/v-text-plain", content);

        await AssertInvalidAsync(response, "body");
    }

    [Fact]
    public async Task The_token_is_never_returned_and_an_update_without_it_keeps_it()
    {
        const string secret = "sekrit-token-value";
        var created = await PutAsync("masto-token", new { kind = "mastodon", url = "https://mastodon.example", token = secret });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        AssertNoToken(await created.Content.ReadAsStringAsync(), secret);

        var updated = await PutAsync("masto-token", new { kind = "mastodon", url = "https://mastodon.example", stream = "hashtag:pulse" });
        Assert.Equal(HttpStatusCode.OK, updated.StatusCode);
        AssertNoToken(await updated.Content.ReadAsStringAsync(), secret);
        AssertNoToken(await host.Http.GetStringAsync("/api/sources/masto-token"), secret);

        var list = await host.Http.GetStringAsync("/api/sources");
        Assert.DoesNotContain(secret, list, StringComparison.Ordinal);
        using var listed = JsonDocument.Parse(list);
        var entry = Assert.Single(listed.RootElement.EnumerateArray(), s => s.GetProperty("id").GetString() == "masto-token");
        Assert.False(entry.TryGetProperty("token", out _));
        Assert.True(entry.GetProperty("hasToken").GetBoolean());
        Assert.Equal("hashtag:pulse", entry.GetProperty("stream").GetString());

        Assert.Equal(HttpStatusCode.NoContent, (await host.Http.DeleteAsync("/api/sources/masto-token")).StatusCode);
    }

    [Fact]
    public async Task Defaults_fill_the_jetstream_url_the_channel_by_kind_the_stream_and_the_poll()
    {
        var jetstream = await CreateAsync("dflt-jet", new { kind = "jetstream" });
        Assert.Equal("wss://jetstream2.us-east.bsky.network/subscribe", jetstream.GetProperty("url").GetString());
        Assert.Equal("bluesky", jetstream.GetProperty("channel").GetString());
        Assert.False(jetstream.GetProperty("hasToken").GetBoolean());

        var mastodon = await CreateAsync("dflt-masto", new { kind = "mastodon", url = "https://mastodon.example", token = "t" });
        Assert.Equal("mastodon", mastodon.GetProperty("channel").GetString());
        Assert.Equal("public", mastodon.GetProperty("stream").GetString());

        var rss = await CreateAsync("dflt-rss", new { kind = "rss", url = DeadFeed });
        Assert.Equal("news", rss.GetProperty("channel").GetString());
        Assert.Equal(300, rss.GetProperty("pollSeconds").GetInt32());

        foreach (var id in new[] { "dflt-jet", "dflt-masto", "dflt-rss" })
        {
            Assert.Equal(HttpStatusCode.NoContent, (await host.Http.DeleteAsync($"/api/sources/{id}")).StatusCode);
        }
    }

    [Fact]
    public async Task Kind_and_state_are_lower_case_names()
    {
        var jetstream = await CreateAsync("wire-jet", new { kind = "JetStream", channel = "BlueSky" });
        Assert.Equal(JsonValueKind.String, jetstream.GetProperty("kind").ValueKind);
        Assert.Equal("jetstream", jetstream.GetProperty("kind").GetString());
        Assert.Equal("bluesky", jetstream.GetProperty("channel").GetString());
        Assert.Equal(JsonValueKind.String, jetstream.GetProperty("state").ValueKind);
        Assert.Contains(jetstream.GetProperty("state").GetString(), States);

        var mastodon = await CreateAsync("wire-masto", new { kind = "MASTODON", url = "https://mastodon.example", token = "t" });
        Assert.Equal("mastodon", mastodon.GetProperty("kind").GetString());
        var rss = await CreateAsync("wire-rss", new { kind = "Rss", url = DeadFeed });
        Assert.Equal("rss", rss.GetProperty("kind").GetString());

        foreach (var id in new[] { "wire-jet", "wire-masto", "wire-rss" })
        {
            Assert.Equal(HttpStatusCode.NoContent, (await host.Http.DeleteAsync($"/api/sources/{id}")).StatusCode);
        }
    }

    internal static async Task AssertInvalidAsync(HttpResponseMessage response, string parameter)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"Expected 400, got {(int)response.StatusCode}: {text}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var problem = JsonDocument.Parse(text);
        Assert.Equal(400, problem.RootElement.GetProperty("status").GetInt32());
        Assert.Equal(parameter, problem.RootElement.GetProperty("parameter").GetString());
        Assert.False(string.IsNullOrWhiteSpace(problem.RootElement.GetProperty("detail").GetString()));
    }

    private static void AssertNoToken(string json, string secret)
    {
        Assert.DoesNotContain(secret, json, StringComparison.Ordinal);
        using var view = JsonDocument.Parse(json);
        Assert.False(view.RootElement.TryGetProperty("token", out _), json);
        Assert.True(view.RootElement.GetProperty("hasToken").GetBoolean(), json);
    }

    private Task<HttpResponseMessage> PutAsync(string id, object body) => host.Http.PutAsJsonAsync($"/api/sources/{id}", body);

    private async Task<JsonElement> CreateAsync(string id, object body)
    {
        var response = await PutAsync(id, body);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }
}
