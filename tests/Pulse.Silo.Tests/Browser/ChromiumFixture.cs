using Microsoft.Playwright;

namespace Pulse.Silo.Tests.Browser;

/// <summary>
/// Debian's Chromium driven by Playwright; never a downloaded browser. tests/run.sh installs the
/// package when it is missing. One browser serves every test class of the run (each page or context is its own
/// session): a browser per class meant eight Chromiums starting at once beside the hosts, and on two cores their
/// start-up alone pushed pages past their deadlines. It closes when the test process exits.
/// </summary>
public sealed class ChromiumFixture : IAsyncLifetime
{
    private static readonly Lazy<Task<IBrowser>> Shared = new(LaunchAsync, LazyThreadSafetyMode.ExecutionAndPublication);

    public IBrowser Browser { get; private set; } = null!;

    public async Task InitializeAsync() => Browser = await Shared.Value;

    /// <summary>
    /// A page whose every request carries the tests' admin key, as a reverse proxy that authenticates would add it. For
    /// tests of what the dashboard shows; the sign-in tests use plain pages.
    /// </summary>
    public Task<IPage> NewAdminPageAsync() => Browser.NewPageAsync(new BrowserNewPageOptions
    {
        ExtraHTTPHeaders = new Dictionary<string, string> { ["Authorization"] = "Bearer " + Functional.TestCaller.AdminKey },
    });

    /// <summary>The shared browser outlives each class; its pages are the classes' to close.</summary>
    public Task DisposeAsync() => Task.CompletedTask;

    private static async Task<IBrowser> LaunchAsync()
    {
        var executable = new[] { "/usr/bin/chromium", "/usr/bin/chromium-browser" }.FirstOrDefault(File.Exists)
            ?? throw new InvalidOperationException("Chromium is not installed: run tests/run.sh, which installs Debian's chromium package.");
        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = executable,
            Headless = true,
            Args =
            [
                "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--no-first-run", "--disable-quic",
            ],
        });
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            browser.CloseAsync().Wait(TimeSpan.FromSeconds(5));
            playwright.Dispose();
        };
        return browser;
    }
}
