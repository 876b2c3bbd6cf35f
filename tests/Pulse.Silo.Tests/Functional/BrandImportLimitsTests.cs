using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Pulse.Silo.Tests.Auth;
using Pulse.Testing;

namespace Pulse.Silo.Tests.Functional;

/// <summary>An import past its limits (items, bytes announced or streamed) is a 413 problem, and nothing of it is stored.</summary>
public sealed class BrandImportLimitsTests : IAsyncLifetime
{
    private const string Route = "/api/brands:import";
    private RunningHost _host = null!;

    public async Task InitializeAsync() =>
        _host = await RunningHost.StartAsync(
        [
            $"--Pulse:SiloPort={FreePort.Next()}",
            $"--Pulse:GatewayPort={FreePort.Next()}",
            "--Pulse:Brands:MaxImportItems=3",
            "--Pulse:Brands:MaxImportBytes=2000",
        ]);

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task More_brands_than_the_limit_are_refused_whole()
    {
        var ndjson = string.Join('\n', Enumerable.Range(0, 4).Select(i => $$"""{"id":"lim-{{i}}","keywords":["lim{{i}}"]}"""));
        var array = "[" + string.Join(',', Enumerable.Range(0, 4).Select(i => $$"""{"id":"lim-{{i}}","keywords":["lim{{i}}"]}""")) + "]";

        var lines = await _host.Http.PostAsync(Route, new StringContent(ndjson, Encoding.UTF8, "application/x-ndjson"));
        var elements = await _host.Http.PostAsync(Route, new StringContent(array, Encoding.UTF8, "application/json"));

        Assert.Equal(3, (await ProblemAssert.IsAsync(lines, HttpStatusCode.RequestEntityTooLarge)).GetProperty("limit").GetInt32());
        Assert.Equal("Too many brands", (await ProblemAssert.IsAsync(elements, HttpStatusCode.RequestEntityTooLarge)).GetProperty("title").GetString());
        Assert.Equal(HttpStatusCode.NotFound, (await _host.Http.GetAsync("/api/brands/lim-0")).StatusCode);
    }

    [Fact]
    public async Task A_body_past_the_byte_limit_is_refused_whether_announced_or_streamed()
    {
        var body = $$"""[{"id":"lim-big","keywords":["limbig"],"name":"{{new string('x', 3000)}}"}]""";
        var announced = new StringContent(body, Encoding.UTF8, "application/json");
        var streamed = new StreamContent(new NoLengthStream(Encoding.UTF8.GetBytes(body)));
        streamed.Headers.ContentType = new MediaTypeHeaderValue("application/json");

        var first = await _host.Http.PostAsync(Route, announced);
        var second = await _host.Http.PostAsync(Route, streamed);

        Assert.Equal(2000, (await ProblemAssert.IsAsync(first, HttpStatusCode.RequestEntityTooLarge)).GetProperty("limit").GetInt32());
        await ProblemAssert.IsAsync(second, HttpStatusCode.RequestEntityTooLarge);
        Assert.Equal(HttpStatusCode.NotFound, (await _host.Http.GetAsync("/api/brands/lim-big")).StatusCode);
    }

    /// <summary>A body whose length is unknown up front, so the client sends it chunked.</summary>
    private sealed class NoLengthStream(byte[] bytes) : MemoryStream(bytes)
    {
        public override bool CanSeek => false;
    }
}
