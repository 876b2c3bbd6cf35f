using System.Net.Http.Json;
using System.Text.Json;
using Pulse.Silo.Cli;
using Pulse.Silo.Tests.Functional;
using Pulse.Testing;

namespace Pulse.Silo.Tests.Sources;

/// <summary>Sources from the configuration (Pulse:Sources:Definitions): listed once the host runs; a wrong one stops the start, named.</summary>
public sealed class SourcesConfigurationTests
{
    [Trait("Category", "Slow")]
    [Fact]
    public async Task A_configured_source_is_listed_with_its_defaults()
    {
        var feed = $"http://127.0.0.1:{FreePort.Next()}/feed.xml";
        await using var host = await RunningHost.StartAsync(
        [
            $"--silo-port={FreePort.Next()}", $"--gateway-port={FreePort.Next()}",
            "--Pulse:Sources:Definitions:0:id=cfg-feed",
            "--Pulse:Sources:Definitions:0:kind=rss",
            $"--Pulse:Sources:Definitions:0:url={feed}",
            "--Pulse:Sources:Definitions:0:pollSeconds=600",
        ]);

        var listed = await Eventually.GetAsync(
            () => host.Http.GetFromJsonAsync<JsonElement>("/api/sources"),
            l => l.GetArrayLength() > 0,
            TimeSpan.FromSeconds(30));

        var source = Assert.Single(listed.EnumerateArray());
        Assert.Equal("cfg-feed", source.GetProperty("id").GetString());
        Assert.Equal("rss", source.GetProperty("kind").GetString());
        Assert.Equal(feed, source.GetProperty("url").GetString());
        Assert.Equal("news", source.GetProperty("channel").GetString());
        Assert.Equal(600, source.GetProperty("pollSeconds").GetInt32());
    }

    [Fact]
    public async Task Two_configured_sources_with_one_id_stop_the_start_naming_the_second()
    {
        string[] args =
        [
            $"--urls=http://127.0.0.1:{FreePort.Next()}",
            $"--Pulse:SiloPort={FreePort.Next()}",
            $"--Pulse:GatewayPort={FreePort.Next()}",
            "--Logging:LogLevel:Default=Warning",
            "--Pulse:Sources:Definitions:0:id=twice", "--Pulse:Sources:Definitions:0:kind=rss", "--Pulse:Sources:Definitions:0:url=http://127.0.0.1:9/a.xml",
            "--Pulse:Sources:Definitions:1:id=twice", "--Pulse:Sources:Definitions:1:kind=rss", "--Pulse:Sources:Definitions:1:url=http://127.0.0.1:9/b.xml",
        ];

        await using var app = PulseCommandLine.CreateApp(args);
        var failure = await Record.ExceptionAsync(() => app.StartAsync());

        Assert.NotNull(failure);
        Assert.Contains("Pulse:Sources:Definitions:1:id", failure.ToString(), StringComparison.Ordinal);
    }

    [Trait("Category", "Slow")]
    [Theory]
    [InlineData("kind", "nope")]
    [InlineData("url", "ftp://127.0.0.1/feed.xml")]
    [InlineData("pollSeconds", "0")]
    public async Task An_invalid_configured_source_stops_the_start_naming_its_key(string field, string value)
    {
        Dictionary<string, string> entry = new(StringComparer.Ordinal)
        {
            ["id"] = "cfg-bad",
            ["kind"] = "rss",
            ["url"] = "http://127.0.0.1:9/feed.xml",
            [field] = value,
        };
        string[] args =
        [
            $"--urls=http://127.0.0.1:{FreePort.Next()}",
            $"--Pulse:SiloPort={FreePort.Next()}",
            $"--Pulse:GatewayPort={FreePort.Next()}",
            "--Logging:LogLevel:Default=Warning",
            .. entry.Select(e => $"--Pulse:Sources:Definitions:0:{e.Key}={e.Value}"),
        ];

        await using var app = PulseCommandLine.CreateApp(args);
        var failure = await Record.ExceptionAsync(() => app.StartAsync());

        Assert.NotNull(failure);
        Assert.Contains($"Pulse:Sources:Definitions:0:{field}", failure.ToString(), StringComparison.Ordinal);
    }
}
