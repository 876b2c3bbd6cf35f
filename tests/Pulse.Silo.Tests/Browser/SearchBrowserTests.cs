using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;
using Npgsql;
using Pulse.Silo.Tests.Archive;
using Pulse.Silo.Tests.Functional;
using Pulse.Testing;

namespace Pulse.Silo.Tests.Browser;

/// <summary>
/// The dashboard's Search view in real headless Chromium against a host archiving into a real PostgreSQL: a German word
/// found by another spelling, hostile mention text shown as text, More following the cursor, and the server's 400 on
/// screen for a reversed date range.
/// </summary>
[Trait("Category", "Slow")]
[Collection(ArchiveHostCollection.Name)]
public sealed class SearchBrowserTests(ArchiveHostFixture fixture, ChromiumFixture chromium) : IClassFixture<ChromiumFixture>
{
    private const float Deadline = 30_000;
    private const string Brand = "search-ui";
    private const string Keyword = "suchmarke";
    private const string TextPayload = "<img src=x onerror=alert(1)><script>alert(2)</script>";
    private const string AuthorPayload = "<img src=x onerror=alert(3)>";

    /// <summary>More than the view's page (the API's default of 50), so a second page follows.</summary>
    private const int Bulk = 60;

    /// <summary>The bulk, the German, the hostile and the javascript: one.</summary>
    private const int All = Bulk + 3;

    private RunningHost Host => fixture.Host;

