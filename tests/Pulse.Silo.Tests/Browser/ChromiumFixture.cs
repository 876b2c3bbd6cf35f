using Microsoft.Playwright;

namespace Pulse.Silo.Tests.Browser;

/// <summary>
/// Debian's Chromium driven by Playwright; never a downloaded browser. tests/run.sh installs the
/// package when it is missing. Browsers start one at a time: a dozen test classes launching theirs at once beside the
/// hosts starved two cores long enough for pages to miss their deadlines.
/// </summary>
public sealed class ChromiumFixture : IAsyncLifetime
{
    private static readonly SemaphoreSlim Launching = new(1, 1);

    /// <summary>
    /// How long a page may take to first show something after navigating, in ms. No product promise is measured here (the
    /// tests' own deadlines start once the page is up), and in the full suite these pages load beside container builds
    /// and killed silos on two cores: one first render took just over 30 s there.
    /// </summary>
    public const float FirstRender = 90_000;

    private IPlaywright? _playwright;

    public IBrowser Browser { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var executable = new[] { "/usr/bin/chromium", "/usr/bin/chromium-browser" }.FirstOrDefault(File.Exists)
            ?? throw new InvalidOperationException("Chromium is not installed: run tests/run.sh, which installs Debian's chromium package.");
        await Launching.WaitAsync();
        try
        {
            _playwright = await Playwright.CreateAsync();
            Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = executable,
            Headless = true,
            Args =
            [
                "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--no-first-run", "--disable-quic",
            ],
            });
        }
        finally
        {
            Launching.Release();
        }
    }

    /// <summary>
    /// A page whose every request carries the tests' admin key, as a reverse proxy that authenticates would add it. For
    /// tests of what the dashboard shows; the sign-in tests use plain pages.
    /// </summary>
    public Task<IPage> NewAdminPageAsync() => Browser.NewPageAsync(new BrowserNewPageOptions
    {
        ExtraHTTPHeaders = new Dictionary<string, string> { ["Authorization"] = "Bearer " + Functional.TestCaller.AdminKey },
    });

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.CloseAsync();
        }

        _playwright?.Dispose();
    }
}
