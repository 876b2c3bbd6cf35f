using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using Microsoft.Playwright;
using Pulse.Silo.Tests.Functional;

namespace Pulse.Silo.Tests.Browser;

/// <summary>The dashboard in real headless Chromium against a real Pulse host.</summary>
[Collection(PulseHostCollection.Name)]
public sealed class DashboardBrowserTests(PulseHostFixture host, ChromiumFixture chromium) : IClassFixture<ChromiumFixture>
{
    private const float Deadline = 30_000;

    [Fact]
    public async Task Posting_mentions_moves_the_channel_rate_on_screen_and_text_stays_text()
    {
        var brand = await host.AddBrandAsync("browser-brand", "browserbrand");
        var page = await chromium.Browser.NewPageAsync();
        await page.GotoAsync(host.BaseAddress.ToString());

        await page.Locator($"[data-testid=brand-tile][data-brand-id={brand}]").ClickAsync(new() { Timeout = Deadline });
        var rate = page.Locator("[data-testid=channel-rate][data-channel=reddit]");
        await rate.WaitForAsync(new() { Timeout = Deadline });
        Assert.Equal(0, ParseRate(await rate.InnerTextAsync()));

        var mentions = Enumerable.Range(0, 30).Select(i => new { id = $"browser-{i}", channel = "reddit", text = $"browserbrand post {i}" });
        var response = await host.Http.PostAsJsonAsync("/api/mentions", mentions);
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        // Sent last so it is the newest: the live feed shows the newest mentions of each snapshot.
        var hostileText = "browserbrand <img src=x onerror=alert(1)><b>bold</b>";
        response = await host.Http.PostAsJsonAsync("/api/mentions", new { id = "browser-hostile", channel = "reddit", text = hostileText });
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);

        await page.WaitForFunctionAsync(
            "() => { const e = document.querySelector('[data-testid=channel-rate][data-channel=reddit]'); return e && parseFloat(e.textContent.replace(/[^0-9.]/g, '')) > 0; }",
            null,
            new() { Timeout = Deadline });
        Assert.True(ParseRate(await rate.InnerTextAsync()) > 0);

        var hostile = page.Locator("[data-testid=mention-item]", new() { HasTextString = "<b>bold</b>" });
        await hostile.First.WaitForAsync(new() { Timeout = Deadline });
        Assert.Equal(0, await hostile.First.Locator("b, img").CountAsync());
    }

    private static double ParseRate(string text) =>
        double.Parse(new string([.. text.Where(c => char.IsDigit(c) || c == '.')]) is { Length: > 0 } digits ? digits : "0", CultureInfo.InvariantCulture);
}
