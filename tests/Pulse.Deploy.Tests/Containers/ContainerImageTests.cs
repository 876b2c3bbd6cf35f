using System.Text.Json;
using Xunit.Abstractions;

namespace Pulse.Deploy.Tests.Containers;

/// <summary>The image as built: who it runs as, what it starts, how it reports health, what it holds.</summary>
[Collection(PulseImageCollection.Name)]
[Trait("Category", "Slow")]
public sealed class ContainerImageTests(PulseImage image, ITestOutputHelper output)
{
    [Fact]
    public async Task The_image_runs_pulse_as_user_1654_with_a_health_check_and_holds_the_app_without_symbols()
    {
        output.WriteLine($"base {image.Base} ready in {image.BaseTime.TotalSeconds:F1} s; image built in {image.BuildTime.TotalSeconds:F1} s");
        using var inspect = JsonDocument.Parse((await Podman.RunAsync(TimeSpan.FromMinutes(1), "image", "inspect", image.Name)).OrThrow());
        var config = inspect.RootElement[0].GetProperty("Config");
        // Podman reports the health check beside Config, Docker inside it.
        var healthcheck = inspect.RootElement[0].TryGetProperty("Healthcheck", out var beside) ? beside : config.GetProperty("Healthcheck");

        Assert.Equal("1654:1654", config.GetProperty("User").GetString());
        Assert.Equal(["/usr/local/bin/pulse-entrypoint"], config.GetProperty("Entrypoint").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(["CMD", "/usr/local/bin/pulse-healthcheck"], healthcheck.GetProperty("Test").EnumerateArray().Select(e => e.GetString()));
        Assert.True(config.GetProperty("ExposedPorts").TryGetProperty("8080/tcp", out _));

        var files = (await Podman.RunAsync(TimeSpan.FromMinutes(1), "run", "--rm", "--read-only", "--entrypoint", "ls", image.Name, "/app")).OrThrow()
            .Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.Contains("pulse.dll", files);
        Assert.Contains("appsettings.json", files);
        Assert.DoesNotContain(files, f => f.EndsWith(".pdb", StringComparison.Ordinal));

        // The runtime the entrypoint starts is there, for that user, on a read-only root.
        var runtimes = (await Podman.RunAsync(TimeSpan.FromMinutes(1), "run", "--rm", "--read-only", "--entrypoint", "dotnet", image.Name, "--list-runtimes")).OrThrow();
        Assert.Contains("Microsoft.AspNetCore.App 10.", runtimes, StringComparison.Ordinal);
    }
}
