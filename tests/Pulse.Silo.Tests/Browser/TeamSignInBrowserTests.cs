using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;
using Pulse.Silo.Auth.Users;
using Pulse.Silo.Tests.Functional;

namespace Pulse.Silo.Tests.Browser;

/// <summary>
/// A person limited to one brand signs in through the dashboard's form in a plain Chromium page (no key, no extra
/// header) and sees that brand only; hostile text in its brand name, mentions (text and author) and an alert's note is
/// shown as text and never runs, without the CSP having to stop anything.
/// </summary>
[Trait("Category", "Slow")]
[Collection(PulseHostCollection.Name)]
public sealed class TeamSignInBrowserTests(PulseHostFixture host, ChromiumFixture chromium) : IClassFixture<ChromiumFixture>
{
    private const float Deadline = 30_000;
    private const string Password = "a long enough passphrase";
    private const string TeamBrand = "xss-team";
    private const string OtherBrand = "xss-other";

    // Markers the other team's brand carries; none may reach the page.
    private const string OtherMarker = "Globex-Hidden";

    private const string BrandPayload = "<img src=x onerror=window.__xss=1>";
    private const string TextPayload = "<script>window.__xss=2</script>";
    private const string AuthorPayload = "<img src=x onerror=window.__xss=3>";
    private const string NotePayload = "<img src=x onerror=window.__xss=4><script>window.__xss=5</script>";

    [Fact]
    public async Task A_team_member_signs_in_sees_only_its_brand_and_hostile_text_stays_inert()
    {
        await PutBrandAsync(TeamBrand, $"Acme {BrandPayload}", "xssteam");
        await PutBrandAsync(OtherBrand, $"{OtherMarker} <script>window.__xss=9</script>", "xssother");
        var created = await host.Http.PostAsJsonAsync(UsersApi.Route, new { name = "xss-viewer", password = Password, role = "viewer", brands = new[] { TeamBrand } });
        Assert.True(created.StatusCode is HttpStatusCode.Created or HttpStatusCode.Conflict, $"POST {UsersApi.Route}: {created.StatusCode}");
        var mentions = new object[]
        {
            new { id = "xss-1", channel = "reddit", text = $"xssteam {TextPayload} and {BrandPayload}", author = AuthorPayload },
            new { id = "xss-2", channel = "reddit", text = $"xssother {OtherMarker} news", author = OtherMarker },
        };
        Assert.Equal(HttpStatusCode.Accepted, (await host.Http.PostAsJsonAsync("/api/mentions", mentions)).StatusCode);
        await host.SignalSpikeAsync(TeamBrand);
        await host.SignalSpikeAsync(OtherBrand);
        var alertId = (await host.LatestAlertAsync(TeamBrand)).GetProperty("id").GetString();
        // 'by' is the caller's identity: a responder key whose (free-text) name is the payload.
        var key = await (await host.Http.PostAsJsonAsync("/api/keys", new { name = AuthorPayload, role = "responder" })).Content.ReadFromJsonAsync<JsonElement>();
        using var responder = TestCaller.Http(host.BaseAddress);
        TestCaller.Authorize(responder, key.GetProperty("key").GetString()!);
        var ack = await responder.PostAsJsonAsync($"/api/alerts/{alertId}/ack", new { note = NotePayload });
        Assert.Equal(HttpStatusCode.OK, ack.StatusCode);

        var page = await chromium.Browser.NewPageAsync();
        var cspErrors = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Type == "error" && message.Text.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase))
            {
                cspErrors.Add(message.Text);
            }
        };
        await page.AddInitScriptAsync("window.__cspViolations = []; document.addEventListener('securitypolicyviolation', (e) => window.__cspViolations.push(e.violatedDirective + ' ' + e.blockedURI));");
        await page.GotoAsync(host.BaseAddress.ToString());

        await page.Locator("[data-testid=sign-in-name]").FillAsync("xss-viewer", new() { Timeout = ChromiumFixture.FirstRender });
        await page.Locator("[data-testid=sign-in-password]").FillAsync(Password);
        await page.Locator("[data-testid=sign-in-submit]").ClickAsync();
        var tile = page.Locator($"[data-testid=brand-tile][data-brand-id={TeamBrand}]");
        await tile.WaitForAsync(new() { Timeout = Deadline });
        var note = page.Locator("[data-testid=alert-note]");
        await note.First.WaitForAsync(new() { Timeout = Deadline });
        await tile.ClickAsync();
        var mention = page.Locator("[data-testid=mention-item]", new() { HasTextString = TextPayload });
        await mention.First.WaitForAsync(new() { Timeout = Deadline });
        await page.WaitForTimeoutAsync(3000); // a few live batches, which would bring any other brand's summaries and alerts

        // Only the team's brand, anywhere: tiles, share of voice, the alert feed, mentions.
        await page.GotoAsync(host.BaseAddress.ToString());
        await tile.WaitForAsync(new() { Timeout = ChromiumFixture.FirstRender });
        await page.WaitForTimeoutAsync(2000);
        Assert.Equal(1, await page.Locator("[data-testid=brand-tile]").CountAsync());
        Assert.DoesNotContain(OtherMarker, await page.ContentAsync(), StringComparison.Ordinal);
        Assert.Equal(0, await page.Locator($"[data-brand-id={OtherBrand}]").CountAsync());

        // The payloads are on screen as text.
        Assert.Contains(BrandPayload, await tile.InnerTextAsync(), StringComparison.Ordinal);
        Assert.Contains(NotePayload, await note.First.InnerTextAsync(), StringComparison.Ordinal);
        Assert.Contains(AuthorPayload, await note.First.InnerTextAsync(), StringComparison.Ordinal);
        await tile.ClickAsync();
        await mention.First.WaitForAsync(new() { Timeout = Deadline });
        Assert.Contains(AuthorPayload, await mention.First.InnerTextAsync(), StringComparison.Ordinal);

        // And never ran: no handler fired, no element was made of them, and the CSP had nothing to stop.
        Assert.Equal("undefined", await page.EvaluateAsync<string>("() => typeof window.__xss"));
        Assert.Equal(0, await page.EvaluateAsync<int>("() => document.querySelectorAll('img[onerror], [onerror]').length"));
        Assert.Equal(0, await page.EvaluateAsync<int>("() => [...document.scripts].filter((s) => s.textContent.includes('__xss')).length"));
        Assert.Equal(0, await page.EvaluateAsync<int>("() => document.querySelectorAll('img[src=x]').length"));
        Assert.Empty(await page.EvaluateAsync<string[]>("() => window.__cspViolations"));
        Assert.Empty(cspErrors);
    }

    private async Task PutBrandAsync(string id, string name, string keyword)
    {
        var response = await host.Http.PutAsJsonAsync($"/api/brands/{id}", new { name, keywords = new[] { keyword } });
        response.EnsureSuccessStatusCode();
    }
}
