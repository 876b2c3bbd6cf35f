using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using Pulse.Silo.Auth.Keys;

namespace Pulse.Benchmarks.Brands;

/// <summary>
/// A fresh `pulse` process (the built silo, <c>dotnet pulse.dll</c>) on free loopback ports, with an admin key: what
/// an engineer starts, so its start-up is timed cold, JIT and all.
/// </summary>
internal sealed class PulseChild : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();

    private PulseChild(Process process, Uri address, string key, long started)
    {
        _process = process;
        Address = address;
        Started = started;
        Http = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromMinutes(10) };
        Http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
    }

    public Uri Address { get; }

    public HttpClient Http { get; }

    /// <summary>When the process was launched (a <see cref="Stopwatch"/> timestamp).</summary>
    public long Started { get; }

    public TimeSpan Elapsed => Stopwatch.GetElapsedTime(Started);

    /// <summary>The process's resident set, from /proc.</summary>
    public long ResidentBytes
    {
        get
        {
            _process.Refresh();
            return _process.WorkingSet64;
        }
    }

    public static PulseChild Launch(params string[] args)
    {
        var address = new Uri($"http://127.0.0.1:{Pulse.Testing.FreePort.Next()}");
        var key = ApiKeySecret.New();
        var psi = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        psi.ArgumentList.Add(PulseDll());
        foreach (var arg in new[]
        {
            "--urls", address.ToString(),
            "--silo-port", Pulse.Testing.FreePort.Next().ToString(CultureInfo.InvariantCulture),
            "--gateway-port", Pulse.Testing.FreePort.Next().ToString(CultureInfo.InvariantCulture),
            "--Logging:LogLevel:Default=Warning",
        }.Concat(args))
        {
            psi.ArgumentList.Add(arg);
        }

        psi.Environment["Pulse__Auth__AdminKey"] = key;
        var started = Stopwatch.GetTimestamp();
        var process = Process.Start(psi) ?? throw new InvalidOperationException("dotnet did not start.");
        var child = new PulseChild(process, address, key, started);
        process.OutputDataReceived += (_, e) => child.Append(e.Data);
        process.ErrorDataReceived += (_, e) => child.Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return child;
    }

    /// <summary>Waits until /healthz answers 200 and returns the time since launch.</summary>
    public Task<TimeSpan> HealthyAsync() => UntilAsync(async () => (await Http.GetAsync("/healthz")).IsSuccessStatusCode);

    /// <summary>Polls <paramref name="done"/> every 50 ms until it holds; returns the time since launch.</summary>
    public async Task<TimeSpan> UntilAsync(Func<Task<bool>> done)
    {
        var deadline = Stopwatch.GetTimestamp() + Stopwatch.Frequency * 600;
        while (true)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"pulse exited with {_process.ExitCode}:\n{Output}");
            }

            try
            {
                if (await done())
                {
                    return Elapsed;
                }
            }
            catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException)
            {
                // not listening yet
            }

            if (Stopwatch.GetTimestamp() > deadline)
            {
                throw new TimeoutException($"pulse did not get there in 10 minutes:\n{Output}");
            }

            await Task.Delay(50);
        }
    }

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

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }

    private void Append(string? line)
    {
        if (line is not null)
        {
            lock (_output)
            {
                _output.AppendLine(line);
            }
        }
    }

    private static string PulseDll()
    {
        var root = new DirectoryInfo(AppContext.BaseDirectory);
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "Pulse.sln")))
        {
            root = root.Parent;
        }

        var dll = root is null ? null : Path.Combine(root.FullName, "silo", "bin", "Release", "net10.0", "pulse.dll");
        return dll is not null && File.Exists(dll) ? dll : throw new FileNotFoundException("Build the solution in Release first (dotnet build Pulse.sln -c Release).", dll);
    }
}
