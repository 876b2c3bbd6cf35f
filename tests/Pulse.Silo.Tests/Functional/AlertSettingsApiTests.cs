using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Pulse.Grains.Alerts;

namespace Pulse.Silo.Tests.Functional;

[Collection(PulseHostCollection.Name)]
public sealed class AlertSettingsApiTests(PulseHostFixture host)
{
    [Fact]
    public async Task Settings_read_back_as_they_were_put()
    {
        var brand = await host.AddBrandAsync("settings-roundtrip", "roundtripword");
        var put = await host.Http.PutAsJsonAsync($"/api/brands/{brand}/alert-settings", new
        {
            sensitivity = "High",
            channels = new[] { "news", "x" },
            webhookMinimumSeverity = 5,
            quietHours = new { from = "22:00", to = "07:00", timeZone = "Europe/Berlin" },
            webhooks = new[] { new { url = "https://hooks.example.com/pulse", format = "slack" } },
        });
        put.EnsureSuccessStatusCode();

        var read = await host.Http.GetFromJsonAsync<JsonElement>($"/api/brands/{brand}/alert-settings");

        Assert.Equal("high", read.GetProperty("sensitivity").GetString());
        Assert.Equal(["news", "x"], read.GetProperty("channels").EnumerateArray().Select(c => c.GetString()));
        Assert.Equal(5, read.GetProperty("webhookMinimumSeverity").GetInt32());
        Assert.Equal(("22:00", "07:00", "Europe/Berlin", 8), (
            read.GetProperty("quietHours").GetProperty("from").GetString(), read.GetProperty("quietHours").GetProperty("to").GetString(),
            read.GetProperty("quietHours").GetProperty("timeZone").GetString(), read.GetProperty("quietHours").GetProperty("wakeSeverity").GetInt32()));
        Assert.Equal("https://hooks.example.com/…", read.GetProperty("webhooks")[0].GetProperty("target").GetString());
    }

