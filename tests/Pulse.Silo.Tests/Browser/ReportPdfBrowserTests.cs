using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using Pulse.Grains.Alerts;
using Pulse.Silo.Auth.Users;
using Pulse.Silo.Tests.Archive;
using Pulse.Silo.Tests.Functional;
using Pulse.Testing;

namespace Pulse.Silo.Tests.Browser;

/// <summary>
/// The printable brand report (report.html) in real headless Chromium against a real PostgreSQL archive: a person signs
/// in through the dashboard's form, follows the brand view's Report link, opens a report with a comparison period and
/// a competitor, sees the figures, hostile text as text, and gets an A4 PDF of several pages and a section as CSV.
/// Set PULSE_REPORT_PDF_DIR to keep the PDF and a screenshot.
/// </summary>
[Trait("Category", "Slow")]
[Collection(ArchiveHostCollection.Name)]
public sealed partial class ReportPdfBrowserTests(ArchiveHostFixture fixture, ChromiumFixture chromium) : IClassFixture<ChromiumFixture>
{
    private const float Deadline = 30_000;
    private const string Brand = "pdf-brand";
    private const string BrandName = "Reportly";
    private const string Rival = "pdf-rival";
    private const string RivalName = "Rivalry <svg onload=alert(5)>";
    private const string Reader = "report-reader";
    private const string Password = "a long enough passphrase";

    private const string TextPayload = "<img src=x onerror=alert(1)>";
    private const string AuthorPayload = "<b>@mallory</b>";
    private const string TitlePayload = "Spring campaign <script>alert(2)</script>";
    private const string NotePayload = "<img src=x onerror=alert(3)> launch note";

    /// <summary>Whole hours, as the hourly rollups bucket them.</summary>
    private static readonly DateTimeOffset Now = HourOf(DateTimeOffset.UtcNow);

    private RunningHost Host => fixture.Host;

