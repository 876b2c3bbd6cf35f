using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Pulse.Silo.Tests.Functional;
using Pulse.Sources.Running;
using Pulse.Testing;
using Pulse.Testing.Rss;

namespace Pulse.Silo.Tests.Sources;

/// <summary>Without Pulse:Outbound:AllowPrivateNetworks, a source cannot make the silo connect to its own network; its credentials stay write-only.</summary>
public sealed class SourceGuardTests(GuardedPulseHostFixture host) : IClassFixture<GuardedPulseHostFixture>
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task An_rss_source_on_loopback_is_refused_at_connect_and_the_feed_hears_nothing()
    {
        await using var feed = await FeedServer.StartAsync();
        feed.Document = new RssItems().Add("guard-1", "Anything at all");

        var created = await host.Http.PutAsJsonAsync("/api/sources/guarded-feed", new { kind = "rss", url = feed.Url.ToString(), pollSeconds = 1 });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);

        var status = await Eventually.GetAsync(() => SourceAsync("guarded-feed"), s => s.GetProperty("lastError").ValueKind == JsonValueKind.String, Patience);
        Assert.Contains(status.GetProperty("state").GetString(), new[] { "backing-off", "failed" });
        var error = status.GetProperty("lastError").GetString();
        Assert.Contains("127.0.0.1", error, StringComparison.Ordinal);
        Assert.Contains("loopback", error, StringComparison.Ordinal);
        Assert.Contains("AllowPrivateNetworks", error, StringComparison.Ordinal);
        Assert.Empty(feed.Requests);
        Assert.Equal(HttpStatusCode.NoContent, (await host.Http.DeleteAsync("/api/sources/guarded-feed")).StatusCode);
    }

    [Fact]
    public async Task Credentials_in_a_feed_url_are_masked_when_read_and_kept_when_the_mask_is_sent_back()
    {
        // A documentation address: the guard refuses it too, so nothing leaves the machine.
        var created = await host.Http.PutAsJsonAsync("/api/sources/secret-feed", new { kind = "rss", url = "https://reader:s3cret@203.0.113.7/feed.xml", pollSeconds = 60 });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.DoesNotContain("s3cret", await created.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var one = await SourceAsync("secret-feed");
        Assert.Equal("https://***@203.0.113.7/feed.xml", one.GetProperty("url").GetString());
        var list = await host.Http.GetStringAsync("/api/sources");
        Assert.Contains("https://***@203.0.113.7/feed.xml", list, StringComparison.Ordinal);
        Assert.DoesNotContain("s3cret", list, StringComparison.Ordinal);
        Assert.DoesNotContain("reader", list, StringComparison.Ordinal);

        // Sent back as GET showed it (another poll interval): the stored credentials stay.
        (await host.Http.PutAsJsonAsync("/api/sources/secret-feed", new { kind = "rss", url = one.GetProperty("url").GetString(), pollSeconds = 120 })).EnsureSuccessStatusCode();
        var stored = await host.Grains.GetGrain<ISourceCatalogGrain>(ISourceCatalogGrain.Key).GetAsync("secret-feed");
        Assert.Equal(("reader:s3cret", 120), (stored!.Url.UserInfo, stored.PollSeconds));

        var refused = await Eventually.GetAsync(() => SourceAsync("secret-feed"), s => s.GetProperty("lastError").ValueKind == JsonValueKind.String, Patience);
        Assert.Contains("documentation", refused.GetProperty("lastError").GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NoContent, (await host.Http.DeleteAsync("/api/sources/secret-feed")).StatusCode);
    }

    private async Task<JsonElement> SourceAsync(string id) => await host.Http.GetFromJsonAsync<JsonElement>($"/api/sources/{id}");
}
