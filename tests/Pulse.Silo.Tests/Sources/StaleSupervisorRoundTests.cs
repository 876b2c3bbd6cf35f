using System.Net;
using System.Net.Http.Json;
using Pulse.Sources.Connecting;
using Pulse.Sources.Running;
using Pulse.Testing;
using Pulse.Testing.Rss;

namespace Pulse.Silo.Tests.Sources;

/// <summary>
/// A supervisor round lists the catalog, then asks each source grain to run what it listed. A delete that lands between
/// the two must win: the round's late call may not bring the deleted source back (it would poll forever, invisible to the API).
/// </summary>
[Collection(SourcesHostCollection.Name)]
public sealed class StaleSupervisorRoundTests(SourcesHostFixture host)
{
    [Trait("Category", "Slow")]
    [Fact]
    public async Task A_round_that_listed_a_source_before_its_delete_does_not_restart_it()
    {
        await using var feed = await FeedServer.StartAsync();
        var items = new RssItems();
        feed.Document = items.Add("stale-1", "nothing to see");
        var listed = new SourceDefinition { Id = "stale-feed", Kind = SourceKind.Rss, Url = feed.Url, Channel = "news", PollSeconds = 1 };
        Assert.Equal(HttpStatusCode.Created, (await host.Http.PutAsJsonAsync("/api/sources/stale-feed", new { kind = "rss", url = feed.Url.ToString(), pollSeconds = 1 })).StatusCode);
        await Eventually.GetAsync(async () => (await host.SourceAsync("stale-feed"))?.GetProperty("state").GetString(), s => s == "live", TimeSpan.FromSeconds(30));

        Assert.Equal(HttpStatusCode.NoContent, (await host.Http.DeleteAsync("/api/sources/stale-feed")).StatusCode);
        await host.Grains.GetGrain<ISourceGrain>("stale-feed").SuperviseAsync(listed); // the round's late call

        Assert.Equal(SourceState.Paused, (await host.Grains.GetGrain<ISourceGrain>("stale-feed").GetStatusAsync()).State);
        var afterDelete = feed.Requests.Count;
        await Task.Delay(TimeSpan.FromSeconds(3));
        Assert.InRange(feed.Requests.Count, afterDelete, afterDelete + 1);
    }
}
