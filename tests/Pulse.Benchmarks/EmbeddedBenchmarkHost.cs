using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Pulse.Grains.Brands;
using Pulse.Load;
using Pulse.Silo.Cli;

namespace Pulse.Benchmarks;

/// <summary>
/// The embedded silo (the app `pulse` runs) in this process on free ports, quiet, with the load generator's brands
/// created over its API: where the pipeline and jetstream measurements run.
/// </summary>
internal sealed class EmbeddedBenchmarkHost : IAsyncDisposable
{
    private EmbeddedBenchmarkHost(WebApplication app, Uri address, LoadBrand[] brands)
    {
        App = app;
        Address = address;
        Brands = brands;
    }

    /// <summary>The bootstrap admin key the host starts with; the harness reads the overview with it.</summary>
    public const string AdminKey = "benchmark-admin-key-0123456789abcdef";

    public WebApplication App { get; }

    public Uri Address { get; }

    public HttpClient Http { get; } = new();

    public LoadBrand[] Brands { get; }

    public static async Task<EmbeddedBenchmarkHost> StartAsync(int brandCount)
    {
        var app = PulseCommandLine.CreateApp(
        [
            "--urls", "http://127.0.0.1:0",
            "--Pulse:SiloPort", Pulse.Testing.FreePort.Next().ToString(CultureInfo.InvariantCulture),
            "--Pulse:GatewayPort", Pulse.Testing.FreePort.Next().ToString(CultureInfo.InvariantCulture),
            "--Logging:LogLevel:Default", "Critical",
            "--Pulse:Outbound:AllowPrivateNetworks", "true", // the generated Jetstream listens on 127.0.0.1
            "--Pulse:Auth:AdminKey", AdminKey,
        ]);
        await app.StartAsync();
        var address = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
        var host = new EmbeddedBenchmarkHost(app, address, LoadBrands.Generate(brandCount, seed: 1));
        host.Http.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", AdminKey);
        // Straight into the catalog, in one call: creating 100 000 brands one request at a time measures the API, not ingest.
        var definitions = host.Brands.Select(b => new BrandDefinition(b.Id, b.Name, [b.Keyword], [b.Hashtag], [b.Handle])).ToArray();
        await app.Services.GetRequiredService<IGrainFactory>().GetGrain<IBrandCatalogGrain>(IBrandCatalogGrain.Key).AddMissingAsync(definitions);
        return host;
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await App.StopAsync();
        await App.DisposeAsync();
    }
}