    [Fact]
    public async Task Searching_finds_umlaut_spellings_keeps_hostile_text_inert_pages_with_more_and_shows_the_servers_400()
    {
        var archived = await ArchiveAsync();
        var label = archived.Single(m => m.GetProperty("id").GetString() == "ui-de").GetProperty("label").GetString()!;
        var page = await chromium.NewAdminPageAsync();
        var dialogs = new List<string>();
        page.Dialog += (_, dialog) =>
        {
            dialogs.Add(dialog.Message);
            _ = dialog.DismissAsync();
        };
        await page.AddInitScriptAsync("window.__cspViolations = []; document.addEventListener('securitypolicyviolation', (e) => window.__cspViolations.push(e.violatedDirective + ' ' + e.blockedURI));");
        await page.GotoAsync(Host.BaseAddress.ToString());

        // From the top bar, as a person gets there.
        await page.Locator("[data-testid=nav-search]").ClickAsync(new() { Timeout = ChromiumFixture.FirstRender });
        await page.Locator("[data-testid=search-form]").WaitForAsync(new() { Timeout = Deadline });
        await page.Locator("[data-testid=search-brand]").SelectOptionAsync(Brand);
        await page.Locator("[data-testid=search-q]").FillAsync("Stoerung");
        await page.Locator("[data-testid=search-submit]").ClickAsync();

        var german = page.Locator("[data-testid=search-result][data-mention-id=ui-de]");
        await german.WaitForAsync(new() { Timeout = Deadline });
        Assert.Equal(1, await page.Locator("[data-testid=search-result]").CountAsync());
        var shown = await german.InnerTextAsync();
        Assert.Contains("Die Störung bei suchmarke", shown, StringComparison.Ordinal);
        Assert.Contains("Search UI", shown, StringComparison.Ordinal); // the brand's name
        Assert.Contains("reddit", shown, StringComparison.Ordinal);
        Assert.Contains("@anna", shown, StringComparison.Ordinal);
        Assert.Contains(label, shown, StringComparison.Ordinal); // its sentiment label, as the archive has it
        Assert.Contains("7 likes", shown, StringComparison.Ordinal);
        var link = german.Locator("a.mention-link");
        Assert.Equal("https://example.com/ui-de", await link.GetAttributeAsync("href"));
        Assert.Equal("noopener noreferrer", await link.GetAttributeAsync("rel"));
        Assert.True(await page.Locator("[data-testid=search-more]").IsHiddenAsync());

        // No words: every mention of the brand, a first page of 50, newest first, the hostile one among them as text.
        await page.Locator("[data-testid=search-q]").FillAsync("");
        await page.Locator("[data-testid=search-submit]").ClickAsync();
        await WaitForResultsAsync(page, 50);
        var hostile = page.Locator("[data-testid=search-result][data-mention-id=ui-xss]");
        var hostileText = await hostile.InnerTextAsync();
        Assert.Contains(TextPayload, hostileText, StringComparison.Ordinal);
        Assert.Contains(AuthorPayload, hostileText, StringComparison.Ordinal);
        Assert.Equal(0, await page.Locator("[data-testid=search-result][data-mention-id=ui-js] a").CountAsync()); // a javascript: url is no link
        Assert.Equal(0, await page.Locator("[data-testid=search-results] img, [data-testid=search-results] script").CountAsync());

        // More follows the cursor and appends the rest, once each; then there is no more.
        var more = page.Locator("[data-testid=search-more]");
        Assert.True(await more.IsVisibleAsync());
        await more.ClickAsync();
        await WaitForResultsAsync(page, All);
        await more.WaitForAsync(new() { State = WaitForSelectorState.Hidden, Timeout = Deadline });
        var ids = await ShownIdsAsync(page);
        Assert.Equal(All, ids.Distinct().Count());
        Assert.Equal(["ui-de", "ui-js", "ui-xss"], ids.Take(3).Order());

        // The search is in the address: a reload runs it again.
        Assert.EndsWith("#/search?brand=" + Brand, page.Url, StringComparison.Ordinal);
        await page.ReloadAsync();
        await WaitForResultsAsync(page, 50);
        Assert.Equal(Brand, await page.Locator("[data-testid=search-brand]").InputValueAsync());

        // Filters narrow: of them all, one is German (as detected: ingest does not take an author's language).
        await page.Locator("[data-testid=search-lang]").SelectOptionAsync("de");
        await page.Locator("[data-testid=search-submit]").ClickAsync();
        await WaitForResultsAsync(page, 1);
        Assert.Equal(["ui-de"], await ShownIdsAsync(page));
        Assert.Contains("lang=de", page.Url, StringComparison.Ordinal);

        // A reversed range: the view sends it, and shows the server's own explanation at the field it names.
        await page.Locator("[data-testid=search-from]").FillAsync("2026-12-07");
        await page.Locator("[data-testid=search-to]").FillAsync("2026-12-01");
        await page.Locator("[data-testid=search-submit]").ClickAsync();
        var error = page.Locator("[data-testid=search-error]");
        await error.WaitForAsync(new() { Timeout = Deadline });
        Assert.Contains("must be later than from", await page.Locator("[data-testid=search-error-detail]").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal("Invalid 'to'", await page.Locator("[data-testid=search-error-title]").InnerTextAsync());
        Assert.Equal("true", await page.Locator("[data-testid=search-to]").GetAttributeAsync("aria-invalid"));
        Assert.Equal(0, await page.Locator("[data-testid=search-result]").CountAsync());

        // And a search that finds nothing says so.
        await page.Locator("[data-testid=search-from]").FillAsync("");
        await page.Locator("[data-testid=search-to]").FillAsync("");
        await page.Locator("[data-testid=search-q]").FillAsync("nirgendwo");
        await page.Locator("[data-testid=search-submit]").ClickAsync();
        await page.Locator("[data-testid=search-empty]").WaitForAsync(new() { Timeout = Deadline });
        Assert.Equal("No mentions found.", await page.Locator("[data-testid=search-empty]").InnerTextAsync());
        Assert.True(await error.IsHiddenAsync());

        // Nothing of the payloads ran or became an element, and the CSP had nothing to stop.
        Assert.Empty(dialogs);
        Assert.Equal(0, await page.EvaluateAsync<int>("() => document.querySelectorAll('img[src=x], [onerror]').length"));
        Assert.Empty(await page.EvaluateAsync<string[]>("() => window.__cspViolations"));
    }

    private static Task<string[]> ShownIdsAsync(IPage page) =>
        page.EvaluateAsync<string[]>("() => [...document.querySelectorAll('[data-testid=search-result]')].map((e) => e.dataset.mentionId)");

    private static async Task WaitForResultsAsync(IPage page, int count) =>
        await page.WaitForFunctionAsync(
            "n => document.querySelectorAll('[data-testid=search-result]').length === n",
            count,
            new() { Timeout = Deadline });

    /// <summary>
    /// The brand and its mentions: the German, the hostile and the javascript: one newest, the bulk an hour and more
    /// before; waits until the archive holds them all, and returns them as the API does. Ingest refuses a url that is not
    /// http(s), so the javascript: one is written straight into the archive, as an older or another writer might have
    /// (without the archive's word index: the view lists it by brand, it is not found by words).
    /// </summary>
    private async Task<JsonElement[]> ArchiveAsync()
    {
        (await Host.Http.PutAsJsonAsync($"/api/brands/{Brand}", new { name = "Search UI", keywords = new[] { Keyword } })).EnsureSuccessStatusCode();
        var now = DateTimeOffset.UtcNow;
        var mentions = new List<object>
        {
            new { id = "ui-de", channel = "reddit", text = "Die Störung bei suchmarke dauert schon zwei Stunden, schrecklich", author = "@anna", url = "https://example.com/ui-de", likes = 7 },
            new { id = "ui-xss", channel = "x", text = $"{Keyword} {TextPayload}", author = AuthorPayload },
        };
        mentions.AddRange(Enumerable.Range(1, Bulk).Select(i => (object)new
        {
            id = $"ui-bulk-{i:00}",
            channel = "news",
            text = $"{Keyword} bulk post number {i}",
            timestamp = now.AddHours(-1).AddMinutes(-i).ToString("O"),
        }));
        var posted = await Host.Http.PostAsJsonAsync("/api/mentions", mentions);
        Assert.True(posted.StatusCode == HttpStatusCode.Accepted, await posted.Content.ReadAsStringAsync());
        // Ingest would not take a javascript: link; the archive is written directly to show the page still never follows one.
        await Archive.ArchiveContents.WriteAsync(Host.Services, new Pulse.Grains.Mentions.ScoredMention(
            new Pulse.Grains.Mentions.Mention("ui-js", "blogs", $"{Keyword} with a script for a link", now, Author: "linker", Lang: "en", Url: "javascript:alert(4)"),
            Brand, 0f, Pulse.Analytics.Sentiment.SentimentLabel.Neutral, "en"));

        var archived = await Eventually.GetAsync(
            async () => (await Host.Http.GetFromJsonAsync<JsonElement>($"/api/mentions/search?brand={Brand}&limit=200")).GetProperty("items").EnumerateArray().ToArray(),
            items => items.Length >= All,
            TimeSpan.FromSeconds(60));
        Assert.Equal(All, archived.Length);
        return archived;
    }
}

/// <summary>Without --postgres the Search view still opens, and says why it cannot search, in the server's words.</summary>
[Trait("Category", "Slow")]
[Collection(PulseHostCollection.Name)]
public sealed class ArchiveOffSearchBrowserTests(PulseHostFixture host, ChromiumFixture chromium) : IClassFixture<ChromiumFixture>
{
    private const float Deadline = 30_000;

    [Fact]
    public async Task A_search_without_the_archive_shows_the_servers_explanation()
    {
        var page = await chromium.NewAdminPageAsync();
        await page.GotoAsync(new Uri(host.BaseAddress, "/#/search").ToString());
        await page.Locator("[data-testid=search-q]").FillAsync("anything", new() { Timeout = ChromiumFixture.FirstRender });
        await page.Locator("[data-testid=search-submit]").ClickAsync();

        await page.Locator("[data-testid=search-error]").WaitForAsync(new() { Timeout = Deadline });
        Assert.Equal("The archive is off", await page.Locator("[data-testid=search-error-title]").InnerTextAsync());
        Assert.Contains("--postgres", await page.Locator("[data-testid=search-error-detail]").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal(0, await page.Locator("[data-testid=search-result]").CountAsync());
        Assert.Equal("page", await page.Locator("[data-testid=nav-search]").GetAttributeAsync("aria-current"));
    }
}
