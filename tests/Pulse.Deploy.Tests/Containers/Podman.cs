using System.Globalization;
using Pulse.Deploy.Tests.Support;

namespace Pulse.Deploy.Tests.Containers;

/// <summary>
/// Rootful podman as these machines can run it, through a containers.conf of the tests' own (CONTAINERS_CONF; the
/// machine's configuration is left alone):
/// - runtime runc: crun refuses this kernel's hybrid cgroup layout (v1 controllers plus a cgroup2 mount at
///   /sys/fs/cgroup/unified: "cgroups in hybrid mode not supported");
/// - default ulimits no higher than this process's own: podman asks for 1048576 open files, and without
///   CAP_SYS_RESOURCE (the sandbox drops it) raising a limit fails ("setrlimit RLIMIT_NOFILE: Operation not permitted").
/// There is no systemd either, so podman schedules no periodic health checks; `podman healthcheck run` runs one.
/// </summary>
internal static class Podman
{
    private static readonly Lazy<string> ConfigFile = new(WriteConfig);

    public static IReadOnlyDictionary<string, string> Environment(IReadOnlyDictionary<string, string>? more = null)
    {
        var env = new Dictionary<string, string>(more ?? new Dictionary<string, string>()) { ["CONTAINERS_CONF"] = ConfigFile.Value };
        return env;
    }

    public static Task<CommandResult> RunAsync(TimeSpan timeout, params string[] args) => Command.RunAsync("podman", args, timeout, Environment());

    /// <summary>What is missing for the container tests (tests/run.sh installs these), or null.</summary>
    public static string? Missing() =>
        new[] { "podman", "podman-compose", "mmdebstrap", "runc" }.FirstOrDefault(p => !Command.Exists(p));

    private static string WriteConfig()
    {
        var nofile = HardLimit("Max open files");
        // Podman lowers its own process limit to 32768 before starting the runtime, which then cannot raise it back.
        var nproc = Math.Min(HardLimit("Max processes"), 32768);
        var path = Path.Combine(Path.GetTempPath(), $"pulse-deploy-tests-{System.Environment.ProcessId}.containers.conf");
        File.WriteAllText(path, $"""
            [containers]
            default_ulimits = ["nofile={nofile}:{nofile}", "nproc={nproc}:{nproc}"]
            [engine]
            runtime = "runc"
            """);
        return path;
    }

    private static long HardLimit(string name)
    {
        var line = File.ReadAllLines("/proc/self/limits").Single(l => l.StartsWith(name, StringComparison.Ordinal));
        var hard = line[name.Length..].Split(' ', StringSplitOptions.RemoveEmptyEntries)[1];
        return hard == "unlimited" ? 1_048_576 : long.Parse(hard, CultureInfo.InvariantCulture);
    }
}
