using System.Diagnostics;
using System.Net.Security;
using System.Net.Sockets;

namespace Pulse.Testing;

/// <summary>
/// A real redis-server process on a free loopback port, for tests of cluster mode. The test command
/// (tests/run.sh) installs Debian's redis-server when it is missing. Persistence is off unless asked for:
/// <paramref name="dataDirectory"/> turns on append-only files there, so a restarted server keeps its data.
/// </summary>
public sealed class RedisServer : IAsyncDisposable
{
    private Process? _process;

    private readonly string? _password;
    private readonly RedisAclUser? _user;
    private readonly RedisTlsFiles? _tls;

    private RedisServer(int port, string? dataDirectory, string? password, RedisAclUser? user = null, RedisTlsFiles? tls = null)
    {
        Port = port;
        DataDirectory = dataDirectory;
        _password = password;
        _user = user;
        _tls = tls;
    }

    /// <summary>The port clients connect to: the TLS port when the server has TLS files.</summary>
    public int Port { get; }

    public string? DataDirectory { get; }

    /// <summary>"127.0.0.1:PORT", the form `pulse --redis` takes.</summary>
    public string Endpoint => $"127.0.0.1:{Port}";

    /// <summary>Starts a server; with <paramref name="password"/> it requires AUTH (requirepass), as a production Redis does.</summary>
    public static async Task<RedisServer> StartAsync(string? dataDirectory = null, int? port = null, string? password = null)
    {
        var server = new RedisServer(port ?? FreePort.Next(), dataDirectory, password);
        await server.StartAsync();
        return server;
    }

    /// <summary>
    /// Starts a server that takes TLS connections only (<paramref name="tls"/>), and, with <paramref name="user"/>, only
    /// that ACL user (the default user is off).
    /// </summary>
    public static async Task<RedisServer> StartTlsAsync(RedisTlsFiles tls, RedisAclUser? user = null)
    {
        ArgumentNullException.ThrowIfNull(tls);
        var server = new RedisServer(FreePort.Next(), dataDirectory: null, password: null, user, tls);
        await server.StartAsync();
        return server;
    }

    /// <summary>Starts the process (again, after <see cref="StopAsync"/>) on the same port and data directory.</summary>
    public async Task StartAsync()
    {
        if (_process is { HasExited: false })
        {
            return;
        }

        var psi = new ProcessStartInfo(FindExecutable())
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in Arguments())
        {
            psi.ArgumentList.Add(arg);
        }

