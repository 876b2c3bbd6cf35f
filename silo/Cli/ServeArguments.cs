using System.CommandLine;

namespace Pulse.Silo.Cli;

/// <summary>
/// `pulse`'s friendly flags, as System.CommandLine options that turn into configuration keys, so every setting is also
/// settable from appsettings.json or PULSE__... environment variables. Other arguments (e.g. --urls, or any
/// --Section:Key=value) pass through to configuration unchanged.
/// </summary>
internal static class ServeArguments
{
    private static readonly (string Flag, string Key, string HelpName, string Description)[] ValueFlags =
    [
        ("--urls", "urls", "URL", "Where to listen (default http://localhost:5080)"),
        ("--brands", "Pulse:Brands:File", "FILE", "A JSON file of brands to add at start"),
        ("--silo-port", "Pulse:SiloPort", "N", "The silo-to-silo port"),
        ("--gateway-port", "Pulse:GatewayPort", "N", "The client gateway port"),
        ("--redis", "Pulse:Redis:Endpoint", "HOST:PORT", "Cluster mode: membership, grain state and the ingest log live in this Redis"),
        ("--redis-password-file", "Pulse:Redis:PasswordFile", "PATH", "A file holding the Redis password (or set Pulse__Redis__Password)"),
        ("--redis-tls-ca", "Pulse:Redis:TlsCaFile", "CA.pem", "The CA that signed Redis's certificate (with --redis-tls)"),
        ("--cluster-id", "Pulse:Redis:ClusterId", "ID", "The cluster's id in Redis (default pulse)"),
        ("--advertise", "Pulse:AdvertisedAddress", "IP", "This machine's IP: listen on all addresses and advertise this one (else loopback only)"),
        ("--postgres", "Pulse:Archive:ConnectionString", "CONNECTION", "Archive every matched mention in this PostgreSQL database (an Npgsql connection string)"),
        ("--gateway", "Pulse:Client:Gateways", "HOST:PORT[,...]", "With --dashboard-only: silo gateways to use instead of finding them in Redis"),
    ];

    private static readonly (string Flag, string Key, string Description)[] SwitchFlags =
    [
        ("--demo", "Pulse:Demo:Enabled", "Generate demo brands and mentions, with a crisis spike every few minutes"),
        ("--redis-tls", "Pulse:Redis:Tls", "Reach Redis over TLS"),
        ("--dashboard-only", "Pulse:DashboardOnly", "An Orleans client of the --redis cluster serving the dashboard and read APIs: no silo, no ingest"),
    ];

    /// <summary>Adds the flags to <paramref name="command"/>, which passes every other argument on to configuration.</summary>
    public static void AddTo(Command command)
    {
        ArgumentNullException.ThrowIfNull(command);
        foreach (var (flag, _, helpName, description) in ValueFlags)
        {
            command.Options.Add(new Option<string>(flag) { Description = description, HelpName = helpName });
        }

        foreach (var (flag, _, description) in SwitchFlags)
        {
            command.Options.Add(new Option<bool>(flag) { Description = description });
        }

        command.TreatUnmatchedTokensAsErrors = false;
    }

    /// <summary>The configuration arguments of a parsed serve command line: the arguments passed through, then the flags.</summary>
    public static string[] ToConfiguration(ParseResult parsed)
    {
        ArgumentNullException.ThrowIfNull(parsed);
        var result = new List<string>(parsed.UnmatchedTokens);
        foreach (var (flag, key, _, _) in ValueFlags)
        {
            if (parsed.GetValue<string>(flag) is { } value)
            {
                result.Add($"--{key}={value}");
            }
        }

        foreach (var (flag, key, _) in SwitchFlags)
        {
            if (parsed.GetValue<bool>(flag))
            {
                result.Add($"--{key}=true");
            }
        }

        return [.. result];
    }

    /// <summary>Parses serve arguments alone (tests, and hosts built the way `pulse` builds them).</summary>
    /// <exception cref="ArgumentException">A secret on the command line, or a flag without its value; the message says which.</exception>
    public static string[] ToConfiguration(IReadOnlyList<string> args)
    {
        var command = new Command("pulse");
        AddTo(command);
        var parsed = command.Parse(Normalize(args), new ParserConfiguration { ResponseFileTokenReplacer = null });
        return parsed.Errors.Count > 0
            ? throw new ArgumentException(string.Join(Environment.NewLine, parsed.Errors.Select(e => e.Message)))
            : ToConfiguration(parsed);
    }

    /// <summary>
    /// Refuses secrets on the command line (every user of the machine sees it in the process list), and spells a flag
    /// given in another case (<c>--Demo</c>) as it is declared, as `pulse` always took them.
    /// </summary>
    /// <exception cref="ArgumentException">A secret on the command line; the message says where to put it instead.</exception>
    public static string[] Normalize(IReadOnlyList<string> args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var flags = ValueFlags.Select(f => f.Flag).Concat(SwitchFlags.Select(f => f.Flag)).ToArray();
        var result = new string[args.Count];
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            if (string.Equals(arg, "--redis-password", StringComparison.OrdinalIgnoreCase) || arg.StartsWith("--redis-password=", StringComparison.OrdinalIgnoreCase))
            {
                throw new ArgumentException(
                    "--redis-password would show the password to every user of this machine (the process list). "
                    + "Set Pulse__Redis__Password in the environment, or pass --redis-password-file PATH.");
            }

            if (NamesOidcClientSecret(arg))
            {
                throw new ArgumentException(
                    "The OpenID Connect client secret on the command line would show it to every user of this machine (the process list). "
                    + "Set Pulse__Auth__Oidc__ClientSecret in the environment, or Pulse:Auth:Oidc:ClientSecretFile to a file holding it.");
            }

            result[i] = flags.FirstOrDefault(f => string.Equals(f, arg, StringComparison.OrdinalIgnoreCase)) ?? arg;
        }

        return result;
    }

    /// <summary>Whether <paramref name="arg"/> is the configuration key Pulse:Auth:Oidc:ClientSecret in any form the command line takes (--, -, /, with or without =).</summary>
    private static bool NamesOidcClientSecret(string arg)
    {
        var key = arg.TrimStart('-', '/');
        var equals = key.IndexOf('=', StringComparison.Ordinal);
        key = equals < 0 ? key : key[..equals];
        return string.Equals(key, "Pulse:Auth:Oidc:ClientSecret", StringComparison.OrdinalIgnoreCase);
    }
}
