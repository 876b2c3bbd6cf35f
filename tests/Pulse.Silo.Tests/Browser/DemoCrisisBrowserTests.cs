using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Playwright;
using Pulse.Silo.Demo;
using Pulse.Silo.Tests.Demo;
using Pulse.Silo.Tests.Functional;
using Pulse.Testing;
using Xunit.Abstractions;

namespace Pulse.Silo.Tests.Browser;

/// <summary>
/// The built-in demo (silo/Demo) in a real host, watched in headless Chromium: its first crisis is on screen as one alert
/// within 15 s of its start. Runs alone (its own collection, not in parallel): it measures latency on shared cores.
/// </summary>
[Trait("Category", "Slow")]
[Collection(DemoBrowserCollection.Name)]
public sealed class DemoCrisisBrowserTests(ChromiumFixture chromium, ITestOutputHelper output) : IClassFixture<ChromiumFixture>
{
    private const int DemoStartedEvent = 7001;
    private static readonly TimeSpan FirstCrisisDelay = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task The_demo_crisis_is_alerted_in_the_browser_within_15_seconds_of_its_start()
    {
        var options = new DemoOptions { Seed = 42, FirstCrisisDelay = FirstCrisisDelay };
        var log = new DemoLogCapture();
        await using var host = await RunningHost.StartAsync(
            [
                "--demo",
                $"--silo-port={FreePort.Next()}",
                $"--gateway-port={FreePort.Next()}",
                $"--Pulse:Demo:Seed={options.Seed}",
                $"--Pulse:Demo:FirstCrisisDelay={FirstCrisisDelay}",
                // Live detection trusts its baseline after 30 s instead of 3 min: half the minute of demo traffic before the crisis.
                "--Pulse:Alerts:WarmUp=00:00:30",
            ],
            builder => builder.Logging.AddProvider(log).AddFilter<DemoLogCapture>("Pulse.Silo.Demo", LogLevel.Information));
        var page = await chromium.NewAdminPageAsync();
        await page.GotoAsync(host.BaseAddress.ToString());
        await page.Locator("[data-testid=connection-state][data-state=connected]").WaitForAsync(new() { Timeout = ChromiumFixture.FirstRender });

        // The crisis starts FirstCrisisDelay after the demo did; brands take turns, so the scenario names the first one.
        var firstCrisis = await Eventually.GetAsync(() => Task.FromResult(FirstCrisisAt(log)), at => at is not null);
        Assert.NotNull(firstCrisis);
        var crisis = new DemoScenario(DemoFixture.Brands, options, firstCrisis.Value - FirstCrisisDelay)
            .CrisesStartingIn(firstCrisis.Value, firstCrisis.Value.AddSeconds(1)).Single();
        output.WriteLine($"crisis of {crisis.BrandId} ({crisis.Hashtag}) starts at {crisis.Start:HH:mm:ss.fff}");

        // Alerted: the brand's card shows a facet first signalled once the crisis had started (an earlier false alarm does not count).
        var alerted = await page.WaitForFunctionAsync(
            """
            ([brand, since]) => [...document.querySelectorAll(`[data-testid=alert-item][data-brand-id="${CSS.escape(brand)}"] [data-testid=alert-facet]`)]
              .some((f) => Date.parse(f.dataset.firstSeen) >= since)
            """,
            new object[] { crisis.BrandId, crisis.Start.ToUnixTimeMilliseconds() },
            new() { Timeout = (float)(crisis.Start + TimeSpan.FromSeconds(30) - DateTimeOffset.UtcNow).TotalMilliseconds, PollingInterval = 100 });
        var seen = DateTimeOffset.UtcNow;
        Assert.True(await alerted.JsonValueAsync<bool>());

        var alert = (await host.Http.GetFromJsonAsync<JsonElement>($"/api/alerts?brand={crisis.BrandId}"))[0];
        output.WriteLine($"on screen after {(seen - crisis.Start).TotalSeconds:0.0} s: {alert.GetProperty("message").GetString()}");
        Assert.True(seen - crisis.Start <= TimeSpan.FromSeconds(15), $"the crisis took {(seen - crisis.Start).TotalSeconds:0.0} s to reach the browser");
        Assert.Equal(1, await page.Locator($"[data-testid=alert-item][data-brand-id={crisis.BrandId}]").CountAsync());
    }

    private static DateTimeOffset? FirstCrisisAt(DemoLogCapture log) =>
        log.Events.Where(e => e.EventId == DemoStartedEvent).Select(e => e.Values["FirstCrisis"]).OfType<DateTimeOffset>().Cast<DateTimeOffset?>().FirstOrDefault();
}

[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class DemoBrowserCollection
{
    public const string Name = "demo-browser";
}
