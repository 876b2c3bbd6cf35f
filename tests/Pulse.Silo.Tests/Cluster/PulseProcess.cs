using Pulse.Silo.Tests.Functional;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using Pulse.Testing;

namespace Pulse.Silo.Tests.Cluster;

/// <summary>
/// A real `pulse` process (the built silo/bin output, run with `dotnet pulse.dll`) in cluster mode on free loopback
/// ports: what an engineer starts, so it can be killed with SIGKILL for real.
/// </summary>
public sealed class PulseProcess : IAsyncDisposable
{
    private readonly StringBuilder _output = new();
    private Process? _process;

    private PulseProcess(string name, string redisEndpoint, IReadOnlyList<string> extraArgs)
    {
        Name = name;
        RedisEndpoint = redisEndpoint;
        ExtraArgs = extraArgs;
        BaseAddress = new Uri($"http://127.0.0.1:{FreePort.Next()}");
        SiloPort = FreePort.Next();
        GatewayPort = FreePort.Next();
    }

    public string Name { get; }

    public string RedisEndpoint { get; }

    public IReadOnlyList<string> ExtraArgs { get; }

    public Uri BaseAddress { get; }

    public int SiloPort { get; }

    public int GatewayPort { get; }

    public bool IsRunning => _process is { HasExited: false };

    /// <summary>What the process printed (stdout and stderr), for failure messages.</summary>
    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    public static async Task<PulseProcess> StartAsync(string name, string redisEndpoint, params string[] extraArgs)
    {
        var process = new PulseProcess(name, redisEndpoint, extraArgs);
        await process.StartAsync();
        return process;
    }

    /// <summary>Starts (or restarts, on the same ports) and waits until /healthz answers.</summary>
    public async Task StartAsync()
    {
        Launch();
        await WaitHealthyAsync();
    }

    /// <summary>Starts a process that is not yet created, without waiting for it: a test may kill it while it starts.</summary>
    public static PulseProcess Launch(string name, string redisEndpoint, params string[] extraArgs)
    {
        var process = new PulseProcess(name, redisEndpoint, extraArgs);
        process.Launch();
        return process;
    }

    /// <summary>Starts the process (again, on the same ports) without waiting for it to answer.</summary>
    public void Launch()
    {
        var psi = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        psi.ArgumentList.Add(PulseDll());
        foreach (var arg in new[]
        {
            "--redis", RedisEndpoint,
            "--urls", BaseAddress.ToString(),
            "--silo-port", SiloPort.ToString(CultureInfo.InvariantCulture),
            "--gateway-port", GatewayPort.ToString(CultureInfo.InvariantCulture),
            "--Logging:LogLevel:Default=Warning",
            "--Logging:LogLevel:Pulse.Grains.Ingest=Information",
        }.Concat(ExtraArgs))
        {
            psi.ArgumentList.Add(arg);
        }

        psi.Environment[TestCaller.AdminKeyEnvironment.Key] = TestCaller.AdminKeyEnvironment.Value;
        psi.Environment["DOTNET_gcServer"] = "0"; // three silos share two cores with the test: keep each one's GC small
        _process = Process.Start(psi) ?? throw new InvalidOperationException("dotnet did not start.");
        _process.OutputDataReceived += (_, e) => Append(e.Data);
        _process.ErrorDataReceived += (_, e) => Append(e.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    /// <summary>Waits until /healthz answers 200; fails if the process exits or takes more than 90 s.</summary>
    public async Task WaitHealthyAsync()
    {
        var process = _process ?? throw new InvalidOperationException("Launch the process first.");
        using var http = TestCaller.Http(BaseAddress, TimeSpan.FromSeconds(5));
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(90);
        while (true)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"pulse {Name} exited with {process.ExitCode}:\n{Output}");
            }

            try
            {
                if ((await http.GetAsync("/healthz")).IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
            {
                // not listening yet
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"pulse {Name} did not become healthy:\n{Output}");
            }

            await Task.Delay(250);
        }
    }

    /// <summary>SIGKILL: no shutdown code runs, in-memory state is gone, connections drop.</summary>
    public void Kill()
    {
        if (_process is { HasExited: false } p)
        {
            p.Kill(entireProcessTree: true);
            p.WaitForExit();
        }
    }

    /// <summary>SIGTERM: the host shuts down gracefully (grains deactivate, the silo leaves the cluster).</summary>
    public async Task StopAsync()
    {
        if (_process is not { HasExited: false } p)
        {
            return;
        }

        Process.Start("kill", ["-TERM", p.Id.ToString(CultureInfo.InvariantCulture)])?.WaitForExit();
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        try
        {
            await p.WaitForExitAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            p.Kill(entireProcessTree: true);
            throw new TimeoutException($"pulse {Name} did not stop within 60 s:\n{Output}");
        }
    }

    public async ValueTask DisposeAsync()
    {
        Kill();
        _process?.Dispose();
        await Task.CompletedTask;
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            // Keep the tail only: a long run must not grow the test's memory without bound. Generous, so that a burst
            // of retries after a kill does not push out what led to it.
            if (_output.Length > 4_000_000)
            {
                _output.Remove(0, 1_000_000);
            }

            _output.Append('[').Append(Name).Append("] ").AppendLine(line);
        }
    }

    /// <summary>silo/bin/{Configuration}/net10.0/pulse.dll of this checkout, built with the same configuration as the tests.</summary>
    private static string PulseDll()
    {
        var testDir = new DirectoryInfo(AppContext.BaseDirectory);
        var tfm = testDir.Name; // net10.0
        var configuration = testDir.Parent!.Name; // Release or Debug
        var dll = Path.Combine(RepositoryRoot.Find().FullName, "silo", "bin", configuration, tfm, "pulse.dll");
        return File.Exists(dll) ? dll : throw new FileNotFoundException("Build the silo first (dotnet build Pulse.sln).", dll);
    }
}
