namespace Pulse.Silo.Cli;

/// <summary>
/// Turns `pulse`'s friendly flags into configuration keys, so every setting is also settable from
/// appsettings.json or PULSE__... environment variables. Other arguments (e.g. --urls) pass through.
/// </summary>
internal static class ServeArguments
{
    private static readonly Dictionary<string, string> ValueFlags = new(StringComparer.OrdinalIgnoreCase)
    {
        ["--brands"] = "Pulse:Brands:File",
        ["--silo-port"] = "Pulse:SiloPort",
        ["--gateway-port"] = "Pulse:GatewayPort",
        ["--redis"] = "Pulse:Redis:Endpoint",
        ["--redis-password-file"] = "Pulse:Redis:PasswordFile",
        ["--redis-tls-ca"] = "Pulse:Redis:TlsCaFile",
        ["--cluster-id"] = "Pulse:Redis:ClusterId",
        ["--advertise"] = "Pulse:AdvertisedAddress",
        ["--gateway"] = "Pulse:Client:Gateways",
    };

    private static readonly Dictionary<string, string> SwitchFlags = new(StringComparer.OrdinalIgnoreCase)
    {
        ["--demo"] = "Pulse:Demo:Enabled",
        ["--redis-tls"] = "Pulse:Redis:Tls",
        ["--dashboard-only"] = "Pulse:DashboardOnly",
    };

    public static string[] ToConfiguration(IReadOnlyList<string> args)
    {
        var result = new List<string>(args.Count);
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

            if (SwitchFlags.TryGetValue(arg, out var switchKey))
            {
                result.Add($"--{switchKey}=true");
            }
            else if (ValueFlags.TryGetValue(arg, out var valueKey))
            {
                if (i + 1 >= args.Count)
                {
                    throw new ArgumentException($"{arg} needs a value.");
                }

                result.Add($"--{valueKey}={args[++i]}");
            }
            else
            {
                result.Add(arg);
            }
        }

        return [.. result];
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