    [Fact]
    public async Task A_signed_in_reader_gets_the_report_with_hostile_text_as_text_an_A4_pdf_of_several_pages_and_a_section_as_csv()
    {
        // The period is the last three days (hourly buckets), compared with the three before. Comparison: 30 calm posts.
        // Period: 40 calm posts two days back, a spike of 60 about refunds 20 hours back (an alert 15 minutes into it,
        // and an annotation at its start), and the hostile post, the most engaged of all. The rival: 20 posts.
        await PutBrandAsync(Brand, BrandName, "pdfbrandix");
        await PutBrandAsync(Rival, RivalName, "pdfrivalix");
        var spike = Now.AddHours(-20);
        var lines = new List<string>();
        lines.AddRange(Posts("pdf-c", 30, i => Now.AddDays(-5).AddMinutes(i * 10), i => $"pdfbrandix works fine {i}"));
        lines.AddRange(Posts("pdf-q", 40, i => Now.AddDays(-2).AddMinutes(i * 10), i => $"pdfbrandix works fine again {i}", i => i % 4 == 0 ? "reddit" : "x", i => $"@fan{i % 3}", i => i));
        lines.AddRange(Posts("pdf-s", 60, i => spike.AddSeconds(i * 15), i => $"pdfbrandix refund delayed again {i}"));
        lines.AddRange(Posts("pdf-v", 20, i => Now.AddHours(-30).AddMinutes(i), i => $"pdfrivalix is fine {i}"));
        lines.Add(JsonSerializer.Serialize(new
        {
            id = "pdf-xss", channel = "news", text = $"{TextPayload} pdfbrandix", author = AuthorPayload, url = "https://example.com/posts/1?q=<b>",
            timestamp = Now.AddHours(-3), likes = 500, shares = 20, comments = 7,
        }));
        var posted = await Host.Http.PostAsync("/api/mentions", new StringContent(string.Join('\n', lines), Encoding.UTF8, "application/x-ndjson"));
        Assert.True(posted.IsSuccessStatusCode, await posted.Content.ReadAsStringAsync());
        await WaitForArchiveAsync(Brand, 131);
        await WaitForArchiveAsync(Rival, 20);

        (await Host.Http.PostAsJsonAsync($"/api/brands/{Brand}/annotations", new { title = TitlePayload, kind = "campaign", at = spike, note = NotePayload })).EnsureSuccessStatusCode();
        var why = new AlertWhy([], [], new SentimentSplit(0, 0, 60), [new ChannelCount("x", 60)]);
        await Host.Grains.GetGrain<IBrandAlertsGrain>(Brand).SignalAsync(new AlertSignal(Brand, "x", AlertKind.Spike, 6, spike.AddMinutes(15), 60, 1, why));
        var alertId = (await Host.Http.GetFromJsonAsync<JsonElement>($"/api/alerts?brand={Brand}"))[0].GetProperty("id").GetString()!;
        (await Host.Http.PostAsJsonAsync($"/api/alerts/{alertId}/ack", new { note = "on it" })).EnsureSuccessStatusCode();
        (await Host.Http.PostAsJsonAsync($"/api/alerts/{alertId}/resolve", new { note = "fixed" })).EnsureSuccessStatusCode();
        // The alerts table takes each change a moment after the grain makes it.
        var archived = await Eventually.GetAsync(
            () => Host.Http.GetFromJsonAsync<JsonElement>($"/api/brands/{Brand}/report?from={Uri.EscapeDataString(Now.AddDays(-1).ToString("O", CultureInfo.InvariantCulture))}"),
            r => r.GetProperty("incidents").EnumerateArray().Any(i => i.GetProperty("state").GetString() == "resolved"),
            TimeSpan.FromSeconds(30));
        Assert.Single(archived.GetProperty("incidents").EnumerateArray());

        var created = await Host.Http.PostAsJsonAsync(UsersApi.Route, new { name = Reader, password = Password, role = "viewer", brands = new[] { Brand, Rival } });
        Assert.True(created.StatusCode is HttpStatusCode.Created or HttpStatusCode.Conflict, $"POST {UsersApi.Route}: {created.StatusCode}");

        // A plain browser: no key, no header; the session is the dashboard's cookie.
        await using var context = await chromium.Browser.NewContextAsync(new() { AcceptDownloads = true });
        var page = await context.NewPageAsync();
        var dialogs = new List<string>();
        page.Dialog += async (_, dialog) =>
        {
            dialogs.Add(dialog.Message);
            await dialog.DismissAsync();
        };
        var pageErrors = new List<string>();
        page.PageError += (_, error) => pageErrors.Add(error);
        await page.AddInitScriptAsync("window.__cspViolations = []; document.addEventListener('securitypolicyviolation', (e) => window.__cspViolations.push(e.violatedDirective + ' ' + e.blockedURI));");

        await page.GotoAsync(Host.BaseAddress.ToString());
        await page.Locator("[data-testid=sign-in-name]").FillAsync(Reader, new() { Timeout = ChromiumFixture.FirstRender });
        await page.Locator("[data-testid=sign-in-password]").FillAsync(Password);
        await page.Locator("[data-testid=sign-in-submit]").ClickAsync();
        await page.Locator($"[data-testid=brand-tile][data-brand-id={Brand}]").ClickAsync(new() { Timeout = Deadline });

        // The brand view links to its report: the last 30 days against the 30 before.
        await page.Locator("[data-testid=brand-report-link]").ClickAsync(new() { Timeout = Deadline });
        await WaitForReportAsync(page);
        Assert.Contains("/report.html?brand=pdf-brand&compare=previous", page.Url, StringComparison.Ordinal);
        Assert.Equal(BrandName, await page.Locator("[data-testid=report-title]").InnerTextAsync());

        var from = Now.AddDays(-3);
        var query = $"brand={Brand}&from={Uri.EscapeDataString(from.ToString("O", CultureInfo.InvariantCulture))}&to={Uri.EscapeDataString(Now.ToString("O", CultureInfo.InvariantCulture))}&compare=previous&competitors={Rival}";
        await page.GotoAsync(new Uri(Host.BaseAddress, "/report.html?" + query).ToString());
        await WaitForReportAsync(page);

        // The figures, as the API has them.
        var report = await Host.Http.GetFromJsonAsync<JsonElement>($"/api/brands/{Brand}/report?" + query.Split('&', 2)[1]);
        Assert.Equal((from, Now), (report.GetProperty("period").GetProperty("from").GetDateTimeOffset(), report.GetProperty("period").GetProperty("to").GetDateTimeOffset()));
        Assert.Equal(101, report.GetProperty("totals").GetProperty("mentions").GetInt64());
        Assert.Equal(30, report.GetProperty("comparisonTotals").GetProperty("mentions").GetInt64());
        Assert.Equal("101", await KpiAsync(page, "mentions", "kpi-value"));
        Assert.Equal("+237% vs comparison", await KpiAsync(page, "mentions", "kpi-change")); // (101 − 30) / 30
        Assert.Equal(
            report.GetProperty("totals").GetProperty("engagement").GetInt64().ToString("N0", CultureInfo.InvariantCulture),
            await KpiAsync(page, "engagement", "kpi-value"));
        Assert.Equal(report.GetProperty("totals").GetProperty("reach").GetInt64().ToString("N0", CultureInfo.InvariantCulture), await KpiAsync(page, "reach", "kpi-value"));
        Assert.EndsWith(":00 UTC", await page.Locator("[data-testid=report-period]").InnerTextAsync(), StringComparison.Ordinal);
        Assert.EndsWith(":00 UTC", await page.Locator("[data-testid=report-comparison]").InnerTextAsync(), StringComparison.Ordinal);

        var rival = page.Locator($"[data-testid=report-voice][data-brand-id={Rival}]");
        Assert.Equal(RivalName, await rival.Locator("th").InnerTextAsync());
        Assert.Equal("20", await rival.Locator("td").First.InnerTextAsync());
        Assert.EndsWith("17%", (await rival.Locator("td").Last.InnerTextAsync()).Trim(), StringComparison.Ordinal); // 20 of 121
        Assert.Contains(RivalName, await page.Locator("[data-testid=report-competitors]").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal(1, await page.Locator("[data-testid=report-chart-comparison]").CountAsync());
        Assert.True(await page.Locator("[data-testid=report-channel]").CountAsync() >= 3, "x, reddit and news");
        Assert.Contains("refund", await page.Locator("[data-testid=report-rising-terms]").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal("@fan0", (await page.Locator("[data-testid=report-top-author]").First.Locator("th").InnerTextAsync()).Trim());

        // The incident's response times as durations: the spike began 15 minutes before the alert.
        var incident = page.Locator($"[data-testid=report-incident][data-alert-id='{alertId}']");
        Assert.Equal("15 min", await incident.Locator("[data-testid=report-ttd]").InnerTextAsync());
        Assert.Matches(@"^\d+ h( \d+ min)?$", await incident.Locator("[data-testid=report-tta]").InnerTextAsync());
        Assert.Matches(@"^\d+ h( \d+ min)?$", await incident.Locator("[data-testid=report-ttr]").InnerTextAsync());

        // The annotation, on the chart and in its table with its lift.
        Assert.Equal(1, await page.Locator("[data-testid=report-chart-annotation]").CountAsync());
        var annotation = page.Locator("[data-testid=report-annotation]");
        Assert.Equal(TitlePayload, await annotation.Locator("[data-testid=report-annotation-title]").InnerTextAsync());
        Assert.Contains(NotePayload, await annotation.InnerTextAsync(), StringComparison.Ordinal);
        Assert.StartsWith("+", await annotation.Locator("[data-testid=report-annotation-lift]").InnerTextAsync(), StringComparison.Ordinal);

        // Hostile text is on the page as text, made no element and ran nothing.
        var hostile = page.Locator("[data-testid=report-top-post][data-mention-id=pdf-xss]");
        Assert.Equal($"{TextPayload} pdfbrandix", await hostile.Locator("[data-testid=report-post-text]").InnerTextAsync());
        Assert.Equal(AuthorPayload, await hostile.Locator("[data-testid=report-post-author]").InnerTextAsync());
        var source = hostile.Locator("a");
        Assert.Equal("https://example.com/posts/1?q=<b>", await source.GetAttributeAsync("href"));
        Assert.Equal("noopener noreferrer", await source.GetAttributeAsync("rel"));
        Assert.Equal(0, await page.EvaluateAsync<int>("() => document.querySelectorAll('img, b, script:not([src]), [onerror], [onload]').length"));
        Assert.Equal(0, await page.EvaluateAsync<int>("() => document.querySelectorAll('a[href^=javascript]').length"));
        Assert.Empty(dialogs);
        Assert.Empty(await page.EvaluateAsync<string[]>("() => window.__cspViolations"));
        Assert.Empty(pageErrors);

        // The top posts section as CSV, downloaded through the page's link with the page's session.
        var download = await page.RunAndWaitForDownloadAsync(() => page.Locator("[data-testid=report-csv-top-posts]").ClickAsync());
        Assert.Equal("pulse-report-pdf-brand-top-posts.csv", download.SuggestedFilename);
        var csv = await File.ReadAllTextAsync((await download.PathAsync())!);
        var rows = csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("published_at,channel,author,url,likes,shares,comments,reach,label,sentiment,text", rows[0], StringComparison.Ordinal);
        Assert.Equal(11, rows.Length);
        Assert.Contains($",{TextPayload} pdfbrandix", rows[1], StringComparison.Ordinal);

        // Printed: no toolbar, form or CSV links; A4 pages, one group of sections each.
        await page.EmulateMediaAsync(new() { Media = Media.Print });
        Assert.False(await page.Locator("[data-testid=report-print]").IsVisibleAsync());
        Assert.False(await page.Locator("[data-testid=report-form]").IsVisibleAsync());
        Assert.False(await page.Locator("[data-testid=report-csv-top-posts]").IsVisibleAsync());
        var pdf = await page.PdfAsync(new() { PreferCSSPageSize = true, PrintBackground = true });
        if (Environment.GetEnvironmentVariable("PULSE_REPORT_PDF_DIR") is { Length: > 0 } keep)
        {
            Directory.CreateDirectory(keep);
            await File.WriteAllBytesAsync(Path.Combine(keep, "report.pdf"), pdf);
            await page.EmulateMediaAsync(new() { Media = Media.Screen });
            await page.ScreenshotAsync(new() { Path = Path.Combine(keep, "report.png"), FullPage = true });
        }

        Assert.Equal("%PDF-", Encoding.ASCII.GetString(pdf, 0, 5));
        var text = Encoding.Latin1.GetString(pdf);
        var pages = PageObject().Count(text);
        // A page for the title, figures, volume and sentiment; then channels and share of voice; top posts; authors and
        // terms; incidents and annotations.
        Assert.True(pages >= 5, $"{pages} pages");
        var count = PagesCount().Match(text);
        Assert.True(count.Success, "no /Pages object with a /Count");
        Assert.Equal(pages, int.Parse(count.Groups[1].Success ? count.Groups[1].Value : count.Groups[2].Value, CultureInfo.InvariantCulture));
        var boxes = MediaBox().Matches(text);
        Assert.NotEmpty(boxes);
        foreach (Match box in boxes)
        {
            var (width, height) = (double.Parse(box.Groups[1].Value, CultureInfo.InvariantCulture), double.Parse(box.Groups[2].Value, CultureInfo.InvariantCulture));
            Assert.True(Math.Abs(width - 595.3) < 1.5 && Math.Abs(height - 841.9) < 1.5, $"MediaBox {width} x {height} is not A4 (595 x 842 points)");
        }
    }

    [Fact]
    public async Task Opened_without_a_session_the_page_signs_in_shows_an_empty_report_and_the_servers_refusals_as_text()
    {
        const string empty = "pdf-empty";
        const string member = "report-member";
        await PutBrandAsync(empty, "Quietly <img src=x onerror=alert(7)>", "pdfquietix");
        await PutBrandAsync("pdf-hidden", "Hidden", "pdfhiddenix");
        await WaitForArchiveAsync(empty, 0);
        var created = await Host.Http.PostAsJsonAsync(UsersApi.Route, new { name = member, password = Password, role = "viewer", brands = new[] { empty } });
        Assert.True(created.StatusCode is HttpStatusCode.Created or HttpStatusCode.Conflict, $"POST {UsersApi.Route}: {created.StatusCode}");

        await using var context = await chromium.Browser.NewContextAsync();
        var page = await context.NewPageAsync();
        var dialogs = new List<string>();
        page.Dialog += async (_, dialog) =>
        {
            dialogs.Add(dialog.Message);
            await dialog.DismissAsync();
        };
        await page.GotoAsync(new Uri(Host.BaseAddress, $"/report.html?brand={empty}").ToString());

        // The API answers 401: the page shows the dashboard's sign-in form, then the report.
        await page.Locator("[data-testid=report][data-state=signin] [data-testid=sign-in-name]").FillAsync(member, new() { Timeout = ChromiumFixture.FirstRender });
        await page.Locator("[data-testid=sign-in-password]").FillAsync(Password);
        await page.Locator("[data-testid=sign-in-submit]").ClickAsync();
        await WaitForReportAsync(page);
        Assert.Equal("Quietly <img src=x onerror=alert(7)>", await page.Locator("[data-testid=report-title]").InnerTextAsync());
        Assert.Equal("0", await KpiAsync(page, "mentions", "kpi-value"));
        Assert.Equal("no comparison period", await KpiAsync(page, "mentions", "kpi-change"));
        Assert.Equal("no comparison period", await page.Locator("[data-testid=report-comparison]").InnerTextAsync());
        Assert.Equal(0, await page.Locator("[data-testid=report-top-post]").CountAsync());
        Assert.Equal("No alerts in this period.", await page.Locator("[data-testid=report-incidents-empty]").InnerTextAsync());
        Assert.Equal("No annotations in this period.", await page.Locator("[data-testid=report-annotations-empty]").InnerTextAsync());
        Assert.Equal(0, await page.Locator("[data-testid=report-chart-comparison]").CountAsync());

        // The server's refusals, shown as it sent them: a bad parameter (400, naming it), a brand this reader may not see (404).
        await page.GotoAsync(new Uri(Host.BaseAddress, $"/report.html?brand={empty}&from=yesterday").ToString());
        await page.Locator("[data-testid=report][data-state=error]").WaitForAsync(new() { Timeout = Deadline });
        Assert.Equal("400", await page.Locator("[data-testid=report-error]").GetAttributeAsync("data-status"));
        Assert.Equal("Invalid 'from'", await page.Locator("[data-testid=report-error-title]").InnerTextAsync());
        Assert.Contains("'yesterday' is not a time", await page.Locator("[data-testid=report-error-detail]").InnerTextAsync(), StringComparison.Ordinal);

        await page.GotoAsync(new Uri(Host.BaseAddress, "/report.html?brand=pdf-hidden").ToString());
        await page.Locator("[data-testid=report][data-state=error]").WaitForAsync(new() { Timeout = Deadline });
        Assert.Equal("404", await page.Locator("[data-testid=report-error]").GetAttributeAsync("data-status"));
        Assert.DoesNotContain("Hidden", await page.Locator("[data-testid=report-form-brand]").InnerTextAsync(), StringComparison.Ordinal);

        // Without a brand the page asks for one, offering the brands this reader may see.
        await page.GotoAsync(new Uri(Host.BaseAddress, "/report.html").ToString());
        await page.Locator("[data-testid=report][data-state=choose]").WaitForAsync(new() { Timeout = Deadline });
        Assert.Equal(["", empty], await page.Locator("[data-testid=report-form-brand] option").EvaluateAllAsync<string[]>("options => options.map((o) => o.value)"));
        Assert.Equal(0, await page.EvaluateAsync<int>("() => document.querySelectorAll('img, [onerror]').length"));
        Assert.Empty(dialogs);
    }

    private static async Task WaitForReportAsync(IPage page)
    {
        await page.Locator("[data-testid=report][data-state=ready], [data-testid=report][data-state=error]").WaitForAsync(new() { Timeout = Deadline });
        var error = page.Locator("[data-testid=report-error]");
        Assert.False(await error.IsVisibleAsync(), await error.IsVisibleAsync() ? await error.InnerTextAsync() : "");
    }

    private static DateTimeOffset HourOf(DateTimeOffset at) => new(at.UtcTicks - (at.UtcTicks % TimeSpan.TicksPerHour), TimeSpan.Zero);

    private static Task<string> KpiAsync(IPage page, string kpi, string part) =>
        page.Locator($"[data-testid=report-kpi-{kpi}] [data-testid={part}]").InnerTextAsync();

    private static IEnumerable<string> Posts(
        string prefix, int count, Func<int, DateTimeOffset> at, Func<int, string> text,
        Func<int, string>? channel = null, Func<int, string?>? author = null, Func<int, int>? likes = null) =>
        Enumerable.Range(0, count).Select(i => JsonSerializer.Serialize(new
        {
            id = $"{prefix}{i}",
            channel = channel?.Invoke(i) ?? "x",
            text = text(i),
            timestamp = at(i),
            author = author?.Invoke(i),
            likes = likes?.Invoke(i) ?? 0,
        }));

    private async Task PutBrandAsync(string id, string name, string keyword) =>
        (await Host.Http.PutAsJsonAsync($"/api/brands/{id}", new { name, keywords = new[] { keyword } })).EnsureSuccessStatusCode();

    /// <summary>
    /// Until search lists <paramref name="count"/> of the brand's mentions (0: until the archive answers). A failed answer
    /// counts as not yet: this host is shared, and a test before this one may have restarted PostgreSQL under it (the
    /// first read after that can get 503).
    /// </summary>
    private async Task WaitForArchiveAsync(string brand, int count)
    {
        var found = await Eventually.GetAsync(
            async () =>
            {
                using var response = await Host.Http.GetAsync($"/api/mentions/search?brand={brand}&limit=200");
                return response.IsSuccessStatusCode ? (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("items").GetArrayLength() : -1;
            },
            n => n >= count,
            TimeSpan.FromSeconds(60));
        Assert.True(found >= count, $"{found} of {brand}'s {count} mentions archived");
    }

    [GeneratedRegex(@"/Type\s*/Page(?![a-zA-Z])")]
    private static partial Regex PageObject();

    [GeneratedRegex(@"/Type\s*/Pages\b[^>]*?/Count\s+(\d+)|/Count\s+(\d+)[^>]*?/Type\s*/Pages\b")]
    private static partial Regex PagesCount();

    [GeneratedRegex(@"/MediaBox\s*\[\s*0\s+0\s+([\d.]+)\s+([\d.]+)\s*\]")]
    private static partial Regex MediaBox();
}
