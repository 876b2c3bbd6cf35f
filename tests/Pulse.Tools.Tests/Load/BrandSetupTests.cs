using System.Collections.Concurrent;
using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Pulse.Load;

namespace Pulse.Tools.Tests.Load;

/// <summary>
/// <c>--setup-brands</c> over real HTTP against a small server that keeps brands in a dictionary: with
/// <c>POST /api/brands:import</c> (the contract the server is getting: a JSON array of PUT bodies with their ids), and
/// without it (404), where every brand is PUT. Against Pulse itself: tests/Pulse.Silo.Tests/LoadTool.
/// </summary>
public sealed class BrandSetupTests
{
    private sealed class BrandServer : IAsyncDisposable
    {
        private readonly WebApplication _app;

        private BrandServer(WebApplication app) => _app = app;

        public ConcurrentDictionary<string, JsonElement> Brands { get; } = new();

        public ConcurrentQueue<int> ImportBatches { get; } = new();

        public int Puts;

        public Uri Address => new(_app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First());

        public static async Task<BrandServer> StartAsync(bool import)
        {
            var builder = WebApplication.CreateSlimBuilder();
            builder.WebHost.UseUrls("http://127.0.0.1:0");
            var app = builder.Build();
            var server = new BrandServer(app);
            app.MapGet("/api/brands", () => server.Brands.Keys.Select(id => new { id }));
            app.MapPut("/api/brands/{id}", (string id, JsonElement body) =>
            {
                Interlocked.Increment(ref server.Puts);
                server.Brands[id] = body;
                return Results.Ok();
            });
            if (import)
            {
                app.MapPost("/api/brands:import", (JsonElement[] brands) =>
                {
                    server.ImportBatches.Enqueue(brands.Length);
                    foreach (var brand in brands)
                    {
                        server.Brands[brand.GetProperty("id").GetString()!] = brand;
                    }

                    return Results.Ok(new { imported = brands.Length });
                });
            }

            await app.StartAsync();
            return server;
        }

        public ValueTask DisposeAsync() => _app.DisposeAsync();
    }

    [Fact]
    public async Task With_the_import_endpoint_missing_brands_go_in_batches_of_5000_and_existing_ones_are_left_alone()
    {
        await using var server = await BrandServer.StartAsync(import: true);
        using var http = new HttpClient();
        var brands = LoadBrands.Generate(12_003, seed: 1);
        server.Brands["load-0000"] = default; // already there

        var existing = await BrandSetup.ExistingAsync(http, server.Address, CancellationToken.None);
        var (created, method) = await BrandSetup.CreateMissingAsync(http, server.Address, brands, existing, CancellationToken.None);

        Assert.Equal((12_002, "import"), (created, method));
        Assert.Equal([5_000, 5_000, 2_002], server.ImportBatches);
        Assert.Equal(0, server.Puts);
        Assert.Equal(12_003, server.Brands.Count);
        var sent = server.Brands["load-0042"];
        Assert.Equal(brands[42].Name, sent.GetProperty("name").GetString());
        Assert.Equal([brands[42].Keyword], sent.GetProperty("keywords").EnumerateArray().Select(k => k.GetString()));
        Assert.Equal([brands[42].Hashtag], sent.GetProperty("hashtags").EnumerateArray().Select(k => k.GetString()));
    }

    [Fact]
    public async Task Without_the_import_endpoint_each_missing_brand_is_put()
    {
        await using var server = await BrandServer.StartAsync(import: false);
        using var http = new HttpClient();
        var brands = LoadBrands.Generate(40, seed: 1);

        var (created, method) = await BrandSetup.CreateMissingAsync(http, server.Address, brands, new HashSet<string>(), CancellationToken.None);

        Assert.Equal((40, "put"), (created, method));
        Assert.Equal(40, server.Puts);
        Assert.Equal(brands.Select(b => b.Id).Order(), server.Brands.Keys.Order());
        Assert.False(server.Brands["load-0007"].TryGetProperty("id", out _)); // a PUT's body is the brand without its id
    }

    [Fact]
    public async Task Nothing_missing_sends_nothing()
    {
        await using var server = await BrandServer.StartAsync(import: true);
        using var http = new HttpClient();
        var brands = LoadBrands.Generate(3, seed: 1);

        var (created, method) = await BrandSetup.CreateMissingAsync(http, server.Address, brands, brands.Select(b => b.Id).ToHashSet(), CancellationToken.None);

        Assert.Equal((0, "none"), (created, method));
        Assert.Empty(server.ImportBatches);
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync(new Uri(server.Address, "/api/brands"))).StatusCode);
    }
}
