using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Pulse.Testing;
using Pulse.Testing.Rss;

namespace Pulse.Silo.Tests.Sources;

/// <summary>A local RSS feed, polled by a source made over the API, counts on a brand made over the API, exactly once per item.</summary>
[Collection(SourcesHostCollection.Name)]
public sealed class RssSourceEndToEndTests(SourcesHostFixture host)
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    [Trait("Category", "Slow")]
    [Fact]
    public async Task Feed_items_that_mention_a_brand_count_once_each_and_the_status_shows_it()
    {
        await using var feed = await FeedServer.StartAsync();
        var items = new RssItems();
        feed.Document = items.Add("e2e-1", "Quarbliton launches a new phone");
        feed.Document = items.Add("e2e-2", "Weather is mild today");
        feed.Document = items.Add("e2e-3", "Review: the quarbliton phone after a week");
        feed.Document = items.Add("e2e-4", "QUARBLITON shares rise");
        (await host.Http.PutAsJsonAsync("/api/brands/src-e2e-brand", new { name = "Quarbliton", keywords = new[] { "quarbliton" } })).EnsureSuccessStatusCode();

        var created = await host.Http.PutAsJsonAsync("/api/sources/e2e-feed", new { kind = "rss", url = feed.Url.ToString(), pollSeconds = 1 });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);

        Assert.Equal(3, await CountAsync(3));
        var status = await Eventually.GetAsync(() => StatusAsync(), s => s.GetProperty("accepted").GetInt64() == 3, Patience);
        Assert.Equal("live", status.GetProperty("state").GetString());
        Assert.Equal(4, status.GetProperty("received").GetInt64());
        Assert.Equal(3, status.GetProperty("accepted").GetInt64());
        Assert.Equal(JsonValueKind.String, status.GetProperty("lastEventAt").ValueKind);
        Assert.Equal(JsonValueKind.Null, status.GetProperty("lastError").ValueKind);

        feed.Document = items.Add("e2e-5", "Quarbliton recalls a charger");
        feed.Document = items.Add("e2e-6", "Local team wins");
        feed.Document = items.Add("e2e-7", "Why everyone talks about quarbliton");
        Assert.Equal(5, await CountAsync(5));

        // The old items stay in the document: polls after the change must not count them again.
        var requests = feed.Requests.Count;
        await Eventually.GetAsync(() => Task.FromResult(feed.Requests.Count), n => n >= requests + 3, Patience);
        Assert.Equal(5, await CountAsync(5));
        status = await StatusAsync();
        Assert.Equal("live", status.GetProperty("state").GetString());
        Assert.Equal(7, status.GetProperty("received").GetInt64());
        Assert.Equal(5, status.GetProperty("accepted").GetInt64());

        // Deleted, it stops polling: past the request that may be in flight, the feed hears nothing more over three poll intervals.
        Assert.Equal(HttpStatusCode.NoContent, (await host.Http.DeleteAsync("/api/sources/e2e-feed")).StatusCode);
        Assert.Null(await host.SourceAsync("e2e-feed"));
        var afterDelete = feed.Requests.Count;
        await Task.Delay(TimeSpan.FromSeconds(3));
        Assert.InRange(feed.Requests.Count, afterDelete, afterDelete + 1);
        Assert.Equal(HttpStatusCode.NoContent, (await host.Http.DeleteAsync("/api/brands/src-e2e-brand")).StatusCode);
    }

    private async Task<JsonElement> StatusAsync() => await host.SourceAsync("e2e-feed") ?? throw new InvalidOperationException("e2e-feed is gone.");

    private Task<long> CountAsync(long expected) =>
        Eventually.GetAsync(
            async () =>
            {
                using var stats = JsonDocument.Parse(await host.Http.GetStringAsync("/api/brands/src-e2e-brand/stats?window=1h"));
                return stats.RootElement.GetProperty("total").GetProperty("count").GetInt64();
            },
            count => count >= expected,
            Patience);
}
