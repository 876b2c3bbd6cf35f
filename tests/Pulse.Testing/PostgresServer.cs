using System.Diagnostics;
using System.Globalization;

namespace Pulse.Testing;

/// <summary>
/// A real PostgreSQL server (Debian's postgresql package, which tests/run.sh installs) on a free loopback port, in a data
/// directory of its own, with password authentication as a production server has. PostgreSQL refuses to run as root, so
/// as root the server runs as the package's <c>postgres</c> user. <see cref="StopAsync"/> and <see cref="StartAsync"/>
/// restart it on the same data, for durability tests.
/// </summary>
public sealed class PostgresServer : IAsyncDisposable
{
    public const string User = "pulse";

    private Process? _process;

    private PostgresServer(string dataDirectory, int port, string password)
    {
        DataDirectory = dataDirectory;
        Port = port;
        Password = password;
    }

    public string DataDirectory { get; }

    public int Port { get; }

    public string Password { get; }

    /// <summary>An Npgsql connection string for <paramref name="database"/> as <see cref="User"/>.</summary>
    public string ConnectionString(string database = "pulse") =>
        $"Host=127.0.0.1;Port={Port};Username={User};Password={Password};Database={database}";

    /// <summary>initdb, start, and a database <c>pulse</c> owned by <see cref="User"/>.</summary>
    public static async Task<PostgresServer> StartNewAsync()
    {
        var directory = Path.Combine(Path.GetTempPath(), "pulse-pg-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(directory);
        var server = new PostgresServer(Path.Combine(directory, "data"), FreePort.Next(), Guid.NewGuid().ToString("N"));
        var passwordFile = Path.Combine(directory, "pw");
        await File.WriteAllTextAsync(passwordFile, server.Password);
        if (RunsAsRoot)
        {
            await RunAsync("chown", ["-R", "postgres:postgres", directory]);
        }

        await RunAsync(Binary("initdb"), ["-D", server.DataDirectory, "-U", User, "--pwfile", passwordFile,
            "--auth-local=scram-sha-256", "--auth-host=scram-sha-256", "-E", "UTF8", "--locale=C.UTF-8"]);
        File.Delete(passwordFile);
        await server.StartAsync();
        await RunAsync(Binary("createdb"), ["-h", "127.0.0.1", "-p", server.Port.ToString(CultureInfo.InvariantCulture), "-U", User, "pulse"],
            ("PGPASSWORD", server.Password));
        return server;
    }

    /// <summary>Starts the server (again) on the same port and data directory.</summary>
    public async Task StartAsync()
    {
        if (_process is { HasExited: false })
        {
            return;
        }

        _process = Start(Binary("postgres"),
            "-D", DataDirectory, "-p", Port.ToString(CultureInfo.InvariantCulture), "-c", "listen_addresses=127.0.0.1",
            "-c", "unix_socket_directories=" + Path.GetDirectoryName(DataDirectory), "-c", "max_connections=50");
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (!await AcceptsConnectionsAsync())
        {
            if (_process.HasExited || DateTime.UtcNow > deadline)
            {
                throw new InvalidOperationException($"postgres on port {Port} did not come up (exit code {(_process.HasExited ? _process.ExitCode : -1)}).");
            }

            await Task.Delay(100);
        }
    }

    /// <summary>Stops the server: a fast shutdown (SIGINT: what is committed is on disk) or SIGKILL.</summary>
    public async Task StopAsync(bool kill = false)
    {
        if (_process is not { HasExited: false } process)
        {
            return;
        }

        if (kill)
        {
            process.Kill(entireProcessTree: true);
        }
        else
        {
            // The process held here is runuser's when running as root, which does not pass signals on: pg_ctl signals
            // the postmaster itself (fast: disconnect clients, write a checkpoint, stop).
            await RunAsync(Binary("pg_ctl"), ["stop", "-D", DataDirectory, "-m", "fast", "-w", "-t", "30"]);
        }

        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await process.WaitForExitAsync(cts.Token);
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync(kill: true);
        _process?.Dispose();
        var directory = Path.GetDirectoryName(DataDirectory)!;
        if (Directory.Exists(directory))
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    private static bool RunsAsRoot => Environment.UserName == "root";

    /// <summary>Debian keeps the server's programs under /usr/lib/postgresql/VERSION/bin, off PATH; the newest is used.</summary>
    private static string Binary(string name)
    {
        var versions = Directory.Exists("/usr/lib/postgresql") ? Directory.GetDirectories("/usr/lib/postgresql") : [];
        var found = versions
            .Select(v => Path.Combine(v, "bin", name))
            .Where(File.Exists)
            .OrderByDescending(p => int.TryParse(Path.GetFileName(Path.GetDirectoryName(Path.GetDirectoryName(p))), out var v) ? v : 0)
            .FirstOrDefault();
        return found ?? throw new InvalidOperationException($"PostgreSQL's {name} is not installed (Debian: apt-get install postgresql; tests/run.sh does).");
    }

    private static Process Start(string program, params string[] args)
    {
        var process = Process.Start(Command(program, args)) ?? throw new InvalidOperationException($"{program} did not start.");
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    /// <summary>PostgreSQL's programs run as the package's postgres user when this process is root (chown runs as is).</summary>
    private static ProcessStartInfo Command(string program, string[] args)
    {
        var asPostgres = RunsAsRoot && program != "chown";
        var psi = new ProcessStartInfo(asPostgres ? "runuser" : program)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in asPostgres ? (string[])["-u", "postgres", "--", program, .. args] : args)
        {
            psi.ArgumentList.Add(arg);
        }

        return psi;
    }

    private static async Task<int> RunAsync(string program, string[] args, (string Name, string Value)? environment = null, bool check = true)
    {
        var psi = Command(program, args);
        if (environment is { } variable)
        {
            psi.Environment[variable.Name] = variable.Value;
        }

        using var process = Process.Start(psi) ?? throw new InvalidOperationException($"{program} did not start.");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (check && process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{program} {string.Join(' ', args)} failed ({process.ExitCode}): {await stderr}{await stdout}");
        }

        return process.ExitCode;
    }

    /// <summary>pg_isready: past start-up and recovery, taking connections (a bare TCP accept comes earlier).</summary>
    private async Task<bool> AcceptsConnectionsAsync() =>
        await RunAsync(Binary("pg_isready"), ["-h", "127.0.0.1", "-p", Port.ToString(CultureInfo.InvariantCulture), "-t", "1"], check: false) == 0;
}
