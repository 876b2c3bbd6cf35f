using System.Globalization;
using Pulse.Grains.Alerts;
using Pulse.Grains.Brands;
using Pulse.Grains.Feeds;
using Pulse.Grains.Mentions;
using Pulse.Testing;

namespace Pulse.Grains.Tests.Feeds;

/// <summary>
/// Data gaps are not brand events: mentions stopping on a channel for every brand at once is one data-gap signal, and the
/// brands' drop alerts on that channel are held back; everything stopping is still one signal.
/// </summary>
public sealed class DataGapTests(FeedClusterFixture fixture) : IClassFixture<FeedClusterFixture>
{
    private static readonly string[] Brands = ["gap-a", "gap-b", "gap-c"];
    private static readonly AlertWhy NoWhy = new([], [], new SentimentSplit(0, 0, 0), []);
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(30);

    private IFeedMonitorGrain Feeds => fixture.Grains.GetGrain<IFeedMonitorGrain>(IFeedMonitorGrain.Key);

    [Trait("Category", "Slow")]
    [Fact]
    public async Task A_channel_that_stops_for_every_brand_is_one_data_gap_and_no_brand_drop_alerts_and_then_everything_stopping_is_still_one()
    {
        foreach (var brand in Brands)
        {
            await fixture.Grains.GetGrain<IBrandCatalogGrain>(IBrandCatalogGrain.Key).PutAsync(new BrandDefinition(brand, brand, [brand.Replace("-", "", StringComparison.Ordinal)], [], []));
        }

        // Five mentions a second on news and on x, spread over the three brands, past the 5-second warm-up.
        using var feeding = new CancellationTokenSource();
        var channels = new[] { "news", "x" };
        var feed = FeedAsync(() => channels, feeding.Token);
        await Task.Delay(TimeSpan.FromSeconds(10));

        // news stops for every brand (x goes on): one data gap, naming news.
        channels = ["x"];
        var gaps = await Eventually.GetAsync(() => Feeds.ListAsync(), g => g.Length > 0, Deadline);
        var gap = Assert.Single(gaps);
        Assert.Equal(["news"], gap.Channels.Select(c => c.Channel));
        Assert.Null(gap.EndedAt);
        Assert.InRange(gap.Channels[0].ExpectedPerMinute, 150, 450); // about 300 a minute
        Assert.True(await Feeds.IsSilentAsync("news"));
        Assert.False(await Feeds.IsSilentAsync("x"));

        // Each brand's channel grain would now signal a drop on news: none becomes an alert. A drop where the feed still
        // delivers, and a spike on the silent channel, are the brands' own news.
        foreach (var brand in Brands)
        {
            await Alerts(brand).SignalAsync(Signal(brand, "news", AlertKind.Drop));
            Assert.Empty(await Alerts(brand).ListAsync(null, null));
        }

        await Alerts("gap-a").SignalAsync(Signal("gap-a", "x", AlertKind.Drop));
        await Alerts("gap-b").SignalAsync(Signal("gap-b", "news", AlertKind.Spike));
        Assert.Equal(AlertKind.Drop, Assert.Single(await Alerts("gap-a").ListAsync(null, null)).Kind);
        Assert.Equal(AlertKind.Spike, Assert.Single(await Alerts("gap-b").ListAsync(null, null)).Kind);

        // Everything stops: still one signal, now naming both channels.
        channels = [];
        gap = Assert.Single(await Eventually.GetAsync(() => Feeds.ListAsync(), g => g.Length != 1 || g[0].Channels.Length == 2, Deadline));
        Assert.Equal(["news", "x"], gap.Channels.Select(c => c.Channel));
        Assert.All(gap.Channels, c => Assert.Null(c.ResumedAt));
        Assert.Contains("ingestion outage", gap.Message, StringComparison.Ordinal);

        // Mentions again: the gap ends, and a drop on news is a brand's news again.
        channels = ["news", "x"];
        gap = Assert.Single(await Eventually.GetAsync(() => Feeds.ListAsync(), g => g.Length != 1 || g[0].EndedAt is not null, Deadline));
        Assert.NotNull(gap.EndedAt);
        Assert.All(gap.Channels, c => Assert.NotNull(c.ResumedAt));
        Assert.False(await Feeds.IsSilentAsync("news"));
        await Alerts("gap-c").SignalAsync(Signal("gap-c", "news", AlertKind.Drop));
        Assert.Single(await Alerts("gap-c").ListAsync(null, null));

        await feeding.CancelAsync();
        await feed;
    }

    private IBrandAlertsGrain Alerts(string brand) => fixture.Grains.GetGrain<IBrandAlertsGrain>(brand);

    /// <summary>Every 200 ms one mention on each channel <paramref name="channels"/> names, taking turns over the brands.</summary>
    private async Task FeedAsync(Func<string[]> channels, CancellationToken cancellation)
    {
        for (var n = 0; !cancellation.IsCancellationRequested; n++)
        {
            var brand = Brands[n % Brands.Length].Replace("-", "", StringComparison.Ordinal);
            var batch = channels().Select(c => new Mention(string.Create(CultureInfo.InvariantCulture, $"{c}-{n}"), c, $"{brand} as usual", DateTimeOffset.UtcNow)).ToArray();
            await fixture.Ingestor.IngestAsync(batch, CancellationToken.None);
            try
            {
                await Task.Delay(200, cancellation);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    private static AlertSignal Signal(string brand, string channel, AlertKind kind) =>
        new(brand, channel, kind, 4, DateTimeOffset.UtcNow, kind == AlertKind.Drop ? 0 : 90, 20, NoWhy);
}
