using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using Microsoft.Playwright;
using Pulse.Silo.Tests.Functional;
using Pulse.Testing;

namespace Pulse.Silo.Tests.Browser;

/// <summary>The overview's Sources panel and freshness line in real headless Chromium, fed by real sources of a real host.</summary>
[Trait("Category", "Slow")]
[Collection(PulseHostCollection.Name)]
public sealed class SourcesPanelBrowserTests(PulseHostFixture host, ChromiumFixture chromium) : IClassFixture<ChromiumFixture>
{
    private const float Deadline = 30_000;
    private const string Markup = "<img src=x onerror=window.__pwned=1>";

    [Fact]
    public async Task Feeds_that_fail_show_as_backing_off_in_the_panel_and_the_freshness_line_and_their_server_text_stays_text()
    {
        var page = await chromium.NewAdminPageAsync();
        var pageErrors = new List<string>();
        page.PageError += (_, error) => pageErrors.Add(error);
        await page.GotoAsync(host.BaseAddress.ToString());

        // With no sources (this host has none unless a test adds one), the line says the data is demo or POSTed only.
        var line = page.Locator("[data-testid=source-freshness]");
        if ((await host.Http.GetFromJsonAsync<JsonElement>("/api/sources")).GetArrayLength() == 0)
        {
            await page.Locator("[data-testid=source-freshness-empty]").WaitForAsync(new() { Timeout = ChromiumFixture.FirstRender }); // the first render after navigating
            Assert.Equal("no sources: the dashboard shows demo or POSTed data only", await line.InnerTextAsync());
        }

        // One feed where nothing listens (markup in its url), one whose server answers 503 with markup as the reason phrase,
        // which the connector reports as its error ("HTTP 503 <img …>").
        var deadPort = FreePort.Next();
        using var hostile = new HostileFeedServer($"503 {Markup}");
        const string dead = "browser-dead-feed";
        const string refusing = "browser-hostile-feed";
        try
        {
            await PutFeedAsync(dead, $"http://127.0.0.1:{deadPort}/feed?q={Markup}");
            await PutFeedAsync(refusing, $"http://127.0.0.1:{hostile.Port}/feed");

            var deadRow = page.Locator($"[data-testid=source-row][data-source-id={dead}][data-state=backing-off]");
            await deadRow.WaitForAsync(new() { Timeout = Deadline });
            Assert.Equal("backing off", await deadRow.Locator("[data-testid=source-state]").InnerTextAsync());
            Assert.Equal("backing-off", await deadRow.Locator("[data-testid=source-state]").GetAttributeAsync("data-state"));
            Assert.False(await deadRow.Locator("[data-testid=source-silent]").IsVisibleAsync());
            Assert.NotEmpty((await deadRow.Locator("[data-testid=source-error]").InnerTextAsync()).Trim()); // e.g. "Connection refused (127.0.0.1:…)"
            var shownUrl = (await host.Http.GetFromJsonAsync<JsonElement>($"/api/sources/{dead}")).GetProperty("url").GetString();
            Assert.Contains(shownUrl!, await deadRow.InnerTextAsync(), StringComparison.Ordinal);

            var hostileRow = page.Locator($"[data-testid=source-row][data-source-id={refusing}][data-state=backing-off]");
            await hostileRow.WaitForAsync(new() { Timeout = Deadline });
            var error = hostileRow.Locator("[data-testid=source-error]");
            await page.WaitForFunctionAsync(
                "id => document.querySelector(`[data-testid=source-row][data-source-id=\"${id}\"] [data-testid=source-error]`)?.textContent.includes('<img')",
                refusing,
                new() { Timeout = Deadline });
            Assert.Equal($"HTTP 503 {Markup}", await error.InnerTextAsync());

            // The freshness line names both and says they are backing off (a feed: when it was last polled, here never).
            foreach (var id in new[] { dead, refusing })
            {
                var segment = line.Locator($"[data-testid=source-freshness-item][data-source-id={id}][data-state=backing-off]");
                await segment.WaitForAsync(new() { Timeout = Deadline });
                Assert.Equal($"{id} backing off, never polled", await segment.InnerTextAsync());
            }

            // Rates are measured between polls: nothing accepted, so 0 once two polls have arrived.
            await page.WaitForFunctionAsync(
                "id => document.querySelector(`[data-testid=source-row][data-source-id=\"${id}\"] [data-testid=source-rate]`)?.textContent === '0'",
                dead,
                new() { Timeout = Deadline });

            // Server text stayed text: no element was built from it, and nothing ran.
            Assert.Equal(0, await page.Locator("img").CountAsync());
            Assert.Equal(0, await page.Locator("[data-testid=sources-panel] *:not(section,div,h2,span,table,thead,tbody,tr,th,td,p)").CountAsync());
            Assert.True(await page.EvaluateAsync<bool>("() => window.__pwned === undefined"));
            Assert.Empty(pageErrors);
        }
        finally
        {
            await host.Http.DeleteAsync($"/api/sources/{dead}");
            await host.Http.DeleteAsync($"/api/sources/{refusing}");
        }

        // Deleted sources leave the panel on its next poll.
        await page.Locator($"[data-testid=source-row][data-source-id={dead}]").WaitForAsync(new() { State = WaitForSelectorState.Detached, Timeout = Deadline });
    }

    private async Task PutFeedAsync(string id, string url)
    {
        var response = await host.Http.PutAsJsonAsync($"/api/sources/{id}", new { kind = "rss", url, channel = "news", pollSeconds = 60 });
        Assert.True(response.IsSuccessStatusCode, $"PUT /api/sources/{id}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }

    /// <summary>A loopback HTTP server that answers every request with one raw status line (any reason phrase) and no body.</summary>
    private sealed class HostileFeedServer : IDisposable
    {
        private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
        private readonly CancellationTokenSource _stop = new();
        private readonly Task _loop;

        public HostileFeedServer(string status)
        {
            _listener.Start();
            Port = ((IPEndPoint)_listener.LocalEndpoint).Port;
            var response = Encoding.ASCII.GetBytes($"HTTP/1.1 {status}\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");
            _loop = Task.Run(async () =>
            {
                while (!_stop.IsCancellationRequested)
                {
                    try
                    {
                        using var client = await _listener.AcceptTcpClientAsync(_stop.Token);
                        var stream = client.GetStream();
                        var buffer = new byte[8192];
                        _ = await stream.ReadAsync(buffer, _stop.Token);
                        await stream.WriteAsync(response, _stop.Token);
                    }
                    catch (OperationCanceledException)
                    {
                        return;
                    }
                    catch (IOException)
                    {
                        // The client went away: serve the next one.
                    }
                    catch (SocketException)
                    {
                        // As above.
                    }
                }
            });
        }

        public int Port { get; }

        public void Dispose()
        {
            _stop.Cancel();
            _listener.Stop();
            try
            {
                _loop.Wait(TimeSpan.FromSeconds(5));
            }
            catch (AggregateException)
            {
                // Stopped while accepting.
            }

            _stop.Dispose();
        }
    }
}
