using System.Diagnostics;
using System.Security.Cryptography;
using Pulse.Deploy.Tests.Support;
using Xunit.Abstractions;
using Xunit.Sdk;

namespace Pulse.Deploy.Tests.Containers;

/// <summary>
/// The pulse image, built once for the container tests the way the README says, on the base made here from Debian
/// packages (Microsoft's registry is not reachable from these machines). The base is kept between runs (its tag names
/// what went into it); the pulse image is removed at the end.
/// </summary>
public sealed class PulseImage(IMessageSink diagnostics) : IAsyncLifetime
{
    public string Name { get; } = $"localhost/pulse-test:{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(4))}";

    public string Base { get; private set; } = "";

    public TimeSpan BaseTime { get; private set; }

    public TimeSpan BuildTime { get; private set; }

    public async Task InitializeAsync()
    {
        if (Podman.Missing() is { } missing)
        {
            throw new InvalidOperationException($"{missing} is not installed: tests/run.sh installs the container tools (Debian packages).");
        }

        var clock = Stopwatch.StartNew();
        var baseResult = await Command.RunAsync(Repository.PathOf("deploy", "container", "local-base.sh"), [], TimeSpan.FromMinutes(10), Podman.Environment());
        Base = baseResult.OrThrow().Trim().Split('\n')[^1];
        BaseTime = clock.Elapsed;

        clock.Restart();
        // NO_BUILD: the suite has built Release already; the image takes that build's publish output.
        var build = await Command.RunAsync(
            Repository.PathOf("deploy", "container", "build-image.sh"), ["--local-base"], TimeSpan.FromMinutes(10),
            Podman.Environment(new Dictionary<string, string> { ["IMAGE"] = Name, ["NO_BUILD"] = "1" }));
        build.OrThrow();
        BuildTime = clock.Elapsed;
        diagnostics.OnMessage(new DiagnosticMessage($"pulse image: base {Base} in {BaseTime.TotalSeconds:F1} s, image {Name} in {BuildTime.TotalSeconds:F1} s"));
    }

    public async Task DisposeAsync()
    {
        if (Base.Length > 0)
        {
            await Podman.RunAsync(TimeSpan.FromMinutes(1), "rmi", "--force", Name);
        }
    }
}

[CollectionDefinition(Name)]
public sealed class PulseImageCollection : ICollectionFixture<PulseImage>
{
    public const string Name = "pulse image";
}
