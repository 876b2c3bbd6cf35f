using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Orleans;
using Pulse.Silo.Cli;
using Pulse.Testing;

namespace Pulse.Silo.Tests.Functional;

/// <summary>
/// One `pulse` process's worth of host, built in-process exactly as the executable builds it, on a free loopback
/// HTTP port. For tests that need their own host (a replaced service, cluster mode, several hosts).
/// </summary>
public sealed class RunningHost : IAsyncDisposable
{
    private readonly WebApplication _app;

    private RunningHost(WebApplication app, Uri baseAddress)
    {
        _app = app;
        BaseAddress = baseAddress;
        Http = TestCaller.Http(baseAddress);
    }

    public Uri BaseAddress { get; }

    public HttpClient Http { get; }

    public IServiceProvider Services => _app.Services;

    public IGrainFactory Grains => _app.Services.GetRequiredService<IGrainFactory>();

    /// <summary>
    /// Starts a host with <paramref name="args"/> (as `pulse` takes them) plus --urls, quiet logging and the tests' admin
    /// key (<see cref="TestCaller"/>, which <see cref="Http"/> sends); waits until /healthz answers 200.
    /// </summary>
    public static async Task<RunningHost> StartAsync(IEnumerable<string> args, Action<WebApplicationBuilder>? configure = null, string host = "127.0.0.1")
    {
        var baseAddress = new Uri($"http://{host}:{FreePort.Next()}");
        var app = PulseCommandLine.CreateApp(
            ServeArguments.ToConfiguration([$"--urls={baseAddress}", "--Logging:LogLevel:Default=Warning", TestCaller.AdminKeyArgument, .. args]),
            configure);
        await app.StartAsync();
        var running = new RunningHost(app, baseAddress);
        var healthy = await Eventually.GetAsync(async () => (await running.Http.GetAsync("/healthz")).IsSuccessStatusCode, ok => ok, TimeSpan.FromSeconds(60));
        if (!healthy)
        {
            await running.DisposeAsync();
            throw new InvalidOperationException($"The host at {baseAddress} did not become healthy.");
        }

        return running;
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