    [Fact]
    public async Task Webhook_urls_are_write_only_and_a_put_without_the_url_keeps_the_stored_one()
    {
        var brand = await host.AddBrandAsync("settings-writeonly", "writeonlyword");
        const string secret = "https://hooks.example.com/services/T0/B0/s3cr3t?token=abc";
        var put = await host.Http.PutAsJsonAsync($"/api/brands/{brand}/alert-settings", new { webhooks = new[] { new { url = secret, format = "json" } } });
        put.EnsureSuccessStatusCode();
        Assert.DoesNotContain("s3cr3t", await put.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var read = await host.Http.GetStringAsync($"/api/brands/{brand}/alert-settings");
        Assert.DoesNotContain("s3cr3t", read, StringComparison.Ordinal);
        Assert.DoesNotContain("token", read, StringComparison.Ordinal);
        var hook = JsonDocument.Parse(read).RootElement.GetProperty("webhooks")[0];
        Assert.Equal(("https://hooks.example.com/…", "json"), (hook.GetProperty("target").GetString(), hook.GetProperty("format").GetString()));
        Assert.False(hook.TryGetProperty("url", out _));

        // Sent back as GET showed it, with another format and severity: the stored url stays.
        (await host.Http.PutAsJsonAsync($"/api/brands/{brand}/alert-settings",
            new { webhookMinimumSeverity = 4, webhooks = new[] { new { target = "https://hooks.example.com/…", format = "slack" } } })).EnsureSuccessStatusCode();

        var stored = await host.Grains.GetGrain<IBrandAlertsGrain>(brand).GetSettingsAsync();
        Assert.Equal((new Uri(secret).AbsoluteUri, "slack", 4), (stored.Webhooks[0].Url, stored.Webhooks[0].Format, stored.WebhookMinimumSeverity));
    }

    [Theory]
    [InlineData("""{"webhooks":[{"format":"json"},{"format":"json"}]}""", "webhooks[1].url")]
    [InlineData("""{"webhooks":[{"target":"https://other.example.com/…"}]}""", "webhooks[0].target")]
    [InlineData("""{"webhooks":[{"url":"https://hooks.example.com/…"}]}""", "webhooks[0].url")]
    public async Task A_webhook_without_url_must_match_a_stored_one(string body, string field)
    {
        var brand = await host.AddBrandAsync("settings-keep-invalid", "keepinvalidword");
        (await host.Http.PutAsJsonAsync($"/api/brands/{brand}/alert-settings",
            new { webhooks = new[] { new { url = "https://hooks.example.com/a", format = "json" } } })).EnsureSuccessStatusCode();

        var response = await host.Http.PutAsync($"/api/brands/{brand}/alert-settings", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(field, (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("parameter").GetString());
    }

    [Fact]
    public async Task Deleting_a_brand_deletes_its_settings_so_a_new_brand_of_the_same_id_has_no_webhooks()
    {
        var brand = await host.AddBrandAsync("settings-deleted", "deletedword");
        (await host.Http.PutAsJsonAsync($"/api/brands/{brand}/alert-settings",
            new { webhookMinimumSeverity = 3, webhooks = new[] { new { url = "https://hooks.example.com/old-owner", format = "json" } } })).EnsureSuccessStatusCode();

        (await host.Http.DeleteAsync($"/api/brands/{brand}")).EnsureSuccessStatusCode();
        await host.AddBrandAsync(brand, "deletedword");

        var read = await host.Http.GetFromJsonAsync<JsonElement>($"/api/brands/{brand}/alert-settings");
        Assert.Equal((0, 1), (read.GetProperty("webhooks").GetArrayLength(), read.GetProperty("webhookMinimumSeverity").GetInt32()));
    }

    [Fact]
    public async Task A_brand_without_settings_reads_the_defaults()
    {
        var brand = await host.AddBrandAsync("settings-defaults", "defaultsword");

        var read = await host.Http.GetFromJsonAsync<JsonElement>($"/api/brands/{brand}/alert-settings");

        Assert.Equal((0, 1, JsonValueKind.Null, 0), (read.GetProperty("channels").GetArrayLength(), read.GetProperty("webhookMinimumSeverity").GetInt32(),
            read.GetProperty("quietHours").ValueKind, read.GetProperty("webhooks").GetArrayLength()));
    }

    [Fact]
    public async Task Settings_of_an_unknown_brand_are_not_found()
    {
        var response = await host.Http.GetAsync("/api/brands/no-such-brand/alert-settings");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Theory]
    [InlineData("""{"sensitivity":"paranoid"}""", "sensitivity")]
    [InlineData("""{"channels":["x","myspace"]}""", "channels")]
    [InlineData("""{"webhookMinimumSeverity":11}""", "webhookMinimumSeverity")]
    [InlineData("""{"quietHours":{"from":"10pm","to":"07:00","timeZone":"Europe/Berlin"}}""", "quietHours.from")]
    [InlineData("""{"quietHours":{"from":"22:00","to":"22:00","timeZone":"Europe/Berlin"}}""", "quietHours.to")]
    [InlineData("""{"quietHours":{"from":"22:00","to":"07:00","timeZone":"Europe/Atlantis"}}""", "quietHours.timeZone")]
    [InlineData("""{"quietHours":{"from":"22:00","to":"07:00","timeZone":"UTC","wakeSeverity":0}}""", "quietHours.wakeSeverity")]
    [InlineData("""{"webhooks":[{"url":"ftp://example.com/x","format":"json"}]}""", "webhooks[0].url")]
    [InlineData("""{"webhooks":[{"url":"https://user:secret@example.com/x","format":"json"}]}""", "webhooks[0].url")]
    [InlineData("""{"webhooks":[{"url":"https://example.com/x","format":"json"},{"url":"https://example.com/y","format":"teams"}]}""", "webhooks[1].format")]
    public async Task An_invalid_field_is_a_problem_naming_it(string body, string field)
    {
        var brand = await host.AddBrandAsync("settings-invalid", "invalidword");

        var response = await host.Http.PutAsync($"/api/brands/{brand}/alert-settings", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(field, (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("parameter").GetString());
    }
}