        _process = Process.Start(psi) ?? throw new InvalidOperationException("redis-server did not start.");
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(20);
        while (!await AcceptsConnectionsAsync())
        {
            if (_process.HasExited || DateTime.UtcNow > deadline)
            {
                throw new InvalidOperationException($"redis-server on port {Port} did not come up (exit code {(_process.HasExited ? _process.ExitCode : -1)}).");
            }

            await Task.Delay(50);
        }
    }

    /// <summary>Stops the server: gracefully (SHUTDOWN via SIGTERM, data saved when persistent) or by SIGKILL.</summary>
    public async Task StopAsync(bool kill = false)
    {
        if (_process is not { HasExited: false } process)
        {
            return;
        }

        if (kill)
        {
            process.Kill();
        }
        else
        {
            Process.Start("kill", ["-TERM", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)])?.WaitForExit();
        }

        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        await process.WaitForExitAsync(cts.Token);
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync(kill: true);
        _process?.Dispose();
        if (DataDirectory is not null && Directory.Exists(DataDirectory))
        {
            Directory.Delete(DataDirectory, recursive: true);
        }
    }

    private IEnumerable<string> Arguments()
    {
        if (_tls is null)
        {
            yield return "--port";
            yield return Port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }
        else
        {
            yield return "--port";
            yield return "0";
            yield return "--tls-port";
            yield return Port.ToString(System.Globalization.CultureInfo.InvariantCulture);
            yield return "--tls-cert-file";
            yield return _tls.CertificateFile;
            yield return "--tls-key-file";
            yield return _tls.KeyFile;
            yield return "--tls-ca-cert-file";
            yield return _tls.CaFile;
            yield return "--tls-auth-clients";
            yield return "no";
        }

        if (_user is not null)
        {
            foreach (var arg in new[] { "--user", _user.Name, "on", ">" + _user.Password, "~*", "&*" }
                .Concat(_user.Permissions.Split(' ', StringSplitOptions.RemoveEmptyEntries))
                .Concat(["--user", "default", "off"]))
            {
                yield return arg;
            }
        }

        yield return "--bind";
        yield return "127.0.0.1";
        yield return "--save";
        yield return "";
        if (_password is not null)
        {
            yield return "--requirepass";
            yield return _password;
        }
        if (DataDirectory is null)
        {
            yield return "--appendonly";
            yield return "no";
        }
        else
        {
            Directory.CreateDirectory(DataDirectory);
            yield return "--dir";
            yield return DataDirectory;
            yield return "--appendonly";
            yield return "yes";
            yield return "--appendfsync";
            yield return "everysec";
        }
    }

    private async Task<bool> AcceptsConnectionsAsync()
    {
        try
        {
            using var client = new TcpClient();
            await client.ConnectAsync("127.0.0.1", Port);
            await using var stream = await OpenAsync(client);
            string[]? auth = _user is not null ? ["AUTH", _user.Name, _user.Password] : _password is not null ? ["AUTH", _password] : null;
            if (auth is not null)
            {
                await stream.WriteAsync(Command(auth));
                if (!(await ReadLineAsync(stream)).StartsWith('+'))
                {
                    return false;
                }
            }

            await stream.WriteAsync("PING\r\n"u8.ToArray());
            return (await ReadLineAsync(stream)).StartsWith('+'); // not -LOADING
        }
        catch (Exception ex) when (ex is SocketException or IOException or TimeoutException or System.Security.Authentication.AuthenticationException)
        {
            return false;
        }
    }

    private async Task<Stream> OpenAsync(TcpClient client)
    {
        var stream = client.GetStream();
        if (_tls is null)
        {
            return stream;
        }

        // Trusts the server's own CA file, as a client given that CA would.
        using var ca = System.Security.Cryptography.X509Certificates.X509CertificateLoader.LoadCertificateFromFile(_tls.CaFile);
        var tls = new SslStream(stream, leaveInnerStreamOpen: false);
        var options = new SslClientAuthenticationOptions
        {
            TargetHost = "127.0.0.1",
            CertificateChainPolicy = new System.Security.Cryptography.X509Certificates.X509ChainPolicy
            {
                TrustMode = System.Security.Cryptography.X509Certificates.X509ChainTrustMode.CustomRootTrust,
                RevocationMode = System.Security.Cryptography.X509Certificates.X509RevocationMode.NoCheck,
                CustomTrustStore = { ca },
            },
        };
        await tls.AuthenticateAsClientAsync(options).WaitAsync(TimeSpan.FromSeconds(2));
        return tls;
    }

    private static byte[] Command(string[] parts)
    {
        var text = new System.Text.StringBuilder().Append('*').Append(parts.Length).Append("\r\n");
        foreach (var part in parts)
        {
            text.Append('$').Append(System.Text.Encoding.UTF8.GetByteCount(part)).Append("\r\n").Append(part).Append("\r\n");
        }

        return System.Text.Encoding.UTF8.GetBytes(text.ToString());
    }

    /// <summary>One reply line of the Redis protocol (an empty string if the server closed or said nothing in 2 s).</summary>
    private static async Task<string> ReadLineAsync(Stream stream)
    {
        var line = new System.Text.StringBuilder();
        var one = new byte[1];
        while (await stream.ReadAsync(one).AsTask().WaitAsync(TimeSpan.FromSeconds(2)) == 1 && one[0] != (byte)'\n')
        {
            line.Append((char)one[0]);
        }

        return line.ToString();
    }

    private static string FindExecutable()
    {
        foreach (var candidate in new[] { "/usr/bin/redis-server", "/usr/local/bin/redis-server" })
        {
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        return "redis-server"; // on PATH, or Process.Start says clearly that it is missing
    }
}
