using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;
using Pulse.Silo.Tests.Functional;

namespace Pulse.Silo.Tests.Browser;

/// <summary>The dashboard in real headless Chromium against a real Pulse host.</summary>
[Trait("Category", "Slow")]
[Collection(PulseHostCollection.Name)]
public sealed class DashboardBrowserTests(PulseHostFixture host, ChromiumFixture chromium) : IClassFixture<ChromiumFixture>
{
    private const float Deadline = 30_000;

    [Fact]
    public async Task Posting_mentions_moves_the_channel_rate_on_screen_and_text_stays_text()
    {
        var brand = await host.AddBrandAsync("browser-brand", "browserbrand");
        var page = await chromium.NewAdminPageAsync();
        await page.GotoAsync(host.BaseAddress.ToString());

        await page.Locator($"[data-testid=brand-tile][data-brand-id={brand}]").ClickAsync(new() { Timeout = ChromiumFixture.FirstRender });
        var rate = page.Locator("[data-testid=channel-rate][data-channel=reddit]");
        await rate.WaitForAsync(new() { Timeout = Deadline });
        Assert.Equal(0, ParseRate(await rate.InnerTextAsync()));

        var mentions = Enumerable.Range(0, 30).Select(i => new { id = $"browser-{i}", channel = "reddit", text = $"browserbrand post {i}" });
        var response = await host.Http.PostAsJsonAsync("/api/mentions", mentions);
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        await page.WaitForFunctionAsync(
            "() => { const e = document.querySelector('[data-testid=channel-rate][data-channel=reddit]'); return e && parseFloat(e.textContent.replace(/[^0-9.]/g, '')) > 0; }",
            null,
            new() { Timeout = Deadline });
        Assert.True(ParseRate(await rate.InnerTextAsync()) > 0);

        // Sent once the batch is on screen, so it is the newest: the live feed shows the newest mentions of each snapshot.
        var hostileText = "browserbrand <img src=x onerror=alert(1)><b>bold</b>";
        response = await host.Http.PostAsJsonAsync("/api/mentions", new { id = "browser-hostile", channel = "reddit", text = hostileText });
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);

        var hostile = page.Locator("[data-testid=mention-item]", new() { HasTextString = "<b>bold</b>" });
        await hostile.First.WaitForAsync(new() { Timeout = Deadline });
        Assert.Equal(0, await hostile.First.Locator("b, img").CountAsync());
    }

    [Fact]
    public async Task A_crisis_spike_appears_as_one_alert_in_the_browser_within_15_seconds_of_its_start()
    {
        var brand = await host.AddBrandAsync("browser-crisis", "crisisbrand");
        var page = await chromium.NewAdminPageAsync();
        await page.GotoAsync(host.BaseAddress.ToString());
        await page.Locator("[data-testid=connection-state][data-state=connected]").WaitForAsync(new() { Timeout = ChromiumFixture.FirstRender });

        // A steady baseline past the (test host's) 20 s warm-up, then five times more, as in a real crisis.
        await PostAtRateAsync(brand, perSecond: 4, TimeSpan.FromSeconds(45), "crisisbrand ordinary day", CancellationToken.None);
        var spikeStart = DateTimeOffset.UtcNow;
        var spike = PostAtRateAsync(brand, perSecond: 40, TimeSpan.FromSeconds(20), "crisisbrand outage again #crisisbrandfail", CancellationToken.None);

        // The volume spike is what this specifies; a negative shift of the same crisis joins the same card as a facet.
        var alert = page.Locator($"[data-testid=alert-item][data-brand-id={brand}][data-kinds~=spike]");
        await alert.First.WaitForAsync(new() { Timeout = 20_000 });
        var seen = DateTimeOffset.UtcNow;
        Assert.True(seen - spikeStart <= TimeSpan.FromSeconds(15), $"the alert took {(seen - spikeStart).TotalSeconds:0.0} s to reach the browser");

        // One incident, one card: whatever else the crisis shows as (a negative shift, more channels) joins it.
        await spike;
        var cards = page.Locator($"[data-testid=alert-item][data-brand-id={brand}]");
        Assert.Equal(1, await cards.CountAsync());
        var shown = await cards.InnerTextAsync();
        Assert.Contains(brand, shown, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("#crisisbrandfail", shown, StringComparison.Ordinal); // why: the term that rose
        Assert.Equal(1, await cards.Locator("[data-testid=alert-facet][data-kind=spike]").CountAsync());
    }

    [Fact]
    public async Task A_channel_whose_whole_feed_stops_shows_as_one_data_gap_on_screen_and_in_the_api()
    {
        // No other test here posts on "reviews": its feed is these three brands' mentions alone.
        string[] brands = [await host.AddBrandAsync("gap-one", "gapone"), await host.AddBrandAsync("gap-two", "gaptwo"), await host.AddBrandAsync("gap-three", "gapthree")];
        var page = await chromium.NewAdminPageAsync();
        await page.GotoAsync(host.BaseAddress.ToString());
        await page.Locator("[data-testid=connection-state][data-state=connected]").WaitForAsync(new() { Timeout = ChromiumFixture.FirstRender });

        // Ten a second past the test host's 20 s warm-up, then nothing from any brand.
        await Task.WhenAll(brands.Select((b, i) => PostAtRateAsync(b, perSecond: i == 0 ? 4 : 3, TimeSpan.FromSeconds(30), $"{b.Replace("-", "", StringComparison.Ordinal)} review", CancellationToken.None, channel: "reviews")));

        var gap = page.Locator("[data-testid=data-gap][data-channels~=reviews]");
        await gap.WaitForAsync(new() { Timeout = Deadline });
        Assert.Equal(1, await page.Locator("[data-testid=data-gap]").CountAsync());
        Assert.Contains("ingestion outage", await gap.InnerTextAsync(), StringComparison.Ordinal);
        var listed = (await host.Http.GetFromJsonAsync<JsonElement>("/api/data-gaps"))[0];
        Assert.Equal(JsonValueKind.Null, listed.GetProperty("endedAt").ValueKind);
        Assert.Contains(listed.GetProperty("channels").EnumerateArray(), c => c.GetProperty("channel").GetString() == "reviews");
    }

    private async Task PostAtRateAsync(string brand, int perSecond, TimeSpan duration, string text, CancellationToken cancellation, string channel = "x")
    {
        var end = DateTimeOffset.UtcNow + duration;
        var n = 0;
        while (DateTimeOffset.UtcNow < end && !cancellation.IsCancellationRequested)
        {
            var batch = Enumerable.Range(0, perSecond).Select(_ => new { id = $"{brand}-{perSecond}-{n++}", channel, text }).ToArray();
            var response = await host.Http.PostAsJsonAsync("/api/mentions", batch, CancellationToken.None);
            Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
            try
            {
                await Task.Delay(1000, cancellation);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    private static double ParseRate(string text) =>
        double.Parse(new string([.. text.Where(c => char.IsDigit(c) || c == '.')]) is { Length: > 0 } digits ? digits : "0", CultureInfo.InvariantCulture);
}
