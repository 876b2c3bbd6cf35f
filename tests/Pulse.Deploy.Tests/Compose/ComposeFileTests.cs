using System.Text.Json.Nodes;
using Pulse.Deploy.Tests.Support;

namespace Pulse.Deploy.Tests.Compose;

/// <summary>
/// deploy/compose/compose.yaml read as compose reads it (anchors merged, variables filled in): what it runs and how.
/// Whether the stack works is ComposeStackTests' question, where containers can run.
/// </summary>
public sealed class ComposeFileTests
{
    private static readonly Dictionary<string, string> Required = new()
    {
        ["PULSE_ADMIN_KEY"] = new string('k', 64),
        ["PULSE_REDIS_PASSWORD"] = new string('p', 64),
    };

    [Fact]
    public void The_stack_is_redis_three_silos_and_a_dashboard_only_host_each_pulse_one_locked_down()
    {
        var services = ComposeFile.Services(Required);

        Assert.Equal(["dashboard", "redis", "silo1", "silo2", "silo3"], services.Select(s => s.Key).Order(StringComparer.Ordinal));
        foreach (var name in new[] { "silo1", "silo2", "silo3", "dashboard" })
        {
            var service = services[name]!;
            Assert.Equal("localhost/pulse:latest", service["image"].Text());
            Assert.Equal("true", service["read_only"].Text());
            Assert.Equal(["/tmp"], service["tmpfs"]!.AsArray().Select(t => t.Text()));
            Assert.Equal(["ALL"], service["cap_drop"]!.AsArray().Select(t => t.Text()));
            Assert.Equal("redis:6379", service["environment"]!["Pulse__Redis__Endpoint"].Text());
            Assert.Equal(Required["PULSE_REDIS_PASSWORD"], service["environment"]!["Pulse__Redis__Password"].Text());
            Assert.Equal(Required["PULSE_ADMIN_KEY"], service["environment"]!["Pulse__Auth__AdminKey"].Text());
            Assert.Contains("localhost", service["environment"]!["AllowedHosts"].Text()!.Split(';'));
            // Published on loopback only: nothing reaches the stack from other machines unless its owner says so.
            Assert.StartsWith("127.0.0.1:", Assert.Single(service["ports"]!.AsArray()).Text(), StringComparison.Ordinal);
        }

        foreach (var silo in new[] { "silo1", "silo2", "silo3" })
        {
            Assert.Equal("auto", services[silo]!["environment"]!["Pulse__AdvertisedAddress"].Text());
            Assert.Null(services[silo]!["command"]);
        }

        Assert.Equal(["--dashboard-only"], services["dashboard"]!["command"]!.AsArray().Select(c => c.Text()));
        Assert.Null(services["dashboard"]!["environment"]!["Pulse__AdvertisedAddress"]);
    }

    [Fact]
    public void Redis_persists_to_a_volume_and_requires_the_password_pulse_sends()
    {
        var redis = ComposeFile.Services(Required)["redis"]!;
        var command = redis["command"]!.AsArray().Select(c => c.Text() ?? "").ToList();

        Assert.Equal("yes", command[command.IndexOf("--appendonly") + 1]);
        var dir = command[command.IndexOf("--dir") + 1];
        Assert.Contains(redis["volumes"]!.AsArray(), v => v.Text()!.EndsWith(":" + dir, StringComparison.Ordinal));
        Assert.Equal(Required["PULSE_REDIS_PASSWORD"], command[command.IndexOf("--requirepass") + 1]);
        Assert.NotNull(redis["healthcheck"]);
    }

    [Fact]
    public void Without_the_admin_key_or_the_redis_password_the_file_does_not_resolve()
    {
        foreach (var missing in Required.Keys)
        {
            var variables = Required.Where(kv => kv.Key != missing).ToDictionary();
            var error = Assert.Throws<InvalidOperationException>(() => ComposeFile.Services(variables));
            Assert.Contains(missing, error.Message, StringComparison.Ordinal);
        }
    }
}
